// next-auth's routes (sign-in, sign-out, session, CSRF token). Two additions around them:
// - a blocked account or address gets 429 (with Retry-After) on the credentials callback before
//   next-auth runs; the JSON still carries next-auth's `url` so signIn() shows the message;
// - cookies are Secure (and __Secure-/__Host- named) whenever the site is reached over HTTPS.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { sourceAddressOf } from "@/lib/auth/session";
import { signInRateLimitCode, signInRateLimitMessage } from "@/lib/auth/sign-in-errors";
import { RateLimitedError } from "@/lib/errors/app-errors";
import { signInGate } from "@/lib/rate-limit/sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

function servedOverHttps(request: Request): boolean {
  const configured = process.env.NEXTAUTH_URL || process.env.AUTH_URL || "";
  if (configured.startsWith("https://")) return true;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https" || new URL(request.url).protocol === "https:";
}

function handle(request: Request, context: Context): Promise<Response> {
  const nextAuth = NextAuth as unknown as (req: Request, ctx: Context, options: typeof authOptions) => Promise<Response>;
  return nextAuth(request, context, { ...authOptions, useSecureCookies: servedOverHttps(request) });
}

async function blockedAnswer(request: Request): Promise<Response | undefined> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return undefined;
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "");
  } catch {
    return undefined; // not a form post: next-auth answers it
  }
  try {
    await signInGate(email, sourceAddressOf(request));
    return undefined;
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const code = signInRateLimitCode(error.retryAfterSeconds);
    const login = new URL("/login", request.url);
    login.searchParams.set("error", code);
    return Response.json(
      { url: login.toString(), error: "rate_limited", message: signInRateLimitMessage(code), issues: [] },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
}

export async function GET(request: Request, context: Context): Promise<Response> {
  return handle(request, context);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  return (await blockedAnswer(request)) ?? handle(request, context);
}
