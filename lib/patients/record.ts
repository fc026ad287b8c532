// Everything the patient page shows, read once per view. The patient itself is read (and its
// clinic checked) by the caller first; then the reads below go out together instead of one after
// another: the stored evaluation (no evaluation on read), the visits' summaries without their
// values (a visit's values load when it is opened), the treatments and the access list.
import type { Actor } from "@/lib/auth/actor";
import { recordAuditNow } from "@/lib/audit/record";
import { recordAccessFor, type AuditEventView } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { readVisitSummaries, type VisitSummary } from "@/lib/assessments/summaries";
import { readPatientTreatments, type TreatmentView } from "@/lib/treatments/queries";
import type { Evaluation } from "@/lib/clinical/types";
import { NotFoundError } from "@/lib/errors/app-errors";
import { readPatientEvaluation } from "./evaluation";
import type { PatientView } from "./queries";

export interface PatientRecord {
  evaluation: Evaluation;
  /** Oldest first, without values; deleted visits only when asked for. */
  visits: VisitSummary[];
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
  const [, access, visits, treatments, evaluation] = await Promise.all([
    audited,
    audited.then(() => recordAccessFor(actor, patient.id)),
    readVisitSummaries(actor.clinicId, patient.id, { includeDeleted: options.includeDeleted }),
    readPatientTreatments(actor.clinicId, patient.id),
    readPatientEvaluation(db, actor.clinicId, patient.id),
  ]);
  if (!evaluation) throw new NotFoundError("patient");
  return { evaluation, visits, treatments, access };
}
