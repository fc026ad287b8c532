// Errors a server action reports by redirecting to a page (`?error=<code>`). The URL carries only
// a code; the page shows the fixed message for it. Free text from the URL is never shown, so a
// crafted link cannot make Stride's own page say something Stride did not write.
import { AppError } from "./app-errors";

const MESSAGES = {
  validation: "Some of what was entered is not valid. Check it and try again.",
  archived: "This patient is archived. Restore the patient before recording or changing visits.",
  conflict: "This could not be done in the record's current state (for example, a finalised note). Reload the page to see it as it is now.",
  not_found: "That record does not exist, or is not in your clinic.",
  forbidden: "You do not have permission to do that.",
  rate_limited: "Too many requests. Wait a minute and try again.",
  failed: "That did not work. Reload the page and try again.",
} as const;

export type PageErrorCode = keyof typeof MESSAGES;

/** The code to put in `?error=` for an error a server action caught. */
export function pageErrorCode(error: AppError): PageErrorCode {
  if (error.code === "conflict" && error.issues.some((issue) => issue.path === "patient")) return "archived";
  if (error.code === "too_large" || error.code === "unsupported_media_type" || error.code === "unauthenticated") return "failed";
  return error.code;
}

/** The fixed message for a `?error=` value; an unknown value gets the generic one, never itself. */
export function pageErrorMessage(code: string | string[] | undefined): string | undefined {
  if (code === undefined || code === "") return undefined;
  const key = Array.isArray(code) ? code[0] : code;
  return key !== undefined && Object.hasOwn(MESSAGES, key) ? MESSAGES[key as PageErrorCode] : MESSAGES.failed;
}
