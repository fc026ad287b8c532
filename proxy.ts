// Route protection and security headers, run before every page and API request (Next 16 "proxy",
// formerly middleware). Light by design: no database. Pages need a valid session cookie (else
// /login?callbackUrl=…); /api/v1 needs a session cookie or a Bearer header (else 401 JSON), and
// the route handler then checks the cookie or token properly, user still active included.
// Every answer gets a Content-Security-Policy (pages: with a fresh script nonce, which Next reads
// from the request's CSP header and puts on its own scripts) and, over HTTPS, HSTS.
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, readSessionClaims } from "@/lib/auth/session-token";
import { API_CSP, HSTS, newNonce, pageCsp, requestIsHttps } from "@/lib/http/security-headers";

const PUBLIC_PAGES = new Set(["/login"]);

function unauthenticated(): NextResponse {
  return NextResponse.json(
    { error: "unauthenticated", message: "Sign in, or send a valid API token.", issues: [] },
    { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="stride"' } },
  );
}

function secured(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const https = requestIsHttps(request.headers, request.nextUrl);

  if (pathname.startsWith("/api/")) {
    const pass = () => secured(NextResponse.next(), API_CSP, https);
    if (pathname === "/api/v1/health" || pathname.startsWith("/api/auth/")) return pass();
    const hasBearer = /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");
    if (hasBearer || hasSessionCookie(request.cookies)) return pass();
    return secured(unauthenticated(), API_CSP, https);
  }

  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  const next = () => {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    return secured(NextResponse.next({ request: { headers } }), csp, https);
  };

  if (PUBLIC_PAGES.has(pathname)) return next();

  if (await readSessionClaims(request.cookies)) return next();

  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = "";
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return secured(NextResponse.redirect(login), csp, https);
}

export const config = {
  // Everything except Next's own files (/_next/: static chunks, images, the dev server's HMR socket)
  // and static assets at the root (favicon, robots.txt, images).
  matcher: ["/((?!_next/|favicon\\.ico$|robots\\.txt$|.*\\.(?:svg|png|jpg|ico|txt|webmanifest)$).*)"],
};
