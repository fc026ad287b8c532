// Route protection and security headers, run before every page and API request (Next 16 "proxy",
// formerly middleware). Light by design: no database. Pages need a valid session cookie (else
// /login?callbackUrl=…); /api/v1 needs a session cookie or a Bearer header (else 401 JSON), and
// the route handler then checks the cookie or token properly, user still active included.
// Every answer gets a Content-Security-Policy (pages: with a fresh script nonce, which Next reads
// from the request's CSP header and puts on its own scripts) and, over HTTPS, HSTS.
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, readSessionClaims } from "@/lib/auth/session-token";
import { API_CSP, HSTS, newNonce, pageCsp, requestIsHttps } from "@/lib/http/security-headers";
import { NUL_MESSAGE, searchParamIssues } from "@/lib/validation/untrusted-text";

const PUBLIC_PAGES = new Set(["/login"]);

/** Admin-only pages. The page itself checks the role in the database too (requireAdmin). */
const isAdminPage = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

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

/** A query string with a NUL character: 400 before any page or route sees it (JSON for the API). */
function nulInQuery(request: NextRequest, https: boolean): NextResponse | undefined {
  const issues = searchParamIssues(request.nextUrl.searchParams);
  if (!issues.length) return undefined;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const body = { error: "validation", message: "Some fields are not valid.", issues };
    return secured(NextResponse.json(body, { status: 400, headers: { "Cache-Control": "no-store" } }), API_CSP, https);
  }
  const text = `Bad request: the address has a search value that ${NUL_MESSAGE} (the invisible character %00). Remove it and try again.`;
  return secured(new NextResponse(text, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }), API_CSP, https);
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const https = requestIsHttps(request.headers, request.nextUrl);
  const refused = nulInQuery(request, https);
  if (refused) return refused;

  if (pathname.startsWith("/api/")) {
    const pass = () => secured(NextResponse.next(), API_CSP, https);
    if (pathname === "/api/v1/health" || pathname.startsWith("/api/auth/")) return pass();
    const hasBearer = /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");
    if (hasBearer || hasSessionCookie(request.cookies)) return pass();
    return secured(unauthenticated(), API_CSP, https);
  }

  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  const next = (rewriteTo?: string) => {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    const init = { request: { headers } };
    return secured(rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), init) : NextResponse.next(init), csp, https);
  };

  if (PUBLIC_PAGES.has(pathname)) return next();

  const claims = await readSessionClaims(request.cookies);
  if (claims && claims.role !== "admin" && isAdminPage(pathname)) {
    // Exactly the answer for a path that does not exist: no hint (title, shell) that it does.
    return next("/_page-not-found");
  }
  if (claims) return next();

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
