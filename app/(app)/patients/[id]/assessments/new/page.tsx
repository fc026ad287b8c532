// "Record assessment": the full form for a new visit, with the patient's previous values.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/app/(app)/or-not-found";
import { getPatient } from "@/lib/patients/queries";
import { previousValues } from "@/lib/assessments/previous-values";
import { lastMethods } from "@/lib/assessment-form/previous";
import { fullName } from "@/components/patients/labels";
import { AssessmentForm } from "@/components/assessments/AssessmentForm";
import { previousTexts } from "@/components/assessments/previous-text";
import { recordAssessmentAction } from "./actions";
import { previousPsfsActivities } from "@/lib/questionnaires/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Record assessment" };

type Props = { params: Promise<{ id: string }> };

export default async function NewAssessmentPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor();
  const patient = await orNotFound(() => getPatient(actor, id));
  const previous = await orNotFound(() => previousValues(actor, id));
  const previousPsfs = await previousPsfsActivities(actor, id);
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <div>
          <h1>Record assessment</h1>
          <p>
            {fullName(patient)}
            {patient.mrn ? ` · MRN ${patient.mrn}` : ""} · record any subset; blank fields are not saved
          </p>
        </div>
      </div>
      {patient.archived ? (
        <p className="alert-error" role="alert">
          This patient is archived. Restore the patient before recording a visit.
        </p>
      ) : (
        <AssessmentForm
          mode="new"
          patientId={id}
          previous={previousTexts(previous)}
          lastMethods={lastMethods(previous)}
          previousPsfs={previousPsfs}
          action={recordAssessmentAction.bind(null, id)}
          cancelHref={`/patients/${id}`}
        />
      )}
    </>
  );
}
