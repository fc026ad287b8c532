"use client";
// A treatment's review: the response (better, same, worse) and when it was judged, plus the end of
// the course, the dose and, for injections, the agent and the count.
import { startTransition, useActionState, useState } from "react";
import type { TreatmentReviewResult } from "@/app/(app)/treatments/[id]/actions";
import type { TreatmentView } from "@/lib/treatments/queries";
import { TREATMENT_RESPONSES, type TreatmentResponse } from "@/lib/treatments/schemas";
import { RESPONSE_LABELS } from "@/lib/treatments/labels";
import { DoseFields, dateToIso, dosePayload, type DoseState } from "./DoseFields";

interface Props {
  treatment: TreatmentView;
  action: (prev: TreatmentReviewResult, payload: unknown) => Promise<TreatmentReviewResult>;
  cancelHref: string;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export function TreatmentReviewForm({ treatment, action, cancelHref }: Props) {
  const [dose, setDose] = useState<DoseState>({
    endDate: day(treatment.endedAt),
    dose: treatment.dose ?? "",
    injectionAgent: treatment.injectionAgent ?? "",
    injectionCount: treatment.injectionCount === null ? "" : String(treatment.injectionCount),
  });
  const [response, setResponse] = useState<TreatmentResponse | "">(treatment.response ?? "");
  const [reviewDate, setReviewDate] = useState(day(treatment.reviewedAt));
  const [result, save, pending] = useActionState(action, { status: "idle" });
  const issues = result.status === "error" ? result.issues : [];
  const errorFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const general = issues.filter((i) => !["dose", "endedAt", "injectionAgent", "injectionCount", "response", "reviewedAt"].includes(i.path));

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const reviewedAt = response ? (reviewDate ? dateToIso(reviewDate) : null) : null;
    startTransition(() =>
      save({
        ...dosePayload(treatment.kind, dose),
        response: response || null,
        ...(response && reviewedAt ? { reviewedAt } : {}),
      }),
    );
  }

  return (
    <form className="card stack" style={{ padding: "1.25rem", maxWidth: "40rem" }} onSubmit={onSubmit} noValidate aria-label="Treatment review">
      {general.length ? (
        <div className="alert-error" role="alert">
          {general.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="treatment-response">Response at review</label>
        <select id="treatment-response" className="input" value={response} onChange={(e) => setResponse(e.target.value as TreatmentResponse | "")}>
          <option value="">Not reviewed yet</option>
          {TREATMENT_RESPONSES.map((r) => (
            <option key={r} value={r}>
              {RESPONSE_LABELS[r]}
            </option>
          ))}
        </select>
        {errorFor("response") ? <span className="field-error">{errorFor("response")}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="treatment-reviewed">Review date (blank = today)</label>
        <input id="treatment-reviewed" className="input" type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} disabled={!response} />
        {errorFor("reviewedAt") ? <span className="field-error">{errorFor("reviewedAt")}</span> : null}
      </div>
      <DoseFields kind={treatment.kind} value={dose} onChange={setDose} errorFor={errorFor} />
      <div style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save review"}
        </button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
      </div>
    </form>
  );
}
