import type { Metadata } from "next";
import Link from "next/link";
import { PatientForm } from "@/components/patients/PatientForm";
import { requireActor } from "@/lib/auth/session";
import { createPatientAction } from "./actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  // Pages guard themselves: the layout renders in parallel and is not a guard (authorization table).
  await requireActor();
  return (
    <>
      <Link href="/patients" className="back-link no-print">
        ← All patients
      </Link>
      <div className="page-header">
        <h1>New patient</h1>
      </div>
      <PatientForm action={createPatientAction} submitLabel="Create patient" cancelHref="/patients" />
    </>
  );
}
