"use server";
// Deleting a treatment event recorded by mistake (soft: it leaves the history and the trends; the
// audit trail keeps what it was). Calls lib/treatments, which checks the clinic.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { deleteTreatment } from "@/lib/treatments/mutations";

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
