"use server";
// Editing a patient's details, and archiving or restoring (a patient is never deleted). Each
// parses with the shared patient schema and calls updatePatient.
import { pageErrorCode } from "@/lib/errors/page-errors";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { updatePatient } from "@/lib/patients/mutations";
import { patientUpdateSchema } from "@/lib/patients/schemas";
import { toFieldIssues } from "@/lib/validation/parse";
import { patientFormToInput, type PatientFormResult } from "@/components/patients/patient-form-data";

export async function updatePatientAction(patientId: string, _prev: PatientFormResult, formData: FormData): Promise<PatientFormResult> {
  const actor = await requireActor();
  const { input, values } = patientFormToInput(formData);
  const parsed = patientUpdateSchema.safeParse(input);
  if (!parsed.success) return { status: "error", values, issues: toFieldIssues(parsed.error.issues) };
  try {
    await updatePatient(actor, patientId, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { status: "error", values, issues: error.issues.length ? error.issues : [{ path: "body", message: error.message }] };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=patient-updated`);
}

export async function setPatientArchivedAction(patientId: string, archived: boolean): Promise<void> {
  const actor = await requireActor();
  try {
    await updatePatient(actor, patientId, patientUpdateSchema.parse({ archived }));
  } catch (error) {
    if (error instanceof AppError) redirect(`/patients/${patientId}?error=${pageErrorCode(error)}`);
    throw error;
  }
  redirect(`/patients/${patientId}?notice=${archived ? "patient-archived" : "patient-restored"}`);
}
