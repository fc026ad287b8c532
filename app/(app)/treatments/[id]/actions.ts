"use server";
// Deleting a treatment event recorded by mistake (soft: it leaves the history and the trends; the
// audit trail keeps what it was). Calls lib/treatments, which checks the clinic.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { deleteTreatment, updateTreatment } from "@/lib/treatments/mutations";

export type TreatmentActionResult = { status: "idle" } | { status: "error"; message: string };

export async function deleteTreatmentAction(id: string, patientId: string): Promise<TreatmentActionResult> {
  const actor = await requireActor();
  try {
    await deleteTreatment(actor, id);
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=treatment-deleted`);
}

export type TreatmentReviewResult = { status: "idle" } | { status: "error"; issues: { path: string; message: string }[] };

/** Saves the end, dose, injection details and the response at review (PATCH semantics). */
export async function reviewTreatmentAction(id: string, patientId: string, _prev: TreatmentReviewResult, payload: unknown): Promise<TreatmentReviewResult> {
  const actor = await requireActor();
  try {
    await updateTreatment(actor, id, payload);
  } catch (error) {
    if (error instanceof AppError) return { status: "error", issues: error.issues.length ? error.issues : [{ path: "body", message: error.message }] };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=treatment-updated`);
}
