"use client";
// Record what was done and when: kind (no kind is preselected: the clinician chooses), date and
// time (default now), and a description (required for "other"). Entries are React state, sent by
// hand, so a rejected save keeps them. Errors name the fields as their labels do, and a failed
// save moves focus to the list of errors.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { TREATMENT_KINDS, type TreatmentKind } from "@/lib/treatments/schemas";
import { browserOffsetMinutes, localToIso, toLocalInputValue } from "@/lib/assessment-form/datetime";
import type { TreatmentFormResult } from "@/app/(app)/patients/[id]/treatments/new/actions";
import { TREATMENT_LABELS } from "@/lib/treatments/labels";
import { DoseFields, dosePayload, emptyDose } from "./DoseFields";

interface Props {
  action: (prev: TreatmentFormResult, payload: unknown) => Promise<TreatmentFormResult>;
  cancelHref: string;
}

export function TreatmentForm({ action, cancelHref }: Props) {
  const [kind, setKind] = useState<TreatmentKind | "">("");
  const [when, setWhen] = useState("");
  const [text, setText] = useState("");
  const [dose, setDose] = useState(emptyDose);
  const [localErrors, setLocalErrors] = useState<{ kind?: string; text?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const [result, save, pending] = useActionState(action, { status: "idle" });
  useEffect(() => setWhen(toLocalInputValue(new Date())), []);

  const issues = result.status === "error" ? result.issues : [];
  const errorFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const kindError = localErrors.kind ?? (errorFor("kind") ? "Kind of treatment is required: choose one" : undefined);
  const textError = localErrors.text ?? (errorFor("text") ? 'Details are required for "Other": describe the treatment (1 to 500 characters)' : undefined);
  const whenError = errorFor("occurredAt")
    ? /future/.test(errorFor("occurredAt") ?? "")
      ? "Date and time must not be in the future"
      : "Date and time must be a real date and time"
    : undefined;
  const general = issues.filter((i) => !["text", "occurredAt", "kind", "dose", "endedAt", "injectionAgent", "injectionCount"].includes(i.path) && i.message.trim() !== "");
  const summaryEntries = [
    kindError ? { id: "treatment-kind", message: kindError } : null,
    whenError ? { id: "treatment-when", message: whenError } : null,
    textError ? { id: "treatment-text", message: textError } : null,
  ].filter((e): e is { id: string; message: string } => e !== null);

  useEffect(() => {
    if (attempt > 0 || result.status === "error") summary.current?.focus();
  }, [attempt, result]);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const found: { kind?: string; text?: string } = {};
    if (!kind) found.kind = "Kind of treatment is required: choose one";
    if (kind === "other" && !text.trim()) found.text = 'Details are required for "Other": describe the treatment (1 to 500 characters)';
    setLocalErrors(found);
    if (found.kind || found.text) {
      setAttempt((n) => n + 1);
      return;
    }
    const occurredAt = localToIso(when, browserOffsetMinutes(when)) ?? when;
    startTransition(() => save({ kind, occurredAt, text: text.trim() ? text.trim() : null, ...dosePayload(kind as TreatmentKind, dose) }));
  }

  return (
    <form className="card stack" style={{ padding: "1.25rem", maxWidth: "40rem" }} onSubmit={onSubmit} noValidate aria-label="Record treatment">
      {general.length || summaryEntries.length ? (
        <div className="alert-error" role="alert" tabIndex={-1} ref={summary}>
          <p style={{ margin: 0, fontWeight: 700 }}>Not saved: correct the marked fields.</p>
          {summaryEntries.length ? (
            <ul>
              {summaryEntries.map((e) => (
                <li key={e.id}>
                  <a href={`#${e.id}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {general.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="treatment-kind">Kind of treatment</label>
        <select
          id="treatment-kind"
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as TreatmentKind | "")}
          aria-invalid={kindError ? true : undefined}
          aria-describedby={kindError ? "treatment-kind-error" : undefined}
        >
          <option value="">Choose…</option>
          {TREATMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {TREATMENT_LABELS[k]}
            </option>
          ))}
        </select>
        {kindError ? (
          <span id="treatment-kind-error" className="field-error">
            {kindError}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="treatment-when">Date and time</label>
        <input
          id="treatment-when"
          className="input"
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          aria-invalid={whenError ? true : undefined}
          aria-describedby={whenError ? "treatment-when-error" : undefined}
        />
        {whenError ? (
          <span id="treatment-when-error" className="field-error">
            {whenError}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="treatment-text">Details{kind === "other" ? " (required for Other)" : " (optional)"}</label>
        <textarea
          id="treatment-text"
          className="input"
          rows={3}
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? "treatment-text-error" : undefined}
        />
        {textError ? (
          <span id="treatment-text-error" className="field-error">
            {textError}
          </span>
        ) : null}
      </div>
      <DoseFields kind={(kind || "other") as TreatmentKind} value={dose} onChange={setDose} errorFor={errorFor} />
      <div style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        <button type="submit" className="button" disabled={pending || !when}>
          {pending ? "Saving…" : "Save treatment"}
        </button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
      </div>
    </form>
  );
}
