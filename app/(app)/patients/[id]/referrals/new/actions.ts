"use server";
// Creates the draft from the form and opens it for editing.
import { pageErrorCode } from "@/lib/errors/page-errors";
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
    if (error instanceof AppError) redirect(`/patients/${patientId}/referrals/new?error=${pageErrorCode(error)}`);
    throw error;
  }
  redirect(`/referrals/${id}`);
}
