"use server";
// Deleting a visit (needs a reason; reversible) and restoring it (admins). Each calls one
// lib/assessments function, which checks the reason and the role.
import { pageErrorCode } from "@/lib/errors/page-errors";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { amendReasonSchema } from "@/lib/assessments/input";
import { deleteAssessment, restoreAssessment } from "@/lib/assessments/mutations";

export type VisitActionResult = { status: "idle" } | { status: "error"; message: string };

export async function deleteAssessmentAction(id: string, patientId: string, _prev: VisitActionResult, formData: FormData): Promise<VisitActionResult> {
  const actor = await requireActor();
  const reason = amendReasonSchema.safeParse(formData.get("reason") ?? undefined);
  if (!reason.success) return { status: "error", message: "Say why the visit is deleted (3 to 500 characters)." };
  try {
    await deleteAssessment(actor, id, { reason: reason.data });
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.issues[0]?.message ?? error.message };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=assessment-deleted`);
}

export async function restoreAssessmentAction(id: string, patientId: string): Promise<void> {
  const actor = await requireActor();
  try {
    await restoreAssessment(actor, id);
  } catch (error) {
    if (error instanceof AppError) redirect(`/patients/${patientId}?deleted=1&error=${pageErrorCode(error)}`);
    throw error;
  }
  redirect(`/patients/${patientId}?deleted=1&notice=assessment-restored`);
}
