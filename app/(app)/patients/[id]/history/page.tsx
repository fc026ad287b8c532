// "Clinical history": onsets (heel per side; hip and back, and whether they came first),
// comorbidities, medications and investigations. Saved as a whole, audited.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/app/(app)/or-not-found";
import { getPatient } from "@/lib/patients/queries";
import { getPatientHistory, historyData } from "@/lib/patients/history/queries";
import { fullName } from "@/components/patients/labels";
import { HistoryForm } from "@/components/patients/history/HistoryForm";
import { saveHistoryAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Clinical history" };

export default async function PatientHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const patient = await orNotFound(() => getPatient(actor, id));
  const history = await orNotFound(() => getPatientHistory(actor, id));
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <div>
          <h1>Clinical history</h1>
          <p>{fullName(patient)} · what a specialist asks first; leave unknown what was not asked</p>
        </div>
      </div>
      {patient.archived ? (
        <p className="alert-error" role="alert">
          This patient is archived. Restore the patient before changing the history.
        </p>
      ) : (
        <HistoryForm initial={historyData(history)} action={saveHistoryAction.bind(null, id)} cancelHref={`/patients/${id}`} />
      )}
    </>
  );
}
