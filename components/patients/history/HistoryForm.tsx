"use client";
// The clinical history form. Entries are React state sent as the history schema's JSON, so a
// rejected save keeps them; the server's issues are shown beside their fields.
import { Fragment, cloneElement, startTransition, useActionState, useState } from "react";
import type { HistoryFormResult } from "@/app/(app)/patients/[id]/history/actions";
import { HIP_PAIN_SIDES, INVESTIGATION_KINDS, PAIN_BEFORE_HEEL, type PatientHistoryData } from "@/lib/patients/history/schemas";
import { INVESTIGATION_LABELS, PAIN_BEFORE_HEEL_LABELS } from "@/lib/patients/history/labels";

interface Props {
  initial: PatientHistoryData;
  action: (prev: HistoryFormResult, payload: unknown) => Promise<HistoryFormResult>;
  cancelHref: string;
}

type TriState = "" | "yes" | "no";
const tri = (v: boolean | null): TriState => (v === null ? "" : v ? "yes" : "no");
const fromTri = (v: TriState): boolean | null => (v === "" ? null : v === "yes");

const FIELD_PATH = /^(heelPainOnset\.(left|right)|hipPain\.(beforeHeelPain|onset|side)|backPain\.(beforeHeelPain|onset)|comorbidities\.\w+|medications|investigations\[\d+\]\.(date|kind|finding))$/;

const COMORBIDITIES = [
  ["diabetes", "Diabetes"],
  ["inflammatoryArthritis", "Inflammatory arthritis"],
  ["neuropathy", "Peripheral neuropathy"],
] as const;

export function HistoryForm({ initial, action, cancelHref }: Props) {
  const [h, setH] = useState(initial);
  const [result, save, pending] = useActionState(action, { status: "idle" });
  const issues = result.status === "error" ? result.issues : [];
  const err = (path: string) => issues.find((i) => i.path === path)?.message;
  const set = <K extends keyof PatientHistoryData>(key: K, value: PatientHistoryData[K]) => setH((prev) => ({ ...prev, [key]: value }));

  function field(id: string, label: string, path: string, input: React.ReactElement<Record<string, unknown>>) {
    const message = err(path);
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {cloneElement(input, { id, "aria-invalid": message ? true : undefined, "aria-describedby": message ? `${id}-error` : undefined })}
        {message ? (
          <span id={`${id}-error`} className="field-error">
            {message}
          </span>
        ) : null}
      </div>
    );
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(() => save(h));
  }

  // Issues of a field are shown beside it; the rest (e.g. the whole body) above the form.
  const general = issues.filter((i) => !FIELD_PATH.test(i.path));

  return (
    <form className="card stack" style={{ padding: "1.25rem", maxWidth: "48rem" }} onSubmit={onSubmit} noValidate aria-label="Clinical history">
      {issues.length ? (
        <div className="alert-error" role="alert">
          <p>Nothing was saved. Correct the marked fields and save again.</p>
          {general.map((i) => (
            <p key={i.path + i.message}>{i.message}</p>
          ))}
        </div>
      ) : null}
      <fieldset className="stack">
        <legend>Heel pain began</legend>
        {field("heelPainOnset-left", "Left heel: onset date", "heelPainOnset.left", (
          <input className="input" type="date" value={h.heelPainOnset.left ?? ""} onChange={(e) => set("heelPainOnset", { ...h.heelPainOnset, left: e.target.value || null })} />
        ))}
        {field("heelPainOnset-right", "Right heel: onset date", "heelPainOnset.right", (
          <input className="input" type="date" value={h.heelPainOnset.right ?? ""} onChange={(e) => set("heelPainOnset", { ...h.heelPainOnset, right: e.target.value || null })} />
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Hip pain</legend>
        {field("hipPain-beforeHeelPain", "Hip pain present before the heel pain?", "hipPain.beforeHeelPain", (
          <select className="input" value={h.hipPain.beforeHeelPain} onChange={(e) => set("hipPain", { ...h.hipPain, beforeHeelPain: e.target.value as never })}>
            {PAIN_BEFORE_HEEL.map((v) => (
              <option key={v} value={v}>
                {PAIN_BEFORE_HEEL_LABELS[v]}
              </option>
            ))}
          </select>
        ))}
        {field("hipPain-onset", "Hip pain: onset date", "hipPain.onset", (
          <input className="input" type="date" value={h.hipPain.onset ?? ""} onChange={(e) => set("hipPain", { ...h.hipPain, onset: e.target.value || null })} />
        ))}
        {field("hipPain-side", "Hip pain: side", "hipPain.side", (
          <select className="input" value={h.hipPain.side ?? ""} onChange={(e) => set("hipPain", { ...h.hipPain, side: (e.target.value || null) as never })}>
            <option value="">Not recorded</option>
            {HIP_PAIN_SIDES.map((v) => (
              <option key={v} value={v}>
                {v === "both" ? "Both" : v === "left" ? "Left" : "Right"}
              </option>
            ))}
          </select>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Low-back pain</legend>
        {field("backPain-beforeHeelPain", "Back pain present before the heel pain?", "backPain.beforeHeelPain", (
          <select className="input" value={h.backPain.beforeHeelPain} onChange={(e) => set("backPain", { ...h.backPain, beforeHeelPain: e.target.value as never })}>
            {PAIN_BEFORE_HEEL.map((v) => (
              <option key={v} value={v}>
                {PAIN_BEFORE_HEEL_LABELS[v]}
              </option>
            ))}
          </select>
        ))}
        {field("backPain-onset", "Back pain: onset date", "backPain.onset", (
          <input className="input" type="date" value={h.backPain.onset ?? ""} onChange={(e) => set("backPain", { ...h.backPain, onset: e.target.value || null })} />
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Comorbidities</legend>
        {COMORBIDITIES.map(([key, label]) => (
          <Fragment key={key}>
          {field(`comorbidities-${key}`, label, `comorbidities.${key}`, (
            <select className="input" value={tri(h.comorbidities[key])} onChange={(e) => set("comorbidities", { ...h.comorbidities, [key]: fromTri(e.target.value as TriState) })}>
              <option value="">Not asked</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          ))}
          </Fragment>
        ))}
        {field("comorbidities-other", "Other relevant conditions (optional)", "comorbidities.other", (
          <input className="input" type="text" maxLength={500} value={h.comorbidities.other ?? ""} onChange={(e) => set("comorbidities", { ...h.comorbidities, other: e.target.value || null })} />
        ))}
      </fieldset>
      {field("medications", "Medications (optional)", "medications", (
        <textarea className="input" rows={3} maxLength={2000} value={h.medications ?? ""} onChange={(e) => set("medications", e.target.value || null)} />
      ))}
      <fieldset className="stack">
        <legend>Imaging and investigations</legend>
        {h.investigations.map((inv, i) => (
          <div key={i} className="card stack" style={{ padding: "0.75rem" }} role="group" aria-label={`Investigation ${i + 1}`}>
            {field(`investigations-${i}-date`, `Investigation ${i + 1}: date`, `investigations[${i}].date`, (
              <input className="input" type="date" value={inv.date} onChange={(e) => set("investigations", h.investigations.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))} />
            ))}
            {field(`investigations-${i}-kind`, `Investigation ${i + 1}: kind`, `investigations[${i}].kind`, (
              <select className="input" value={inv.kind} onChange={(e) => set("investigations", h.investigations.map((x, j) => (j === i ? { ...x, kind: e.target.value as never } : x)))}>
                {INVESTIGATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {INVESTIGATION_LABELS[k]}
                  </option>
                ))}
              </select>
            ))}
            {field(`investigations-${i}-finding`, `Investigation ${i + 1}: finding`, `investigations[${i}].finding`, (
              <input className="input" type="text" maxLength={1000} value={inv.finding} onChange={(e) => set("investigations", h.investigations.map((x, j) => (j === i ? { ...x, finding: e.target.value } : x)))} />
            ))}
            <button type="button" className="button button-secondary" onClick={() => set("investigations", h.investigations.filter((_, j) => j !== i))}>
              Remove investigation {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => set("investigations", [...h.investigations, { date: "", kind: "ultrasound", finding: "" }])}>
          Add investigation
        </button>
      </fieldset>
      <div style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save history"}
        </button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
      </div>
    </form>
  );
}
