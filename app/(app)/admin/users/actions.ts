"use server";
// Admin user management. Each action re-checks that the caller is an admin of the clinic
// (requireAdmin) — a server action is a public endpoint, whatever page shows its form.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { createClinicUser, resetUserPassword, setUserActive } from "@/lib/users/mutations";
import { revokeAllApiTokensOfUser } from "@/lib/auth/api-tokens";
import type { ActionState } from "@/components/users/action-state";
import { failure } from "@/components/users/action-errors";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  try {
    await createClinicUser(actor, {
      email: text(form, "email"),
      name: text(form, "name"),
      role: text(form, "role"),
      password: text(form, "password"),
      registrationNumber: text(form, "registrationNumber"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: `Created ${text(form, "email").trim().toLowerCase()}. Give them the temporary password in person.` };
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  try {
    await resetUserPassword(actor, { userId: text(form, "userId"), password: text(form, "password") });
  } catch (error) {
    return failure(error);
  }
  return { status: "ok", message: "Password reset." };
}

export async function setActiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const active = text(form, "active") === "true";
  try {
    await setUserActive(actor, text(form, "userId"), active);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: active ? "Reactivated." : "Deactivated: signed out on their next request." };
}

export async function revokeTokensAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  try {
    const count = await revokeAllApiTokensOfUser(actor, text(form, "userId"));
    revalidatePath("/admin/users");
    return { status: "ok", message: `Revoked ${count} token${count === 1 ? "" : "s"}.` };
  } catch (error) {
    return failure(error);
  }
}
