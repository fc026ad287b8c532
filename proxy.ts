// Route protection, run before every page and API request (Next 16 "proxy", formerly middleware).
// Light by design: no database. Pages need a valid session cookie (else /login?callbackUrl=…);
// /api/v1 needs a session cookie or a Bearer header (else 401 JSON), and the route handler then
// checks the cookie or token properly, user still active included.
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, readSessionClaims } from "@/lib/auth/session-token";

const PUBLIC_PAGES = new Set(["/login"]);

function unauthenticated(): NextResponse {
  return NextResponse.json(
    { error: "unauthenticated", message: "Sign in, or send a valid API token.", issues: [] },
    { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="stride"' } },
  );
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;

  if (pathname.startsWith("/api/")) {
    if (pathname === "/api/v1/health" || pathname.startsWith("/api/auth/")) return NextResponse.next();
    const hasBearer = /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");
    if (hasBearer || hasSessionCookie(request.cookies)) return NextResponse.next();
    return unauthenticated();
  }

  if (PUBLIC_PAGES.has(pathname)) return NextResponse.next();

  if (await readSessionClaims(request.cookies)) return NextResponse.next();

  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = "";
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except Next's own files (/_next/: static chunks, images, the dev server's HMR socket)
  // and static assets at the root (favicon, robots.txt, images).
  matcher: ["/((?!_next/|favicon\\.ico$|robots\\.txt$|.*\\.(?:svg|png|jpg|ico|txt|webmanifest)$).*)"],
};
