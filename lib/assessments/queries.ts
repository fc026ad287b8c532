// Reading assessments (visits) and a patient's current flags. Every query takes the acting user
// first and scopes by actor.clinicId: another clinic's visit is indistinguishable from a missing one.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { MEASURE_CODES, type MeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { readPatientEvaluation } from "@/lib/patients/evaluation";
import type { PatientView } from "@/lib/patients/queries";
import { isUuid } from "@/lib/validation/parse";
import { INSTRUMENTS, INSTRUMENT_CODES, type QuestionnaireView } from "@/lib/questionnaires/instruments";
import type { Footwear } from "@/lib/patients/history/schemas";

type Tx = Prisma.TransactionClient | PrismaClient;

export interface PersonRef {
  id: string;
  name: string;
}

export interface MeasureValueView {
  code: string;
  side: "left" | "right" | "none";
  value: number;
  method: string | null;
}

/** A visit as the API and the pages see it: plain JSON, instants as ISO strings. */
export interface AssessmentView {
  id: string;
  patientId: string;
  takenAt: string;
  measures: MeasureValueView[];
  redFlags: string[];
  notes: string | null;
  /** What the patient wore most days around this visit; null = not recorded. */
  footwear: Footwear | null;
  /** Item answers of the questionnaires scored at this visit (their scores are among `measures`). */
  questionnaires: QuestionnaireView[];
  rater: PersonRef;
  createdAt: string;
  amendedAt: string | null;
  amendedBy: PersonRef | null;
  amendReason: string | null;
  deletedAt: string | null;
  deletedBy: PersonRef | null;
  deleteReason: string | null;
}

type MeasureTuple = [code: string, side: MeasureValueView["side"], value: number, method: string | null];
type QuestionnaireTuple = [instrument: (typeof INSTRUMENTS)[number], answers: unknown, score: number];

/** A visit as one row: instants as epoch milliseconds, its values and answers as JSON text. */
type AssessmentRow = {
  id: string;
  patientId: string;
  takenAt: number;
  redFlags: string[];
  notes: string | null;
  footwear: Footwear | null;
  createdAt: number;
  amendedAt: number | null;
  amendedById: string | null;
  amendedByName: string | null;
  amendReason: string | null;
  deletedAt: number | null;
  deletedById: string | null;
  deletedByName: string | null;
  deleteReason: string | null;
  raterId: string;
  raterName: string;
  measures: string;
  questionnaires: string;
};

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

// Visits with their values, answers, rater and the amending and deleting users' names in ONE
// statement (the ORM's select sent four: the visit, its rater, values and answers, then the
// names). Every API write answers with the visit it wrote, so this is on each write's path.
// Amending and deleting users have no relation in the schema; they are joined within the clinic.
const VIEW_SELECT = `
  SELECT a."id"::text AS "id", a."patientId"::text AS "patientId", ${epochMs('a."takenAt"')} AS "takenAt",
         a."redFlags", a."notes", a."footwear"::text AS "footwear", ${epochMs('a."createdAt"')} AS "createdAt",
         ${epochMs('a."amendedAt"')} AS "amendedAt", a."amendedById"::text AS "amendedById", am."name" AS "amendedByName", a."amendReason",
         ${epochMs('a."deletedAt"')} AS "deletedAt", a."deletedById"::text AS "deletedById", de."name" AS "deletedByName", a."deleteReason",
         a."raterId"::text AS "raterId", r."name" AS "raterName",
         COALESCE((SELECT json_agg(json_build_array(m."code", m."side", m."value", m."method") ORDER BY m."code", m."side")
                     FROM "MeasureValue" m WHERE m."assessmentId" = a."id"), '[]'::json)::text AS "measures",
         COALESCE((SELECT json_agg(json_build_array(q."instrument", q."answers", q."score"))
                     FROM "QuestionnaireResponse" q WHERE q."assessmentId" = a."id"), '[]'::json)::text AS "questionnaires"
    FROM "Assessment" a
    JOIN "User" r ON r."id" = a."raterId"
    LEFT JOIN "User" am ON am."id" = a."amendedById" AND am."clinicId" = a."clinicId"
    LEFT JOIN "User" de ON de."id" = a."deletedById" AND de."clinicId" = a."clinicId"`;

const catalogOrder = new Map<string, number>(MEASURE_CODES.map((code, index) => [code, index]));
const sideOrder = { left: 0, right: 1, none: 2 } as const;

/** Measures in catalog order, left before right, so every reader sees one stable order. */
function sortedMeasures(measures: MeasureTuple[]): MeasureValueView[] {
  return measures
    .map(([code, side, value, method]) => ({ code, side, value, method }))
    .sort((a, b) => (catalogOrder.get(a.code) ?? 999) - (catalogOrder.get(b.code) ?? 999) || sideOrder[a.side] - sideOrder[b.side]);
}

/** Stored answers as the API shows them, in instrument order (FAAM ADL, FAAM Sports, LEFS, PSFS). */
function questionnaireViews(rows: QuestionnaireTuple[]): QuestionnaireView[] {
  return [...rows]
    .sort((a, b) => INSTRUMENTS.indexOf(a[0]) - INSTRUMENTS.indexOf(b[0]))
    .map(([instrument, answers, score]) =>
      instrument === "psfs"
        ? { instrument: "psfs", activities: answers as { name: string; score: number }[], code: "psfs_mean", value: score }
        : { instrument, answers: answers as (number | null)[], code: INSTRUMENT_CODES[instrument], value: score },
    );
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const personOrNull = (id: string | null, name: string | null): PersonRef | null => (id ? { id, name: name ?? "unknown user" } : null);

function toView(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    patientId: row.patientId,
    takenAt: new Date(Number(row.takenAt)).toISOString(),
    measures: sortedMeasures(JSON.parse(row.measures) as MeasureTuple[]),
    redFlags: row.redFlags,
    notes: row.notes,
    footwear: row.footwear,
    questionnaires: questionnaireViews(JSON.parse(row.questionnaires) as QuestionnaireTuple[]),
    rater: { id: row.raterId, name: row.raterName },
    createdAt: new Date(Number(row.createdAt)).toISOString(),
    amendedAt: isoOrNull(row.amendedAt),
    amendedBy: personOrNull(row.amendedById, row.amendedByName),
    amendReason: row.amendReason,
    deletedAt: isoOrNull(row.deletedAt),
    deletedBy: personOrNull(row.deletedById, row.deletedByName),
    deleteReason: row.deleteReason,
  };
}

/** One visit of the clinic, deleted or not; used by the mutations inside their transaction too. */
export async function readAssessment(tx: Tx, clinicId: string, id: string): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const [row] = await tx.$queryRawUnsafe<AssessmentRow[]>(`${VIEW_SELECT} WHERE a."id" = $1::uuid AND a."clinicId" = $2::uuid`, id, clinicId);
  if (!row) throw new NotFoundError("assessment");
  return toView(row);
}

export async function getAssessment(actor: Actor, id: string): Promise<AssessmentView> {
  return readAssessment(db, actor.clinicId, id);
}

async function assertPatientVisible(actor: Actor, patientId: string): Promise<void> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
}

/** A patient's visits, oldest first; deleted ones only when asked (the history page's "show deleted"). */
export async function listAssessments(
  actor: Actor,
  patientId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<AssessmentView[]> {
  await assertPatientVisible(actor, patientId);
  return readPatientAssessments(actor.clinicId, patientId, options);
}

/**
 * A patient's visits, oldest first, without checking the patient: for callers that have just read
 * the patient in the same request (the patient page), so the check is not a second round trip.
 */
export async function readPatientAssessments(
  clinicId: string,
  patientId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<AssessmentView[]> {
  const rows = await db.$queryRawUnsafe<AssessmentRow[]>(
    `${VIEW_SELECT}
      WHERE a."clinicId" = $1::uuid AND a."patientId" = $2::uuid AND ($3::boolean OR a."deletedAt" IS NULL)
      ORDER BY a."takenAt" ASC, a."createdAt" ASC, a."id" ASC`,
    clinicId,
    patientId,
    options.includeDeleted === true,
  );
  return rows.map(toView);
}

/**
 * The flag engine's input built from visits already loaded for display (deleted ones left out,
 * order kept), so a page that shows both the history and the flags reads the history once.
 * Same shape as loadPatientHistory's (lib/patients/evaluation).
 */
export function historyOfVisits(
  patient: Pick<PatientView, "heightCm" | "sex" | "birthDate">,
  visits: readonly (Pick<AssessmentView, "takenAt" | "redFlags" | "measures"> & { deletedAt?: string | null })[],
): PatientHistory {
  return {
    patient: { heightCm: patient.heightCm, sex: patient.sex, birthDate: patient.birthDate },
    assessments: visits
      .filter((v) => !v.deletedAt)
      .map((v) => ({
        takenAt: v.takenAt,
        redFlags: v.redFlags as RedFlagCode[],
        measures: v.measures.map((m) => ({ code: m.code as MeasureCode, side: m.side, value: m.value, ...(m.method ? { method: m.method } : {}) })),
      })),
  };
}

/**
 * The flag engine's evaluation (contract section 2) of the patient's visits, deleted ones left out:
 * the stored one, kept current by every write (lib/patients/evaluation.ts).
 */
export async function getPatientFlags(actor: Actor, patientId: string): Promise<Evaluation> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const evaluation = await readPatientEvaluation(db, actor.clinicId, patientId);
  if (!evaluation) throw new NotFoundError("patient");
  return evaluation;
}
