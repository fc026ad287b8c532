"use client";
// Create and edit a patient. Every field labelled; the server action's errors shown per field;
// entries kept on error (the action returns what was typed, used as the fields' defaults, which
// is what React's post-action form reset restores).
import { useActionState, useEffect, useRef } from "react";
import { PATIENT_SEXES, DIAGNOSIS_SIDES, HEIGHT_CM_RANGE } from "@/lib/patients/schemas";
import { patientIssueInWords, type PatientFormResult, type PatientFormValues, type PatientField } from "./patient-form-data";
import { SEX_LABELS, SIDE_LABELS } from "./labels";

interface Props {
  action: (prev: PatientFormResult, formData: FormData) => Promise<PatientFormResult>;
  initial?: PatientFormValues;
  submitLabel: string;
  cancelHref: string;
}

const LABELS: Record<PatientField, string> = {
  givenName: "First name (given name)",
  familyName: "Last name (family name)",
  birthDate: "Birth date",
  sex: "Sex",
  heightCm: "Height (cm)",
  mrn: "MRN (optional)",
  diagnosisSide: "Diagnosis side",
};

export function PatientForm({ action, initial = {}, submitLabel, cancelHref }: Props) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" });
  const values = result.status === "error" ? result.values : initial;
  const issues = result.status === "error" ? result.issues : [];
  const errorOf = (field: PatientField) => {
    const issue = issues.find((i) => i.path === field);
    return issue ? patientIssueInWords(field, issue.message) : undefined;
  };
  const general = issues.filter((i) => !(i.path in LABELS) && i.message.trim() !== "");
  const fieldIssues = (Object.keys(LABELS) as PatientField[]).filter((field) => errorOf(field));
  const summary = useRef<HTMLDivElement>(null);
  // A rejected save moves focus to the summary, so the keyboard and the screen reader start there.
  useEffect(() => {
    if (result.status === "error") summary.current?.focus();
  }, [result]);

  function describedBy(field: PatientField, hint?: boolean) {
    return [hint ? `${field}-hint` : "", errorOf(field) ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined;
  }
  function ErrorText({ field }: { field: PatientField }) {
    const message = errorOf(field);
    return message ? (
      <span id={`${field}-error`} className="field-error">
        {message}
      </span>
    ) : null;
  }
  const text = (field: PatientField, type = "text", extra: Record<string, unknown> = {}, hint?: string) => (
    <div className="field">
      <label htmlFor={field}>{LABELS[field]}</label>
      <input
        id={field}
        name={field}
        type={type}
        className="input"
        defaultValue={values[field] ?? ""}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={describedBy(field, !!hint)}
        {...extra}
      />
      {hint ? (
        <span id={`${field}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <ErrorText field={field} />
    </div>
  );
  const select = (field: PatientField, options: readonly string[], labels: Record<string, string>) => (
    <div className="field">
      <label htmlFor={field}>{LABELS[field]}</label>
      <select
        id={field}
        name={field}
        className="input"
        defaultValue={values[field] ?? ""}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={describedBy(field)}
        key={`${field}-${values[field] ?? ""}`}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
      <ErrorText field={field} />
    </div>
  );

  return (
    <form action={formAction} className="card stack" style={{ padding: "1.25rem", maxWidth: "40rem" }} noValidate>
      {issues.length ? (
        <div className="alert-error" role="alert" tabIndex={-1} ref={summary} aria-labelledby="patient-errors-title">
          <p id="patient-errors-title" style={{ margin: 0, fontWeight: 700 }}>
            Not saved: correct the marked fields.
          </p>
          {fieldIssues.length ? (
            <ul>
              {fieldIssues.map((field) => (
                <li key={field}>
                  <a href={`#${field}`}>{errorOf(field)}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {general.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      ) : null}
      {text("givenName", "text", { autoComplete: "off", maxLength: 100 })}
      {text("familyName", "text", { autoComplete: "off", maxLength: 100 })}
      {text("birthDate", "date", { min: "1900-01-01" })}
      {select("sex", PATIENT_SEXES, SEX_LABELS)}
      {text("heightCm", "text", { inputMode: "decimal", autoComplete: "off" }, `${HEIGHT_CM_RANGE.min} to ${HEIGHT_CM_RANGE.max} cm`)}
      {text("mrn", "text", { autoComplete: "off", maxLength: 50 }, "Medical record number; unique in the clinic")}
      {select("diagnosisSide", DIAGNOSIS_SIDES, SIDE_LABELS)}
      <div style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
      </div>
    </form>
  );
}
