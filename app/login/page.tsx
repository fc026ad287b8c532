import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "@/components/auth/LoginForm";
import { signInRateLimitMessage } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const initialError = errorCode ? (signInRateLimitMessage(errorCode) ?? "Email or password is incorrect.") : undefined;
  return (
    <main id="main" className="center-page" tabIndex={-1}>
      <div className="card auth-card">
        <p className="brand-line">Stride</p>
        <h1>Sign in</h1>
        <p className="hint">Gait assessment for plantar fasciitis care.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
      </div>
    </main>
  );
}
