// Turns what a mutation throws into the message a form shows. Unexpected errors are logged and
// answered with a generic message (no stack, no SQL on the page).
import { AppError } from "@/lib/errors/app-errors";
import type { ActionState } from "./action-state";

/** The forms' labels for the schema's field paths: a person reads "Current password", never "currentPassword". */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  email: "Email",
  role: "Role",
  registrationNumber: "Registration number",
  password: "Password",
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "New password again",
};

function issueText(path: string, message: string): string {
  const label = FIELD_LABELS[path];
  // An id (userId, tokenId) is no field a person filled in: the message alone says it.
  return label ? `${label}: ${message}` : message;
}

export function failure(error: unknown): ActionState {
  if (error instanceof AppError) {
    const detail = error.issues.map((i) => issueText(i.path, i.message)).join("; ");
    return { status: "error", message: detail ? `${error.message} ${detail}` : error.message };
  }
  console.error("[stride] user action failed:", error);
  return { status: "error", message: "Something went wrong on the server. Please try again." };
}
