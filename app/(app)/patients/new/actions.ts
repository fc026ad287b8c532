"use server";
// Creates a patient: parsed with the shared patient schema, stored by createPatient.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { createPatient } from "@/lib/patients/mutations";
import { patientCreateSchema } from "@/lib/patients/schemas";
import { toFieldIssues } from "@/lib/validation/parse";
import { patientFormToInput, type PatientFormResult } from "@/components/patients/patient-form-data";

export async function createPatientAction(_prev: PatientFormResult, formData: FormData): Promise<PatientFormResult> {
  const actor = await requireActor();
  const { input, values } = patientFormToInput(formData);
  const parsed = patientCreateSchema.safeParse(input);
  if (!parsed.success) return { status: "error", values, issues: toFieldIssues(parsed.error.issues) };
  let id: string;
  try {
    id = (await createPatient(actor, parsed.data)).id;
  } catch (error) {
    if (error instanceof AppError) return { status: "error", values, issues: error.issues.length ? error.issues : [{ path: "body", message: error.message }] };
    throw error;
  }
  redirect(`/patients/${id}?notice=patient-created`);
}
