"use client";
// The single-leg stance question of rules.md v2 (TRENDELENBURG): when the hold ended, did the
// pelvis drop, or did the patient stop for pain or balance? A yes/no per side, right under the
// hold time, stored as the measure trendelenburg_pelvis_dropped (1 = yes, 0 = no, absent = not
// recorded). "Not recorded" is a real answer: the flag then says the stop reason is missing.
import type { Side } from "@/lib/clinical/measures";
import { fieldKey, valueInputId } from "@/lib/assessment-form/fields";
import type { MeasureFieldHandlers } from "./MeasureSection";
import styles from "./assessment-form.module.css";

const CODE = "trendelenburg_pelvis_dropped";
const CHOICES = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No (pain or balance)" },
  { value: "", label: "Not recorded" },
] as const;

function SideChoice({ side, f }: { side: Exclude<Side, "none">; f: MeasureFieldHandlers }) {
  const current = (f.values[fieldKey(CODE, side)] ?? "").trim();
  const error = f.errors[valueInputId(CODE, side)];
  return (
    <fieldset className={`${styles.valueCell} ${styles.pelvisChoice}`} data-side={side} aria-describedby={error ? `${valueInputId(CODE, side)}-error` : undefined}>
      <legend className="visually-hidden">Pelvis dropped, {side}</legend>
      {CHOICES.map((choice, index) => (
        <label key={choice.label} className={styles.pelvisOption}>
          <input
            // The first radio carries the field's id, so the error summary can move focus to it.
            id={index === 0 ? valueInputId(CODE, side) : `${valueInputId(CODE, side)}-${choice.value || "unrecorded"}`}
            type="radio"
            name={`pelvis-dropped-${side}`}
            value={choice.value}
            checked={current === choice.value}
            aria-label={`${choice.label}, ${side}`}
            onChange={() => f.onValueChange(CODE, side, choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {error ? (
        <span id={`${valueInputId(CODE, side)}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

export function PelvisDroppedControl({ f }: { f: MeasureFieldHandlers }) {
  return (
    <div className={styles.measureRow} data-code={CODE}>
      <div className={styles.measureTitle}>
        <span className={styles.measureName} id="pelvis-dropped-title">
          Pelvis dropped
        </span>
        <span className="hint">When the single-leg stance hold ended: did the pelvis drop, or did the patient stop for pain or balance?</span>
      </div>
      <SideChoice side="left" f={f} />
      <SideChoice side="right" f={f} />
      <div className={styles.methodCell} />
    </div>
  );
}
