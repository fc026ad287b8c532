// Reading assessments (visits) and a patient's current flags. Every query takes the acting user
// first and scopes by actor.clinicId: another clinic's visit is indistinguishable from a missing one.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { evaluate } from "@/lib/clinical/evaluate";
import { MEASURE_CODES, type MeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { loadPatientHistory } from "@/lib/patients/evaluation";
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

const assessmentSelect = {
  id: true,
  patientId: true,
  takenAt: true,
  redFlags: true,
  notes: true,
  footwear: true,
  createdAt: true,
  amendedAt: true,
  amendedById: true,
  amendReason: true,
  deletedAt: true,
  deletedById: true,
  deleteReason: true,
  rater: { select: { id: true, name: true } },
  measures: { select: { code: true, side: true, value: true, method: true } },
  questionnaires: { select: { instrument: true, answers: true, score: true } },
} satisfies Prisma.AssessmentSelect;

type AssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>;

const catalogOrder = new Map<string, number>(MEASURE_CODES.map((code, index) => [code, index]));
const sideOrder = { left: 0, right: 1, none: 2 } as const;

/** Measures in catalog order, left before right, so every reader sees one stable order. */
function sortedMeasures(measures: AssessmentRow["measures"]): MeasureValueView[] {
  return [...measures]
    .sort((a, b) => (catalogOrder.get(a.code) ?? 999) - (catalogOrder.get(b.code) ?? 999) || sideOrder[a.side] - sideOrder[b.side])
    .map((m) => ({ code: m.code, side: m.side, value: m.value, method: m.method }));
}

/** Stored answers as the API shows them, in instrument order (FAAM ADL, FAAM Sports, LEFS, PSFS). */
function questionnaireViews(rows: AssessmentRow["questionnaires"]): QuestionnaireView[] {
  return [...rows]
    .sort((a, b) => INSTRUMENTS.indexOf(a.instrument) - INSTRUMENTS.indexOf(b.instrument))
    .map((q) =>
      q.instrument === "psfs"
        ? { instrument: "psfs", activities: q.answers as unknown as { name: string; score: number }[], code: "psfs_mean", value: q.score }
        : { instrument: q.instrument, answers: q.answers as unknown as (number | null)[], code: INSTRUMENT_CODES[q.instrument], value: q.score },
    );
}

async function toViews(tx: Tx, clinicId: string, rows: AssessmentRow[]): Promise<AssessmentView[]> {
  // Amending and deleting users have no relation in the schema; one query resolves their names.
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.amendedById) ids.add(row.amendedById);
    if (row.deletedById) ids.add(row.deletedById);
  }
  const users = ids.size
    ? await tx.user.findMany({ where: { clinicId, id: { in: [...ids] } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const person = (id: string | null): PersonRef | null => (id ? (byId.get(id) ?? { id, name: "unknown user" }) : null);
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    takenAt: row.takenAt.toISOString(),
    measures: sortedMeasures(row.measures),
    redFlags: row.redFlags,
    notes: row.notes,
    footwear: row.footwear,
    questionnaires: questionnaireViews(row.questionnaires),
    rater: { id: row.rater.id, name: row.rater.name },
    createdAt: row.createdAt.toISOString(),
    amendedAt: row.amendedAt?.toISOString() ?? null,
    amendedBy: person(row.amendedById),
    amendReason: row.amendReason,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedBy: person(row.deletedById),
    deleteReason: row.deleteReason,
  }));
}

/** One visit of the clinic, deleted or not; used by the mutations inside their transaction too. */
export async function readAssessment(tx: Tx, clinicId: string, id: string): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const row = await tx.assessment.findFirst({ where: { id, clinicId }, select: assessmentSelect });
  if (!row) throw new NotFoundError("assessment");
  const [view] = await toViews(tx, clinicId, [row]);
  return view!;
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
  const rows = await db.assessment.findMany({
    where: { clinicId, patientId, ...(options.includeDeleted ? {} : { deletedAt: null }) },
    orderBy: [{ takenAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: assessmentSelect,
  });
  return toViews(db, clinicId, rows);
}

/**
 * The flag engine's input built from visits already loaded for display (deleted ones left out,
 * order kept), so a page that shows both the history and the flags reads the history once.
 * Same shape as loadPatientHistory's.
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

/** The flag engine's evaluation (contract section 2) of the patient's visits, deleted ones left out. */
export async function getPatientFlags(actor: Actor, patientId: string): Promise<Evaluation> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const history = await loadPatientHistory(db, actor.clinicId, patientId);
  if (!history) throw new NotFoundError("patient");
  return evaluate(history);
}
