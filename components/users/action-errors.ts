// Turns what a mutation throws into the message a form shows. Unexpected errors are logged and
// answered with a generic message (no stack, no SQL on the page).
import { AppError } from "@/lib/errors/app-errors";
import type { ActionState } from "./action-state";

export function failure(error: unknown): ActionState {
  if (error instanceof AppError) {
    const detail = error.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    return { status: "error", message: detail ? `${error.message} ${detail}` : error.message };
  }
  console.error("[stride] user action failed:", error);
  return { status: "error", message: "Something went wrong on the server. Please try again." };
}
