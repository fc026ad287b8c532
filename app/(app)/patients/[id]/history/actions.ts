"use server";
// Saves the patient's clinical history: parsed with THE history schema, stored by updatePatientHistory.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError, type FieldIssue } from "@/lib/errors/app-errors";
import { updatePatientHistory } from "@/lib/patients/history/mutations";

export type HistoryFormResult = { status: "idle" } | { status: "error"; issues: FieldIssue[] };

export async function saveHistoryAction(patientId: string, _prev: HistoryFormResult, payload: unknown): Promise<HistoryFormResult> {
  const actor = await requireActor();
  try {
    await updatePatientHistory(actor, patientId, payload);
  } catch (error) {
    if (error instanceof AppError) return { status: "error", issues: error.issues.length ? error.issues : [{ path: "body", message: error.message }] };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=history-saved`);
}
