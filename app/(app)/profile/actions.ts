"use server";
// The signed-in user's own profile and API tokens. Every action acts only on the caller.
import { revalidatePath } from "next/cache";
import { reissueCurrentSession } from "@/lib/auth/session-reissue";
import { requireActor } from "@/lib/auth/session";
import { changeOwnPassword, updateOwnProfile } from "@/lib/users/mutations";
import { tokenNameInput } from "@/lib/users/schemas";
import { createApiTokenForActor, revokeApiToken } from "@/lib/auth/api-tokens";
import { ValidationError } from "@/lib/errors/app-errors";
import { zodIssues } from "@/lib/validation/parse";
import type { ActionState } from "@/components/users/action-state";
import { failure } from "@/components/users/action-errors";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function updateProfileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await updateOwnProfile(actor, { name: text(form, "name"), registrationNumber: text(form, "registrationNumber") });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  return { status: "ok", message: "Profile saved." };
}

export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const { sessionVersion } = await changeOwnPassword(actor, {
      currentPassword: text(form, "currentPassword"),
      newPassword: text(form, "newPassword"),
      confirmPassword: text(form, "confirmPassword"),
    });
    // Every session of the user has ended; this one continues under the new version.
    await reissueCurrentSession(sessionVersion);
  } catch (error) {
    return failure(error);
  }
  return { status: "ok", message: "Password changed, and your other sessions signed out. Use the new password next time you sign in." };
}

export async function createTokenAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const parsed = tokenNameInput.safeParse({ name: text(form, "name") });
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const token = await createApiTokenForActor(actor, parsed.data.name);
    revalidatePath("/profile");
    return { status: "ok", message: `Token "${parsed.data.name}" created.`, secret: token.secret };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeTokenAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    // revokeApiToken limits a clinician to their own tokens (and the clinic, always).
    await revokeApiToken({ ...actor, role: "clinician" }, text(form, "tokenId"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/profile");
  return { status: "ok", message: "Token revoked." };
}
