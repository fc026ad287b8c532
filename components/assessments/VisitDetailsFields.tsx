"use client";
// The visit's own fields: date and time taken (and, when correcting, the reason) at the top;
// free-text notes at the bottom, after the red-flag screen.
import type { Dispatch, SetStateAction } from "react";
import { NOTES_ID, REASON_ID, TAKEN_AT_ID, type AssessmentFormState, type FieldErrors } from "@/lib/assessment-form/form-state";
import styles from "./assessment-form.module.css";

interface Props {
  mode: "new" | "amend";
  state: AssessmentFormState;
  setState: Dispatch<SetStateAction<AssessmentFormState>>;
  errors: FieldErrors;
  part: "top" | "bottom";
}

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={`${id}-error`} className={styles.fieldError}>
      {message}
    </span>
  ) : null;
}

export function VisitDetailsFields({ mode, state, setState, errors, part }: Props) {
  if (part === "bottom") {
    return (
      <div className={`field ${styles.notes}`}>
        <label htmlFor={NOTES_ID}>Notes (optional)</label>
        <textarea
          id={NOTES_ID}
          className="input"
          rows={4}
          maxLength={5000}
          value={state.notes}
          aria-invalid={errors[NOTES_ID] ? true : undefined}
          aria-describedby={errors[NOTES_ID] ? `${NOTES_ID}-error` : undefined}
          onChange={(e) => setState((s) => ({ ...s, notes: e.target.value }))}
        />
        <ErrorText id={NOTES_ID} message={errors[NOTES_ID]} />
      </div>
    );
  }
  return (
    <div className={styles.visitFields}>
      {mode === "amend" ? (
        <div className="field">
          <label htmlFor={REASON_ID}>Reason for the correction (required)</label>
          <input
            id={REASON_ID}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={500}
            required
            value={state.reason}
            aria-invalid={errors[REASON_ID] ? true : undefined}
            aria-describedby={`${REASON_ID}-hint${errors[REASON_ID] ? ` ${REASON_ID}-error` : ""}`}
            onChange={(e) => setState((s) => ({ ...s, reason: e.target.value }))}
          />
          <span id={`${REASON_ID}-hint`} className="hint">
            3 to 500 characters. The original values stay in the audit trail.
          </span>
          <ErrorText id={REASON_ID} message={errors[REASON_ID]} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={TAKEN_AT_ID}>Date and time taken</label>
        <input
          id={TAKEN_AT_ID}
          className="input"
          type="datetime-local"
          value={state.takenAtLocal}
          aria-invalid={errors[TAKEN_AT_ID] ? true : undefined}
          aria-describedby={`${TAKEN_AT_ID}-hint${errors[TAKEN_AT_ID] ? ` ${TAKEN_AT_ID}-error` : ""}`}
          onChange={(e) => setState((s) => ({ ...s, takenAtLocal: e.target.value }))}
        />
        <span id={`${TAKEN_AT_ID}-hint`} className="hint">
          Your local time; defaults to now. Leave blank any measure you did not take.
        </span>
        <ErrorText id={TAKEN_AT_ID} message={errors[TAKEN_AT_ID]} />
      </div>
    </div>
  );
}
