"use client";
// Unexpected errors in a page. The server logs the details; the user sees a plain message and a
// reference (the digest) to quote to support. No stack traces reach the browser.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="center-page" tabIndex={-1}>
      <div className="card message-card" role="alert">
        <h1>Something went wrong</h1>
        <p>The page could not be shown. Your data has not been changed. Please try again; if it keeps happening, tell your administrator.</p>
        {error.digest ? (
          <p className="hint">
            Reference: <span className="mono">{error.digest}</span>
          </p>
        ) : null}
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
      </div>
    </main>
  );
}
