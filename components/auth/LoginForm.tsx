"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { signInRateLimitMessage } from "@/lib/auth/sign-in-errors";

const WRONG_CREDENTIALS = "Email or password is incorrect.";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [busy, setBusy] = useState(false);
  // Until React has hydrated, a submit would be a native form post: keep the button disabled so
  // credentials are only ever sent by signIn() below (and method="post" keeps them out of URLs).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full navigation so every server component renders with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      const limited = signInRateLimitMessage(result?.error);
      setError(limited ?? (result?.status === 401 || result?.error === "CredentialsSignin" ? WRONG_CREDENTIALS : "Signing in failed. Please try again."));
    } catch {
      setError("Signing in failed: the server could not be reached. Please try again.");
    }
    setBusy(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    <form className="stack" method="post" onSubmit={handleSubmit} aria-describedby={error ? "login-error" : undefined}>
      <div role="alert" id="login-error" className={error ? "alert-error" : undefined}>
        {error}
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" className="input" autoComplete="username" required autoFocus spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required ref={passwordRef} />
      </div>
      <button type="submit" className="button" disabled={busy || !ready}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
