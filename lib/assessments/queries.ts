// Reading assessments (visits) and a patient's current flags. Every query takes the acting user
// first and scopes by actor.clinicId: another clinic's visit is indistinguishable from a missing one.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { MeasureCode, RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { readPatientEvaluation } from "@/lib/patients/evaluation";
import { VISIT_ORDER } from "@/lib/patients/history-read";
import type { PatientView } from "@/lib/patients/queries";
import { isUuid } from "@/lib/validation/parse";
import type { QuestionnaireView } from "@/lib/questionnaires/instruments";
import type { Footwear } from "@/lib/patients/history/schemas";
import { VISIT_VIEW_SELECT, toView, type AssessmentRow } from "./view-sql";

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

/** One visit of the clinic, deleted or not; used by the mutations inside their transaction too. */
export async function readAssessment(tx: Tx, clinicId: string, id: string): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const [row] = await tx.$queryRawUnsafe<AssessmentRow[]>(`${VISIT_VIEW_SELECT} WHERE a."id" = $1::uuid AND a."clinicId" = $2::uuid`, id, clinicId);
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
    `${VISIT_VIEW_SELECT}
      WHERE a."clinicId" = $1::uuid AND a."patientId" = $2::uuid AND ($3::boolean OR a."deletedAt" IS NULL)
      ORDER BY ${VISIT_ORDER}`,
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
