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
      // Named as the form's labels name the fields ("Refer to", "Urgency"), never by the schema's keys.
      const message =
        error.issues
          .map((i) =>
            i.path === "specialty"
              ? "Refer to is required: choose a specialty"
              : i.path === "urgency"
                ? "Urgency is required: choose one"
                : i.path === "comment"
                  ? `Your comment: ${i.message}`
                  : i.message,
          )
          .join("; ") || error.message;
      redirect(`/patients/${patientId}/referrals/new?error=${encodeURIComponent(message)}`);
    }
    throw error;
  }
  redirect(`/referrals/${id}`);
}
