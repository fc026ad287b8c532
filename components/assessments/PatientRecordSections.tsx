// The clinical part of the patient page, top to bottom: the result of the last save, the actions
// (record assessment, trends, create referral first; then treatment, edit, archive), the latest
// values (passed in as `latest`), the current flags and the history. The page loads the data
// (lib/patients/record.ts, all reads at once) and passes it in.
import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionActor } from "@/lib/auth/session";
import type { PatientView } from "@/lib/patients/queries";
import type { PatientRecord } from "@/lib/patients/record";
import { CurrentFlags } from "@/components/flags/CurrentFlags";
import { ArchivePatientButton } from "@/components/patients/ArchivePatientButton";
import { VisitHistory } from "./VisitHistory";

const NOTICES: Record<string, string> = {
  "assessment-saved": "Assessment saved. The flags below include it.",
  "assessment-amended": "Correction saved. The original values are kept in the audit trail.",
  "assessment-deleted": "Visit deleted. An admin can restore it.",
  "assessment-restored": "Visit restored.",
  "treatment-saved": "Treatment recorded.",
  "treatment-updated": "Treatment updated.",
  "history-saved": "Clinical history saved.",
  "treatment-deleted": "Treatment event deleted.",
  "patient-created": "Patient created. Record the first assessment when you are ready.",
  "patient-updated": "Patient details saved.",
  "patient-archived": "Patient archived. Archived patients are hidden from the list unless you include them.",
  "patient-restored": "Patient restored.",
};

interface Props {
  actor: SessionActor;
  patient: PatientView;
  record: Pick<PatientRecord, "evaluation" | "visits" | "treatments">;
  notice?: string;
  error?: string;
  showDeleted?: boolean;
  /** The "Latest values" table, shown between the actions and the flags. */
  latest?: ReactNode;
}

export function PatientRecordSections({ actor, patient, record, notice, error, showDeleted, latest }: Props) {
  const isAdmin = actor.role === "admin";
  const { evaluation, visits, treatments } = record;
  const message = notice ? NOTICES[notice] : undefined;
  return (
    <>
      {message ? (
        <p className="notice-success" role="status">
          {message}
        </p>
      ) : null}
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <nav className="no-print patient-actions" aria-label="Patient actions">
        {patient.archived ? null : (
          <Link href={`/patients/${patient.id}/assessments/new`} className="button">
            Record assessment
          </Link>
        )}
        <Link href={`/patients/${patient.id}/trends`} className="button">
          Trends
        </Link>
        <Link href={`/patients/${patient.id}/referrals/new`} className="button">
          Create referral
        </Link>
        {patient.archived ? null : (
          <Link href={`/patients/${patient.id}/treatments/new`} className="button button-secondary">
            Record treatment
          </Link>
        )}
        <Link href={`/patients/${patient.id}/edit`} className="button button-secondary">
          Edit details
        </Link>
        <ArchivePatientButton patientId={patient.id} archived={patient.archived} hasVisits={visits.length > 0} />
      </nav>
      {latest}
      <CurrentFlags evaluation={evaluation} />
      <VisitHistory patientId={patient.id} visits={[...visits].reverse()} treatments={treatments} isAdmin={isAdmin} showDeleted={!!showDeleted} />
    </>
  );
}
