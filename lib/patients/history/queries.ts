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

/** The history's row as the one statement below returns it: calendar dates as YYYY-MM-DD. */
type HistoryRow = {
  recorded: boolean;
  heelPainOnsetLeft: string | null;
  heelPainOnsetRight: string | null;
  hipPainBeforeHeel: PainBeforeHeel | null;
  hipPainOnset: string | null;
  hipPainSide: HipPainSide | null;
  backPainBeforeHeel: PainBeforeHeel | null;
  backPainOnset: string | null;
  diabetes: boolean | null;
  inflammatoryArthritis: boolean | null;
  neuropathy: boolean | null;
  otherComorbidity: string | null;
  medications: string | null;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
  /** `[id, date, kind, finding]` per investigation, oldest first, as JSON text. */
  investigations: string;
};

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

const ymd = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The history without checking the patient: for callers that have just read it (same clinic).
 * ONE statement (the patient page reads it on every view): the history row, the user who last
 * changed it (named within the clinic) and the investigations; through the ORM it was two or three.
 */
export async function readPatientHistory(tx: Tx, clinicId: string, patientId: string): Promise<PatientHistoryView> {
  const [r] = await tx.$queryRawUnsafe<[HistoryRow]>(
    `SELECT h."patientId" IS NOT NULL AS "recorded",
            ${ymd('h."heelPainOnsetLeft"')} AS "heelPainOnsetLeft", ${ymd('h."heelPainOnsetRight"')} AS "heelPainOnsetRight",
            h."hipPainBeforeHeel"::text AS "hipPainBeforeHeel", ${ymd('h."hipPainOnset"')} AS "hipPainOnset", h."hipPainSide"::text AS "hipPainSide",
            h."backPainBeforeHeel"::text AS "backPainBeforeHeel", ${ymd('h."backPainOnset"')} AS "backPainOnset",
            h."diabetes", h."inflammatoryArthritis", h."neuropathy", h."otherComorbidity", h."medications",
            h."updatedAt", h."updatedById"::text AS "updatedById", u."name" AS "updatedByName",
            COALESCE((SELECT json_agg(json_build_array(i."id", ${ymd('i."date"')}, i."kind", i."finding") ORDER BY i."date", i."createdAt", i."id")
                        FROM "PatientInvestigation" i WHERE i."clinicId" = $1::uuid AND i."patientId" = $2::uuid), '[]'::json)::text AS "investigations"
       FROM (SELECT 1) AS one
       LEFT JOIN "PatientHistory" h ON h."clinicId" = $1::uuid AND h."patientId" = $2::uuid
       LEFT JOIN "User" u ON u."id" = h."updatedById" AND u."clinicId" = h."clinicId"`,
    clinicId,
    patientId,
  );
  const view = emptyHistory(patientId);
  view.investigations = (JSON.parse(r.investigations) as [string, string, InvestigationKind, string][]).map(([id, date, kind, finding]) => ({ id, date, kind, finding }));
  if (!r.recorded) return view;
  return {
    ...view,
    heelPainOnset: { left: r.heelPainOnsetLeft, right: r.heelPainOnsetRight },
    hipPain: { beforeHeelPain: r.hipPainBeforeHeel!, onset: r.hipPainOnset, side: r.hipPainSide },
    backPain: { beforeHeelPain: r.backPainBeforeHeel!, onset: r.backPainOnset },
    comorbidities: { diabetes: r.diabetes, inflammatoryArthritis: r.inflammatoryArthritis, neuropathy: r.neuropathy, other: r.otherComorbidity },
    medications: r.medications,
    updatedAt: r.updatedAt!.toISOString(),
    updatedBy: { id: r.updatedById!, name: r.updatedByName ?? "unknown user" },
  };
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
