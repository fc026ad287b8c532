"use server";
// Server actions of the referral page: save the draft (optionally on to the finalise
// confirmation), finalise, and start a new version. Each calls one lib/referrals function.
import { pageErrorCode } from "@/lib/errors/page-errors";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { finaliseReferral, supersedeReferral, updateReferral } from "@/lib/referrals/mutations";
import { ALWAYS_INCLUDED_KEYS, LOCKED_SECTION_KEYS, SECTION_KEYS } from "@/lib/referrals/schemas";

function failure(id: string, error: unknown): never {
  if (error instanceof AppError) redirect(`/referrals/${id}?error=${pageErrorCode(error)}`);
  throw error;
}

/** Each editable section posts `text:<key>` and, when ticked, `include:<key>`. */
export async function saveReferralAction(id: string, formData: FormData): Promise<void> {
  const actor = await requireActor();
  const sections = SECTION_KEYS.filter((key) => !LOCKED_SECTION_KEYS.has(key) && formData.has(`text:${key}`)).map((key) => ({
    key,
    text: String(formData.get(`text:${key}`) ?? "").replace(/\r\n/g, "\n"),
    included: ALWAYS_INCLUDED_KEYS.has(key) || formData.get(`include:${key}`) === "on",
  }));
  try {
    await updateReferral(actor, id, { sections });
  } catch (error) {
    failure(id, error);
  }
  redirect(formData.get("intent") === "finalise" ? `/referrals/${id}?confirm=finalise` : `/referrals/${id}?saved=1`);
}

export async function finaliseReferralAction(id: string): Promise<void> {
  const actor = await requireActor();
  try {
    await finaliseReferral(actor, id);
  } catch (error) {
    failure(id, error);
  }
  redirect(`/referrals/${id}?finalised=1`);
}

export async function supersedeReferralAction(id: string): Promise<void> {
  const actor = await requireActor();
  let newId: string;
  try {
    newId = (await supersedeReferral(actor, id)).id;
  } catch (error) {
    failure(id, error);
  }
  redirect(`/referrals/${newId}`);
}
