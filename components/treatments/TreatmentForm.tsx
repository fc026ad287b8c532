"use client";
// Record what was done and when: kind, date and time (default now), and a description (required
// for "other"). Entries are React state, sent by hand, so a rejected save keeps them.
import { startTransition, useActionState, useEffect, useState } from "react";
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
  const [kind, setKind] = useState<TreatmentKind>("orthoses");
  const [when, setWhen] = useState("");
  const [text, setText] = useState("");
  const [dose, setDose] = useState(emptyDose);
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, save, pending] = useActionState(action, { status: "idle" });
  useEffect(() => setWhen(toLocalInputValue(new Date())), []);

  const issues = result.status === "error" ? result.issues : [];
  const errorFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const textError = localError ?? errorFor("text");
  const whenError = errorFor("occurredAt");
  const general = issues.filter((i) => !["text", "occurredAt", "kind", "dose", "endedAt", "injectionAgent", "injectionCount"].includes(i.path));

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (kind === "other" && !text.trim()) {
      setLocalError('Describe the treatment: text is required for "Other" (1 to 500 characters)');
      return;
    }
    setLocalError(null);
    const occurredAt = localToIso(when, browserOffsetMinutes(when)) ?? when;
    startTransition(() => save({ kind, occurredAt, text: text.trim() ? text.trim() : null, ...dosePayload(kind, dose) }));
  }

  return (
    <form className="card stack" style={{ padding: "1.25rem", maxWidth: "40rem" }} onSubmit={onSubmit} noValidate aria-label="Record treatment">
      {general.length ? (
        <div className="alert-error" role="alert">
          {general.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="treatment-kind">Kind of treatment</label>
        <select id="treatment-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as TreatmentKind)}>
          {TREATMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {TREATMENT_LABELS[k]}
            </option>
          ))}
        </select>
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
      <DoseFields kind={kind} value={dose} onChange={setDose} errorFor={errorFor} />
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
