// Everything the patient page shows, read once per view. The patient itself is read (and its
// clinic checked) by the caller first; then the reads below go out together instead of one after
// another, and the visit history is loaded once for both the history table and the flag engine.
import type { Actor } from "@/lib/auth/actor";
import { recordAuditNow } from "@/lib/audit/record";
import { recordAccessFor, type AuditEventView } from "@/lib/audit/queries";
import { historyOfVisits, readPatientAssessments, type AssessmentView } from "@/lib/assessments/queries";
import { readPatientTreatments, type TreatmentView } from "@/lib/treatments/queries";
import { evaluate } from "@/lib/clinical/evaluate";
import type { Evaluation } from "@/lib/clinical/types";
import type { PatientView } from "./queries";

export interface PatientRecord {
  evaluation: Evaluation;
  /** Oldest first; deleted visits only when asked for. */
  visits: AssessmentView[];
  treatments: TreatmentView[];
  /** "Who accessed this record", this view included. */
  access: AuditEventView[];
}

/**
 * Records the `patient.read` event (one INSERT) and loads the record. The access list is read after
 * the INSERT so it shows this view; a failed INSERT fails the whole load, as a read that cannot be
 * audited is not served.
 */
export async function readPatientRecordAudited(actor: Actor, patient: PatientView, options: { includeDeleted?: boolean } = {}): Promise<PatientRecord> {
  const audited = recordAuditNow(actor, { action: "patient.read", entityType: "Patient", entityId: patient.id });
  const [, access, visits, treatments] = await Promise.all([
    audited,
    audited.then(() => recordAccessFor(actor, patient.id)),
    readPatientAssessments(actor.clinicId, patient.id, { includeDeleted: options.includeDeleted }),
    readPatientTreatments(actor.clinicId, patient.id),
  ]);
  return { evaluation: evaluate(historyOfVisits(patient, visits)), visits, treatments, access };
}
