"use client";
// "Delete…" on a treatment event of the history asks once more, then deletes it (it leaves the
// history and the trends charts; the audit trail keeps what it was).
import { useState, useTransition } from "react";
import type { TreatmentActionResult } from "@/app/(app)/treatments/[id]/actions";
import styles from "@/components/assessments/history.module.css";

export function DeleteTreatmentButton({ label, action }: { label: string; action: () => Promise<TreatmentActionResult> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        Delete… <span className="visually-hidden">treatment event {label}</span>
      </button>
    );
  }
  return (
    <div className={styles.rowActions} role="group" aria-label={`Delete treatment event ${label}?`}>
      <button
        type="button"
        className={`button ${styles.danger}`}
        disabled={pending}
        autoFocus
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result.status === "error") setError(result.message);
          })
        }
      >
        {pending ? "Deleting…" : "Delete treatment event"}
      </button>
      <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
        Keep it
      </button>
      {error ? (
        <span className={styles.error} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
