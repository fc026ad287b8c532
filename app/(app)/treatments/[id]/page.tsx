// A treatment event's review: its response, end, dose and injection details.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/app/(app)/or-not-found";
import { getTreatment } from "@/lib/treatments/queries";
import { getPatient } from "@/lib/patients/queries";
import { TREATMENT_LABELS } from "@/lib/treatments/labels";
import { formatDate } from "@/lib/format/dates";
import { fullName } from "@/components/patients/labels";
import { TreatmentReviewForm } from "@/components/treatments/TreatmentReviewForm";
import { reviewTreatmentAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Treatment review" };

export default async function TreatmentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const treatment = await orNotFound(() => getTreatment(actor, id));
  const patient = await orNotFound(() => getPatient(actor, treatment.patientId));
  const back = `/patients/${patient.id}`;
  return (
    <>
      <Link href={back} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <div>
          <h1>
            {TREATMENT_LABELS[treatment.kind]} of {formatDate(treatment.occurredAt)}
          </h1>
          <p>{treatment.text ?? "No details recorded"}</p>
        </div>
      </div>
      {treatment.deletedAt || patient.archived ? (
        <p className="alert-error" role="alert">
          {treatment.deletedAt ? "This treatment event is deleted." : "This patient is archived. Restore the patient before changing treatments."}
        </p>
      ) : (
        <TreatmentReviewForm treatment={treatment} action={reviewTreatmentAction.bind(null, treatment.id, patient.id)} cancelHref={back} />
      )}
    </>
  );
}
