// Reading the signed session cookie (a next-auth JWT) without touching the database, so that the
// proxy can use it on every request. Route handlers and pages then re-check the user in the DB.
import { getToken } from "next-auth/jwt";
import type { Role } from "./actor";

/** next-auth names the cookie with the __Secure- prefix when the site is served over HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export interface SessionClaims {
  userId: string;
  clinicId: string;
  role: Role;
  name: string;
  clinicName: string;
}

export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || undefined;
}

type CookieSource = Record<string, string> | { getAll(): { name: string; value: string }[] };

function cookieNames(cookies: CookieSource): string[] {
  if (typeof (cookies as { getAll?: unknown }).getAll === "function") {
    return (cookies as { getAll(): { name: string }[] }).getAll().map((c) => c.name);
  }
  return Object.keys(cookies);
}

/** True when a session cookie (possibly split into chunks .0, .1, …) is present. */
export function hasSessionCookie(cookies: CookieSource): boolean {
  return cookieNames(cookies).some((name) => SESSION_COOKIE_NAMES.some((prefix) => name.startsWith(prefix)));
}

/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookieHeader(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!name || name in out) continue;
    const raw = part.slice(index + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

export function claimsFromToken(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { userId, clinicId, role, name, clinicName } = token;
  if (typeof userId !== "string" || typeof clinicId !== "string") return null;
  if (role !== "clinician" && role !== "admin") return null;
  return {
    userId,
    clinicId,
    role,
    name: typeof name === "string" ? name : "",
    clinicName: typeof clinicName === "string" ? clinicName : "",
  };
}

/** Decodes and verifies the session cookie; null when absent, expired, tampered with or malformed. */
export async function readSessionClaims(cookies: CookieSource): Promise<SessionClaims | null> {
  const names = cookieNames(cookies);
  const secureCookie = names.some((name) => name.startsWith(SESSION_COOKIE_NAMES[0]));
  if (!secureCookie && !names.some((name) => name.startsWith(SESSION_COOKIE_NAMES[1]))) return null;
  const secret = authSecret();
  if (!secret) return null;
  // Headers deliberately empty: getToken would otherwise try an Authorization header as a JWT.
  const token = await getToken({
    req: { cookies, headers: new Headers() } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie,
    secret,
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined } as unknown as Console,
  });
  return claimsFromToken(token as Record<string, unknown> | null);
}
