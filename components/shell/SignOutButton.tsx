"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function handleClick() {
    setBusy(true);
    try {
      // POST /api/auth/signout (with next-auth's CSRF token) clears the session cookie; then a full
      // navigation, relative to wherever the app is served, so no cached page survives.
      await signOut({ redirect: false });
    } finally {
      window.location.assign("/login");
    }
  }
  return (
    <button type="button" className="button sign-out" onClick={handleClick} disabled={busy}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
