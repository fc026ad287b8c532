// Input rules for the user pages, shared by the server actions and the mutations.
import { withPersonNameChecks } from "@/lib/validation/person-name";
import { z } from "zod";
import { passwordProblem } from "./passwords";

const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const name = withPersonNameChecks(z.string().trim().min(1, "name is required").max(200, "name must be at most 200 characters"), "name");

/** Optional text from a form: an empty field means "none". */
const registrationNumber = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().max(50, "registration number must be at most 50 characters").nullable(),
);

export const newClinicUserInput = z.object({
  email: z.string().trim().toLowerCase().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "not an email address"),
  name,
  role: z.enum(["clinician", "admin"], { error: "role must be clinician or admin" }),
  password,
  registrationNumber: registrationNumber.optional(),
});

export const passwordResetInput = z.object({ userId: z.uuid("not a user id"), password });

export const profileInput = z.object({ name, registrationNumber });

/** A signed-in user's own password change: the current password, the new one twice. */
export const passwordChangeInput = z
  .object({
    currentPassword: z.string().min(1, "enter your current password"),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((d) => d.confirmPassword === d.newPassword, { path: ["confirmPassword"], message: "the two new passwords are not the same" })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "the new password must differ from the current one" });

export const tokenNameInput = z.object({ name: z.string().trim().min(1, "give the token a name").max(100) });
