import type { Metadata } from "next";
import { pageErrorMessage } from "@/lib/errors/page-errors";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getPatient, type PatientView } from "@/lib/patients/queries";
import { readPatientRecordAudited } from "@/lib/patients/record";
import { RecordAccess } from "@/components/audit/record-access";
import { ageInYears, formatDate } from "@/lib/format/dates";
import { StatusBadge } from "@/components/patients/StatusBadge";
import { SEX_LABELS, SIDE_LABELS, fullName } from "@/components/patients/labels";
import { PatientRecordSections } from "@/components/assessments/PatientRecordSections";
import { HistorySection } from "@/components/patients/history/HistorySection";
import { LatestValues } from "@/components/assessments/LatestValues";
import { latestMeasureValues } from "@/lib/assessments/latest-values";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A file name from the MRN (letters, digits and dashes only), else "patient". */
const exportName = (patient: PatientView) => (patient.mrn ? `patient-${patient.mrn.replace(/[^A-Za-z0-9-]+/g, "_")}` : "patient");

// Cached per request: the title and the body share one read of the patient. Only the body audits
// the view (readPatientRecordAudited), so one view is one event.
const loadPatient = cache(async (id: string): Promise<PatientView> => {
  const actor = await requireActor();
  try {
    return await getPatient(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const patient = await loadPatient(id);
    return { title: fullName(patient) };
  } catch {
    return { title: "Patient" };
  }
}

export default async function PatientPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = (await searchParams) ?? {};
  const actor = await requireActor();
  const patient = await loadPatient(id);
  const showDeleted = one(query.deleted) === "1";
  const [record, latest] = await Promise.all([
    readPatientRecordAudited(actor, patient, { includeDeleted: actor.role === "admin" && showDeleted }),
    latestMeasureValues(actor, patient.id),
  ]);
  const age = ageInYears(patient.birthDate);
  return (
    <>
      <Link href="/patients" className="back-link no-print">
        ← All patients
      </Link>
      <div className="page-header">
        <div>
          <h1>
            {fullName(patient)}
            {patient.archived ? <span className="archived-note">Archived</span> : null}
          </h1>
          <p>{patient.mrn ? `MRN ${patient.mrn}` : "No MRN recorded"}</p>
        </div>
        <StatusBadge status={patient.status} />
      </div>
      <PatientRecordSections
        actor={actor}
        patient={patient}
        record={record}
        notice={one(query.notice)}
        error={pageErrorMessage(one(query.error))}
        showDeleted={showDeleted}
        latest={<LatestValues rows={latest} />}
      />
      <nav className="no-print" aria-label="Referrals and exports" style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", marginTop: "1rem" }}>
        <Link href={`/patients/${patient.id}/referrals`} className="button button-secondary">
          Referral notes
        </Link>
        {/* The API's exports, with the session: every value as CSV, the record as a FHIR R4 bundle. */}
        <a href={`/api/v1/patients/${patient.id}/assessments.csv`} download className="button button-secondary">
          Download values (CSV)
        </a>
        <a href={`/api/v1/patients/${patient.id}/fhir`} download={`${exportName(patient)}-fhir.json`} className="button button-secondary">
          Download record (FHIR)
        </a>
      </nav>
      <section className="card" aria-labelledby="details-heading" style={{ marginTop: "1rem" }}>
        <h2 id="details-heading">Details</h2>
        <dl className="details">
          <div>
            <dt>Birth date</dt>
            <dd>
              {formatDate(patient.birthDate)}
              {age !== undefined ? <span className="muted"> ({age} years)</span> : null}
            </dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{SEX_LABELS[patient.sex]}</dd>
          </div>
          <div>
            <dt>Height</dt>
            <dd>{patient.heightCm} cm</dd>
          </div>
          <div>
            <dt>Diagnosis side</dt>
            <dd>{SIDE_LABELS[patient.diagnosisSide]}</dd>
          </div>
          <div>
            <dt>Last assessed</dt>
            <dd>{patient.lastAssessedAt ? formatDate(patient.lastAssessedAt) : "Not yet assessed"}</dd>
          </div>
        </dl>
      </section>
      <HistorySection clinicId={actor.clinicId} patientId={patient.id} archived={patient.archived} />
      <RecordAccess events={record.access} />
    </>
  );
}
