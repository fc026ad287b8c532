"use client";
// The list of what stops a save, at the top of the form: each entry links to (and focuses) its
// field. role="alert" so a screen reader hears it as soon as it appears.
import { forwardRef } from "react";
import styles from "./assessment-form.module.css";

export interface SummaryEntry {
  id: string;
  label: string;
  message: string;
}

export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; entries: SummaryEntry[]; general: string[] }>(
  function ErrorSummary({ title, entries, general }, ref) {
    return (
      <div ref={ref} className={`alert-error ${styles.summary}`} role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
        <h2 id="error-summary-title" className={styles.summaryTitle}>
          {title}
        </h2>
        {general.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {entries.length ? (
          <ul>
            {entries.map((e) => (
              <li key={e.id}>
                <a
                  href={`#${e.id}`}
                  onClick={(event) => {
                    // A fragment link scrolls but does not focus; focus the field itself.
                    const field = document.getElementById(e.id);
                    if (!field) return;
                    event.preventDefault();
                    const target = field instanceof HTMLFieldSetElement ? field.querySelector("input") : field;
                    (target as HTMLElement | null)?.focus();
                  }}
                >
                  {e.label}: {e.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  },
);
