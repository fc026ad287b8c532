"use server";
// Creates the draft from the form and opens it for editing. The form requires the question
// (createReferralFormSchema); the API accepts a draft without it (see lib/referrals/schemas).
import { redirect } from "next/navigation";
import { pageErrorCode } from "@/lib/errors/page-errors";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { createReferral } from "@/lib/referrals/mutations";
import { createReferralFormSchema } from "@/lib/referrals/schemas";
import { parseInput } from "@/lib/validation/parse";

const optionalText = (formData: FormData, name: string) => {
  const value = String(formData.get(name) ?? "");
  return value.trim() ? { [name]: value } : {};
};

export async function createReferralAction(patientId: string, formData: FormData): Promise<void> {
  const actor = await requireActor();
  let id: string;
  try {
    const body = {
      specialty: formData.get("specialty"),
      urgency: formData.get("urgency"),
      question: String(formData.get("question") ?? ""),
      differentialsExcluded: formData.getAll("differentialsExcluded").map(String),
      ...optionalText(formData, "comment"),
      ...optionalText(formData, "diagnosisBasis"),
      ...optionalText(formData, "differentialOther"),
    };
    parseInput(createReferralFormSchema, body);
    const referral = await createReferral(actor, patientId, body);
    id = referral.id;
  } catch (error) {
    if (error instanceof AppError) redirect(`/patients/${patientId}/referrals/new?error=${pageErrorCode(error)}`);
    throw error;
  }
  redirect(`/referrals/${id}`);
}
