"use client";
// One section of the assessment form (a <fieldset> per link of the chain): a row per measure with
// Left | Right inputs (left first, so Tab goes left → right → method) or one whole-body input.
import { MEASURES, allowedSides, type MeasureCode, type Side } from "@/lib/clinical/measures";
import {
  fieldKey,
  fieldLabel,
  methodInputId,
  rangeWords,
  unitSuffix,
  valueInputId,
  type FieldKey,
  type FormSectionDef,
} from "@/lib/assessment-form/fields";
import { PelvisDroppedControl } from "./PelvisDroppedControl";
import styles from "./assessment-form.module.css";

export interface MeasureFieldHandlers {
  values: Partial<Record<FieldKey, string>>;
  methods: Partial<Record<MeasureCode, string>>;
  errors: Record<string, string>;
  /** Pre-formatted "Previous: 8.5 cm on 12 Mar 2026", keyed code:side. */
  previous: Record<string, string>;
  onValueChange: (code: MeasureCode, side: Side, text: string) => void;
  onValueBlur: (code: MeasureCode, side: Side) => void;
  onMethodChange: (code: MeasureCode, text: string) => void;
}

function ValueInput({ code, side, f }: { code: MeasureCode; side: Side; f: MeasureFieldHandlers }) {
  const id = valueInputId(code, side);
  const key = fieldKey(code, side);
  const error = f.errors[id];
  const previous = f.previous[key];
  const describedBy = [`${code}-range`, previous ? `${id}-prev` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={styles.valueCell} data-side={side}>
      <label htmlFor={id} className="visually-hidden">
        {fieldLabel(code, side)}
      </label>
      <div className={styles.inputWithUnit}>
        <input
          id={id}
          className={`input ${styles.valueInput}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={f.values[key] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => f.onValueChange(code, side, e.target.value)}
          onBlur={() => f.onValueBlur(code, side)}
        />
        <span className={styles.unit} aria-hidden="true">
          {unitSuffix(code)}
        </span>
      </div>
      {previous ? (
        <span id={`${id}-prev`} className={styles.previous}>
          {previous}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

function MeasureRow({ code, f }: { code: MeasureCode; f: MeasureFieldHandlers }) {
  const m = MEASURES[code];
  const sides = allowedSides(code);
  const methodId = methodInputId(code);
  const methodError = f.errors[methodId];
  return (
    <div className={styles.measureRow} data-code={code}>
      <div className={styles.measureTitle}>
        <span className={styles.measureName}>{m.shortLabel}</span>
        <span id={`${code}-range`} className="hint">
          Range {rangeWords(code)}
          {m.step !== 1 ? `, step ${m.step}` : ""}
        </span>
      </div>
      {sides.length === 2 ? (
        <>
          <ValueInput code={code} side="left" f={f} />
          <ValueInput code={code} side="right" f={f} />
        </>
      ) : (
        <div className={styles.spanBoth}>
          <ValueInput code={code} side="none" f={f} />
        </div>
      )}
      <div className={styles.methodCell}>
        <label htmlFor={methodId} className={styles.methodLabel}>
          Method<span className="visually-hidden">, {m.shortLabel.toLowerCase()}</span> (optional)
        </label>
        <input
          id={methodId}
          className={`input ${styles.methodInput}`}
          type="text"
          autoComplete="off"
          maxLength={250}
          value={f.methods[code] ?? ""}
          placeholder={m.code === "hip_abd_hhd_n" ? "e.g. side-lying HHD" : ""}
          aria-invalid={methodError ? true : undefined}
          aria-describedby={methodError ? `${methodId}-error` : undefined}
          onChange={(e) => f.onMethodChange(code, e.target.value)}
        />
        {methodError ? (
          <span id={`${methodId}-error`} className={styles.fieldError}>
            {methodError}
          </span>
        ) : null}
      </div>
    </div>
  );
}

export function MeasureSection({ section, f }: { section: FormSectionDef; f: MeasureFieldHandlers }) {
  const bilateral = section.codes.some((code) => MEASURES[code].sides === "bilateral");
  return (
    <fieldset className={styles.section} id={`section-${section.id}`}>
      <legend className={styles.legend}>{section.title}</legend>
      {bilateral ? (
        <div className={styles.sideHeader} aria-hidden="true">
          <span />
          <span className={styles.leftHead}>Left</span>
          <span className={styles.rightHead}>Right</span>
          <span />
        </div>
      ) : null}
      {section.codes.map((code) =>
        // A yes/no question, not a number: radio buttons under the hold time (rules.md v2).
        code === "trendelenburg_pelvis_dropped" ? <PelvisDroppedControl key={code} f={f} /> : <MeasureRow key={code} code={code} f={f} />,
      )}
    </fieldset>
  );
}
