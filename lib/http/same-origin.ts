// Cross-site request refusal for cookie-authenticated writes under /api/v1. A browser attaches the
// session cookie (SameSite=Lax still sends it on some cross-site top-level POSTs in old browsers,
// and same-site subdomains always get it), so a write that relies on the cookie must come from
// this site: Sec-Fetch-Site must say same-origin, or, where a browser does not send it, Origin must
// be this host. Bearer-token calls carry no ambient credential and are not subject to CSRF.
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors/app-errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedHost(request: Request): string {
  return request.headers.get("x-forwarded-host")?.split(",")[0]!.trim() || request.headers.get("host") || new URL(request.url).host;
}

export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host === expectedHost(request);
  } catch {
    return false;
  }
}

export function assertNotCrossSite(request: Request, actor: Actor): void {
  if (actor.via !== "session" || SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOriginRequest(request)) throw new ForbiddenError("Cross-site request refused: send it from Stride itself, or use an API token.");
}
