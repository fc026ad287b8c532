"use client";
// The red-flag screen: visually set apart (red border, stop-sign shape, text). Each box shows its
// tier (rules.md v2): emergency and urgent items mean "refer"; review items raise the status to at
// least high. The confirmation before saving lives in RedFlagConfirmDialog.
import { RED_FLAGS, type RedFlagCode } from "@/lib/clinical/measures";
import { RED_FLAGS_ID } from "@/lib/assessment-form/form-state";
import { TIER_WORDS, tickedTier, tierConsequence } from "@/lib/assessment-form/red-flag-tier";
import styles from "./assessment-form.module.css";

export function RedFlagPanel({
  ticked,
  error,
  onToggle,
}: {
  ticked: RedFlagCode[];
  error?: string;
  onToggle: (code: RedFlagCode, on: boolean) => void;
}) {
  return (
    <fieldset className={styles.redFlagPanel} id={RED_FLAGS_ID} aria-describedby="red-flags-hint">
      <legend className={styles.redFlagLegend}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.octagon}>
          <polygon points="4.7,0.5 11.3,0.5 15.5,4.7 15.5,11.3 11.3,15.5 4.7,15.5 0.5,11.3 0.5,4.7" fill="currentColor" />
        </svg>
        Red-flag screen
      </legend>
      <p id="red-flags-hint" className={styles.redFlagHint}>
        Tick only what is present today. An <strong>emergency</strong> or <strong>urgent</strong> item marks the patient{" "}
        <strong>Refer</strong>; a <strong>review</strong> item raises the status to at least High.
      </p>
      <div className={styles.redFlagList}>
        {RED_FLAGS.map((flag) => {
          const id = `rf-${flag.code}`;
          return (
            <div key={flag.code} className={styles.redFlagItem}>
              <input
                id={id}
                type="checkbox"
                checked={ticked.includes(flag.code)}
                aria-describedby={flag.detail ? `${id}-detail` : undefined}
                onChange={(e) => onToggle(flag.code, e.target.checked)}
              />
              <label htmlFor={id}>
                {flag.label}
                <span className={styles.redFlagTier} data-tier={flag.tier}>
                  {" "}
                  ({TIER_WORDS[flag.tier]})
                </span>
                {flag.detail ? (
                  <span id={`${id}-detail`} className="hint">
                    {" "}
                    ({flag.detail})
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
      <p className={ticked.length ? styles.redFlagCount : "hint"} aria-live="polite">
        {ticked.length === 0
          ? "No red flags ticked."
          : `${ticked.length} red flag${ticked.length === 1 ? "" : "s"} ticked, ${tierConsequence(tickedTier(ticked)!)}.`}
      </p>
      {error ? <p className={styles.fieldError}>{error}</p> : null}
    </fieldset>
  );
}
