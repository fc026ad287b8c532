import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/app/(app)/or-not-found";
import { getPatient } from "@/lib/patients/queries";
import { PatientForm } from "@/components/patients/PatientForm";
import { fullName } from "@/components/patients/labels";
import { updatePatientAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const patient = await orNotFound(() => getPatient(actor, id));
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <h1>Edit {fullName(patient)}</h1>
      </div>
      <PatientForm
        action={updatePatientAction.bind(null, id)}
        initial={{
          givenName: patient.givenName,
          familyName: patient.familyName,
          birthDate: patient.birthDate,
          sex: patient.sex,
          heightCm: String(patient.heightCm),
          mrn: patient.mrn ?? "",
          diagnosisSide: patient.diagnosisSide,
        }}
        submitLabel="Save details"
        cancelHref={`/patients/${id}`}
      />
    </>
  );
}
