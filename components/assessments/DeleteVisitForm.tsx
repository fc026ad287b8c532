"use client";
// "Delete…" opens a small form that asks why; the visit leaves the history and the flags, and an
// admin can restore it.
import { startTransition, useActionState, useId, useState } from "react";
import type { VisitActionResult } from "@/app/(app)/assessments/[id]/actions";
import styles from "./history.module.css";

export function DeleteVisitForm({
  dateText,
  action,
}: {
  dateText: string;
  action: (prev: VisitActionResult, formData: FormData) => Promise<VisitActionResult>;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [result, formAction, pending] = useActionState(action, { status: "idle" });
  const inputId = useId();
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        Delete… <span className="visually-hidden">visit of {dateText}</span>
      </button>
    );
  }
  return (
    <form
      className={styles.deleteForm}
      onSubmit={(event) => {
        // Sent by hand, not as <form action>: React would reset the form, and the reason with it.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Reason for deleting the visit of {dateText}</label>
        <input
          id={inputId}
          name="reason"
          className="input"
          autoFocus
          required
          minLength={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={result.status === "error" ? true : undefined}
          aria-describedby={result.status === "error" ? `${inputId}-error` : undefined}
        />
        {result.status === "error" ? (
          <span id={`${inputId}-error`} className={styles.error}>
            {result.message}
          </span>
        ) : null}
      </div>
      <div className={styles.rowActions}>
        <button type="submit" className={`button ${styles.danger}`} disabled={pending}>
          {pending ? "Deleting…" : "Delete visit"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          Keep visit
        </button>
      </div>
    </form>
  );
}
