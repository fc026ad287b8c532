// The error code next-auth hands to the sign-in form when sign-in is blocked: "RateLimited:<minutes>".
// Shared by the server (lib/auth/options.ts, the auth route) and the form, so both agree on it.
export const SIGN_IN_RATE_LIMITED = "RateLimited";

export function signInRateLimitCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_RATE_LIMITED}:${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

/** The message for an error code from next-auth, or undefined when it is not a rate limit. */
export function signInRateLimitMessage(code: string | null | undefined): string | undefined {
  if (!code?.startsWith(`${SIGN_IN_RATE_LIMITED}:`)) return undefined;
  const minutes = Number(code.slice(SIGN_IN_RATE_LIMITED.length + 1)) || 15;
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
