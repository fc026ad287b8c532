// Reading referral notes, clinic-scoped: another clinic's note or patient is a 404. Also loads
// what assembling a note needs (patient, history without deleted visits, evaluation, treatments).
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import { evaluate } from "@/lib/clinical/evaluate";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { readPatientEvaluation, storedOrFresh } from "@/lib/patients/evaluation";
import { readHistoryWithStored } from "@/lib/patients/history-read";
import { TREATMENT_LABELS } from "@/lib/treatments/labels";
import { readPatientHistory, type PatientHistoryView } from "@/lib/patients/history/queries";
import { INVESTIGATION_LABELS } from "@/lib/patients/history/labels";
import { SPECIALTY_LABELS, type ReferralSection, type Specialty, type Urgency } from "./schemas";
import { parseSections } from "./sections";
import { suggestUrgency, type UrgencySuggestion } from "./assemble";
import { isDifferential, type Differential } from "./differentials";
import { EMPTY_CLINICAL_HISTORY, type ClinicalHistory, type NotePatient, type ReferralAuthor, type TreatmentCourse } from "./note/types";

const yesNo = (value: boolean | null) => (value === null ? "not recorded" : value ? "yes" : "no");

/** The patient's recorded history (issue 18) as the note reads it; a history never recorded is empty. */
export function clinicalHistoryOf(view: PatientHistoryView): ClinicalHistory {
  if (view.updatedAt === null && view.investigations.length === 0) return EMPTY_CLINICAL_HISTORY;
  const c = view.comorbidities;
  const anyRecorded = c.diabetes !== null || c.inflammatoryArthritis !== null || c.neuropathy !== null || !!c.other;
  return {
    heelPainOnset: { left: view.heelPainOnset.left, right: view.heelPainOnset.right },
    hipPain: view.updatedAt === null ? null : { beforeHeel: view.hipPain.beforeHeelPain, onset: view.hipPain.onset },
    backPain: view.updatedAt === null ? null : { beforeHeel: view.backPain.beforeHeelPain, onset: view.backPain.onset },
    comorbidities: anyRecorded
      ? [
          `Diabetes: ${yesNo(c.diabetes)}`,
          `inflammatory arthritis: ${yesNo(c.inflammatoryArthritis)}`,
          `neuropathy: ${yesNo(c.neuropathy)}`,
          ...(c.other ? [`other: ${c.other}`] : []),
        ]
      : [],
    medications: view.medications,
    imaging: view.investigations.map((i) => ({ date: i.date, kind: INVESTIGATION_LABELS[i.kind] ?? i.kind, finding: i.finding })),
  };
}

type Tx = Prisma.TransactionClient | PrismaClient;

export interface ReferralView {
  id: string;
  patientId: string;
  patient: { givenName: string; familyName: string; birthDate: string; mrn: string | null };
  specialty: Specialty;
  specialtyLabel: string;
  urgency: Urgency;
  status: "draft" | "final" | "superseded";
  version: number;
  supersedesId: string | null;
  /** The newer version that replaces this one, when there is one (draft or final). */
  supersededBy: { id: string; version: number; status: "draft" | "final" | "superseded" } | null;
  sections: ReferralSection[];
  comment: string | null;
  /** What the referrer asks the recipient; null on an API draft not yet given one. */
  question: string | null;
  diagnosisBasis: string | null;
  differentialsExcluded: Differential[];
  differentialOther: string | null;
  author: ReferralAuthor & { id: string };
  createdAt: string;
  updatedAt: string;
  finalizedAt: string | null;
  finalizedBy: { id: string; name: string } | null;
}

export const referralSelect = {
  id: true,
  patientId: true,
  specialty: true,
  urgency: true,
  status: true,
  version: true,
  supersedesId: true,
  sections: true,
  comment: true,
  question: true,
  diagnosisBasis: true,
  differentialsExcluded: true,
  differentialOther: true,
  createdAt: true,
  updatedAt: true,
  finalizedAt: true,
  finalizedById: true,
  patient: { select: { givenName: true, familyName: true, birthDate: true, mrn: true } },
  author: { select: { id: true, name: true, registrationNumber: true, clinic: { select: { name: true } } } },
} satisfies Prisma.ReferralSelect;

type ReferralRow = Prisma.ReferralGetPayload<{ select: typeof referralSelect }>;

async function toView(tx: Tx, clinicId: string, row: ReferralRow): Promise<ReferralView> {
  const [finaliser, newer] = await Promise.all([
    row.finalizedById ? tx.user.findFirst({ where: { id: row.finalizedById, clinicId }, select: { id: true, name: true } }) : null,
    tx.referral.findFirst({
      where: { clinicId, supersedesId: row.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true },
    }),
  ]);
  return {
    id: row.id,
    patientId: row.patientId,
    patient: { ...row.patient, birthDate: row.patient.birthDate.toISOString().slice(0, 10) },
    specialty: row.specialty as Specialty,
    specialtyLabel: SPECIALTY_LABELS[row.specialty as Specialty] ?? row.specialty,
    urgency: row.urgency,
    status: row.status,
    version: row.version,
    supersedesId: row.supersedesId,
    supersededBy: newer,
    sections: parseSections(row.sections),
    comment: row.comment,
    question: row.question,
    diagnosisBasis: row.diagnosisBasis,
    differentialsExcluded: row.differentialsExcluded.filter(isDifferential),
    differentialOther: row.differentialOther,
    author: { id: row.author.id, name: row.author.name, registrationNumber: row.author.registrationNumber, clinicName: row.author.clinic.name },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalizedAt: row.finalizedAt ? row.finalizedAt.toISOString() : null,
    finalizedBy: finaliser,
  };
}

export async function getReferral(actor: Actor, id: string, tx: Tx = db): Promise<ReferralView> {
  if (!isUuid(id)) throw new NotFoundError("referral");
  const row = await tx.referral.findFirst({ where: { id, clinicId: actor.clinicId }, select: referralSelect });
  if (!row) throw new NotFoundError("referral");
  return toView(tx, actor.clinicId, row);
}

export interface ReferralSummary {
  id: string;
  specialty: Specialty;
  specialtyLabel: string;
  urgency: Urgency;
  status: "draft" | "final" | "superseded";
  version: number;
  createdAt: string;
  finalizedAt: string | null;
  authorName: string;
}

/** A patient's notes, newest first. */
export async function listReferrals(actor: Actor, patientId: string): Promise<ReferralSummary[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  const rows = await db.referral.findMany({
    where: { clinicId: actor.clinicId, patientId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { id: true, specialty: true, urgency: true, status: true, version: true, createdAt: true, finalizedAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    specialty: r.specialty as Specialty,
    specialtyLabel: SPECIALTY_LABELS[r.specialty as Specialty] ?? r.specialty,
    urgency: r.urgency,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    finalizedAt: r.finalizedAt ? r.finalizedAt.toISOString() : null,
    authorName: r.author.name,
  }));
}

export interface ReferralContext {
  patient: NotePatient;
  /** Every non-deleted visit, oldest first (callers cut it at the note's reference time). */
  history: PatientHistory;
  /** The evaluation of the whole history: the stored one, read with the history (so they agree). */
  evaluation: Evaluation;
  clinical: ClinicalHistory;
  treatments: TreatmentCourse[];
  author: ReferralAuthor;
}

/** Everything a note is assembled from, for one patient of the actor's clinic. */
export async function loadReferralContext(tx: Tx, actor: Actor, patientId: string, authorId: string = actor.userId): Promise<ReferralContext> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await tx.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { givenName: true, familyName: true, birthDate: true, sex: true, diagnosisSide: true, mrn: true, heightCm: true },
  });
  if (!patient) throw new NotFoundError("patient");
  const [history, treatments, author, clinical] = await Promise.all([
    readHistoryWithStored(tx, actor.clinicId, patientId),
    tx.treatmentEvent.findMany({
      where: { clinicId: actor.clinicId, patientId, deletedAt: null },
      orderBy: { occurredAt: "asc" },
      select: { kind: true, text: true, occurredAt: true, endedAt: true, dose: true, injectionAgent: true, injectionCount: true, response: true },
    }),
    loadAuthor(tx, { ...actor, userId: authorId }),
    readPatientHistory(tx, actor.clinicId, patientId),
  ]);
  const h = history?.history ?? { assessments: [] };
  const evaluation = (history && (await storedOrFresh(history.stored, async () => h))) ?? evaluate(h);
  return {
    patient: { ...patient, birthDate: patient.birthDate.toISOString().slice(0, 10), heightCm: patient.heightCm ?? null },
    history: h,
    evaluation,
    clinical: clinicalHistoryOf(clinical),
    treatments: treatments.map((t): TreatmentCourse => {
      const injection = t.injectionAgent || t.injectionCount ? `: ${[t.injectionAgent, t.injectionCount ? `${t.injectionCount} injection${t.injectionCount === 1 ? "" : "s"}` : null].filter(Boolean).join(", ")}` : "";
      return {
        name: `${TREATMENT_LABELS[t.kind] ?? t.kind}${injection}`,
        dose: [t.dose, t.text].filter((x): x is string => !!x && x.trim() !== "").join("; ") || null,
        startedAt: t.occurredAt.toISOString(),
        endedAt: t.endedAt ? t.endedAt.toISOString() : null,
        response: t.response,
      };
    }),
    author,
  };
}

export async function loadAuthor(tx: Tx, actor: Actor): Promise<ReferralAuthor> {
  const user = await tx.user.findFirst({
    where: { id: actor.userId, clinicId: actor.clinicId },
    select: { name: true, registrationNumber: true, clinic: { select: { name: true } } },
  });
  if (!user) throw new NotFoundError("user");
  return { name: user.name, registrationNumber: user.registrationNumber, clinicName: user.clinic.name };
}

/** What the "Create referral" form preselects: urgent for a red flag, with the reason (the stored evaluation). */
export async function referralSuggestion(actor: Actor, patientId: string): Promise<UrgencySuggestion> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const evaluation = await readPatientEvaluation(db, actor.clinicId, patientId);
  if (!evaluation) throw new NotFoundError("patient");
  return suggestUrgency(evaluation);
}
