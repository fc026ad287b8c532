"use client";
// The visit's own fields: date and time taken (and, when correcting, the reason) at the top;
// free-text notes at the bottom, after the red-flag screen.
import { useRef, type Dispatch, type SetStateAction } from "react";
import { normaliseLocalDateTime } from "@/lib/assessment-form/datetime";
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
  const picker = useRef<HTMLInputElement>(null);
  function openPicker() {
    try {
      picker.current?.showPicker();
    } catch {
      picker.current?.focus(); // browsers without showPicker: the native control takes the keys
    }
  }
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
        <div className={styles.dateTimeRow}>
          {/* One text box is one Tab stop; Chromium's datetime-local is seven. The picker stays
              reachable: the calendar button (pointer) or Alt+↓ in the box (keyboard). */}
          <input
            id={TAKEN_AT_ID}
            className={`input ${styles.dateTimeInput}`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={state.takenAtLocal}
            aria-invalid={errors[TAKEN_AT_ID] ? true : undefined}
            aria-describedby={`${TAKEN_AT_ID}-hint${errors[TAKEN_AT_ID] ? ` ${TAKEN_AT_ID}-error` : ""}`}
            aria-keyshortcuts="Alt+ArrowDown"
            onChange={(e) => setState((s) => ({ ...s, takenAtLocal: e.target.value }))}
            onKeyDown={(e) => {
              if (e.altKey && e.key === "ArrowDown") {
                e.preventDefault();
                openPicker();
              }
            }}
          />
          <button type="button" className={styles.pickerButton} tabIndex={-1} onClick={openPicker} aria-label="Pick the date and time from a calendar">
            <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
              <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
            </svg>
          </button>
          <input
            ref={picker}
            type="datetime-local"
            className={styles.hiddenPicker}
            tabIndex={-1}
            aria-hidden="true"
            aria-label="Date and time taken (calendar)"
            value={normaliseLocalDateTime(state.takenAtLocal)?.slice(0, 16) ?? ""}
            onChange={(e) => {
              const picked = e.target.value;
              if (picked) setState((s) => ({ ...s, takenAtLocal: picked.replace("T", " ") }));
              document.getElementById(TAKEN_AT_ID)?.focus();
            }}
          />
        </div>
        <span id={`${TAKEN_AT_ID}-hint`} className="hint">
          YYYY-MM-DD HH:MM, your local time; defaults to now (Alt+↓ opens a calendar). Leave blank any measure you did not take.
        </span>
        <ErrorText id={TAKEN_AT_ID} message={errors[TAKEN_AT_ID]} />
      </div>
    </div>
  );
}
