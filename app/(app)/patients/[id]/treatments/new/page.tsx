// "Record treatment": what was done and when, shown in the patient's history.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/app/(app)/or-not-found";
import { getPatient } from "@/lib/patients/queries";
import { fullName } from "@/components/patients/labels";
import { TreatmentForm } from "@/components/treatments/TreatmentForm";
import { recordTreatmentAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Record treatment" };

export default async function NewTreatmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const patient = await orNotFound(() => getPatient(actor, id));
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <h1>Record treatment</h1>
      </div>
      <TreatmentForm action={recordTreatmentAction.bind(null, id)} cancelHref={`/patients/${id}`} />
    </>
  );
}
