// Reading the signed session cookie (a next-auth JWT) without touching the database, so that the
// proxy can use it on every request. Route handlers and pages then re-check the user in the DB.
import { getToken } from "next-auth/jwt";
import type { Role } from "./actor";

/** next-auth names the cookie with the __Secure- prefix when the site is served over HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** A clinic shift: long enough not to interrupt a day, short enough that a lost laptop expires.
 * Counted from sign-in: refreshing the cookie (GET /api/auth/session) does not extend it. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export interface SessionClaims {
  userId: string;
  clinicId: string;
  role: Role;
  name: string;
  clinicName: string;
  /** The user's sessionVersion when the session was issued; a higher one in the database ends it. */
  sessionVersion: number;
  /** Sign-in time, seconds since the epoch: the session ends SESSION_MAX_AGE_SECONDS later. */
  signedInAt: number;
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

/** The claims of a session token, or null when malformed or past its absolute lifetime. */
export function claimsFromToken(token: Record<string, unknown> | null | undefined, nowMs = Date.now()): SessionClaims | null {
  if (!token) return null;
  const { userId, clinicId, role, name, clinicName, sessionVersion, signedInAt } = token;
  if (typeof userId !== "string" || typeof clinicId !== "string") return null;
  if (role !== "clinician" && role !== "admin") return null;
  // Tokens issued before revocable sessions carry neither field: they end (one more sign-in).
  if (!Number.isInteger(sessionVersion) || typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return null;
  const ageSeconds = nowMs / 1000 - signedInAt;
  if (ageSeconds >= SESSION_MAX_AGE_SECONDS || ageSeconds < -300) return null;
  return {
    userId,
    clinicId,
    role,
    name: typeof name === "string" ? name : "",
    clinicName: typeof clinicName === "string" ? clinicName : "",
    sessionVersion: sessionVersion as number,
    signedInAt,
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
