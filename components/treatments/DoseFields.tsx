"use client";
// Dose or parameters, the end of a course, and for injections the agent and the count: shared by
// the "Record treatment" form and the treatment's review page.
import type { TreatmentKind } from "@/lib/treatments/schemas";

export interface DoseState {
  endDate: string;
  dose: string;
  injectionAgent: string;
  injectionCount: string;
}

export const emptyDose = (): DoseState => ({ endDate: "", dose: "", injectionAgent: "", injectionCount: "" });

/** A calendar date from an <input type=date> as an instant at local noon (the API's date-time form). */
export function dateToIso(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const local = new Date(`${date}T12:00`);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

export function dosePayload(kind: TreatmentKind, d: DoseState) {
  const count = d.injectionCount.trim() === "" ? null : Number(d.injectionCount);
  return {
    endedAt: dateToIso(d.endDate),
    dose: d.dose.trim() || null,
    ...(kind === "injection" ? { injectionAgent: d.injectionAgent.trim() || null, injectionCount: count } : {}),
  };
}

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={`${id}-error`} className="field-error">
      {message}
    </span>
  ) : null;
}

export function DoseFields({ kind, value, onChange, errorFor }: { kind: TreatmentKind; value: DoseState; onChange: (d: DoseState) => void; errorFor: (path: string) => string | undefined }) {
  const input = (id: string, path: string, label: string, key: keyof DoseState, type = "text") => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type={type}
        inputMode={type === "number" ? "numeric" : undefined}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        aria-invalid={errorFor(path) ? true : undefined}
        aria-describedby={errorFor(path) ? `${id}-error` : undefined}
      />
      <ErrorText id={id} message={errorFor(path)} />
    </div>
  );
  return (
    <>
      {input("treatment-dose", "dose", "Dose or parameters (optional)", "dose")}
      {input("treatment-end", "endedAt", "End date of the course (optional)", "endDate", "date")}
      {kind === "injection" ? (
        <>
          {input("treatment-agent", "injectionAgent", "Injected agent (optional)", "injectionAgent")}
          {input("treatment-count", "injectionCount", "Number of injections (optional)", "injectionCount", "number")}
        </>
      ) : null}
    </>
  );
}
