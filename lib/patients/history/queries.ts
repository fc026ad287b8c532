// Reading a patient's clinical history, scoped by the actor's clinic. A patient whose history was
// never recorded reads as the empty history (every field "not recorded"), never as a 404.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import type { HipPainSide, InvestigationKind, PainBeforeHeel, PatientHistoryData } from "./schemas";

type Tx = Prisma.TransactionClient | PrismaClient;

export interface InvestigationView {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  kind: InvestigationKind;
  finding: string;
}

/** The history as the API, the pages, the exports and the referral note see it. Dates are YYYY-MM-DD. */
export interface PatientHistoryView {
  patientId: string;
  heelPainOnset: { left: string | null; right: string | null };
  hipPain: { beforeHeelPain: PainBeforeHeel; onset: string | null; side: HipPainSide | null };
  backPain: { beforeHeelPain: PainBeforeHeel; onset: string | null };
  comorbidities: { diabetes: boolean | null; inflammatoryArthritis: boolean | null; neuropathy: boolean | null; other: string | null };
  medications: string | null;
  /** Oldest first. */
  investigations: InvestigationView[];
  /** Null while the history was never recorded. */
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

export const historySelect = {
  patientId: true,
  heelPainOnsetLeft: true,
  heelPainOnsetRight: true,
  hipPainBeforeHeel: true,
  hipPainOnset: true,
  hipPainSide: true,
  backPainBeforeHeel: true,
  backPainOnset: true,
  diabetes: true,
  inflammatoryArthritis: true,
  neuropathy: true,
  otherComorbidity: true,
  medications: true,
  updatedAt: true,
  updatedById: true,
} satisfies Prisma.PatientHistorySelect;

const investigationSelect = { id: true, date: true, kind: true, finding: true } satisfies Prisma.PatientInvestigationSelect;

type HistoryRow = Prisma.PatientHistoryGetPayload<{ select: typeof historySelect }>;
type InvestigationRow = Prisma.PatientInvestigationGetPayload<{ select: typeof investigationSelect }>;

/** A DATE column arrives as midnight UTC; the calendar date is its first ten characters. */
const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

export function emptyHistory(patientId: string): PatientHistoryView {
  return {
    patientId,
    heelPainOnset: { left: null, right: null },
    hipPain: { beforeHeelPain: "unknown", onset: null, side: null },
    backPain: { beforeHeelPain: "unknown", onset: null },
    comorbidities: { diabetes: null, inflammatoryArthritis: null, neuropathy: null, other: null },
    medications: null,
    investigations: [],
    updatedAt: null,
    updatedBy: null,
  };
}

function toView(patientId: string, row: HistoryRow | null, investigations: InvestigationRow[], updatedBy: { id: string; name: string } | null): PatientHistoryView {
  const view = emptyHistory(patientId);
  view.investigations = investigations.map((i) => ({ id: i.id, date: day(i.date)!, kind: i.kind, finding: i.finding }));
  if (!row) return view;
  return {
    ...view,
    heelPainOnset: { left: day(row.heelPainOnsetLeft), right: day(row.heelPainOnsetRight) },
    hipPain: { beforeHeelPain: row.hipPainBeforeHeel, onset: day(row.hipPainOnset), side: row.hipPainSide },
    backPain: { beforeHeelPain: row.backPainBeforeHeel, onset: day(row.backPainOnset) },
    comorbidities: { diabetes: row.diabetes, inflammatoryArthritis: row.inflammatoryArthritis, neuropathy: row.neuropathy, other: row.otherComorbidity },
    medications: row.medications,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}

/** The history without checking the patient: for callers that have just read it (same clinic). */
export async function readPatientHistory(tx: Tx, clinicId: string, patientId: string): Promise<PatientHistoryView> {
  const [row, investigations] = await Promise.all([
    tx.patientHistory.findFirst({ where: { clinicId, patientId }, select: historySelect }),
    tx.patientInvestigation.findMany({
      where: { clinicId, patientId },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: investigationSelect,
    }),
  ]);
  const user = row ? await tx.user.findFirst({ where: { clinicId, id: row.updatedById }, select: { id: true, name: true } }) : null;
  return toView(patientId, row, investigations, row ? (user ?? { id: row.updatedById, name: "unknown user" }) : null);
}

export async function getPatientHistory(actor: Actor, patientId: string): Promise<PatientHistoryView> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  return readPatientHistory(db, actor.clinicId, patientId);
}

/** The parsed input's shape of a view, e.g. to pre-fill the form or compare before/after. */
export function historyData(view: PatientHistoryView): PatientHistoryData {
  return {
    heelPainOnset: view.heelPainOnset,
    hipPain: view.hipPain,
    backPain: view.backPain,
    comorbidities: view.comorbidities,
    medications: view.medications,
    investigations: view.investigations.map(({ date, kind, finding }) => ({ date, kind, finding })),
  };
}
