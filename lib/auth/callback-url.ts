// Where to go after signing in: the page asked for, else the caseload dashboard (the home page).
// Only a path on this site is accepted (no open redirect).
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return fallback;
  return value;
}
