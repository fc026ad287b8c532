"use server";
// Creates the draft from the form and opens it for editing.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { createReferral } from "@/lib/referrals/mutations";

export async function createReferralAction(patientId: string, formData: FormData): Promise<void> {
  const actor = await requireActor();
  let id: string;
  try {
    const comment = String(formData.get("comment") ?? "");
    const referral = await createReferral(actor, patientId, {
      specialty: formData.get("specialty"),
      urgency: formData.get("urgency"),
      ...(comment.trim() ? { comment } : {}),
    });
    id = referral.id;
  } catch (error) {
    if (error instanceof AppError) {
      const message = error.issues.map((i) => `${i.path}: ${i.message}`).join("; ") || error.message;
      redirect(`/patients/${patientId}/referrals/new?error=${encodeURIComponent(message)}`);
    }
    throw error;
  }
  redirect(`/referrals/${id}`);
}
