// The draft editor: one labelled textarea per section with an "Include" checkbox. The referring
// clinician comes from the user profile and is shown, not edited. Plain form + server action, so
// it works without JavaScript and keeps the tab order of the page.
import type { ReferralView } from "@/lib/referrals/queries";
import { ALWAYS_INCLUDED_KEYS, LOCKED_SECTION_KEYS, MAX_SECTION_CHARS } from "@/lib/referrals/schemas";
import styles from "./referrals.module.css";

export function ReferralEditor({ referral, action }: { referral: ReferralView; action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action} className={`card ${styles.form}`} aria-label="Edit referral note">
      {referral.sections.map((s) => {
        const textId = `section-${s.key}`;
        if (LOCKED_SECTION_KEYS.has(s.key)) {
          return (
            <div key={s.key} className={styles.section}>
              <h2 className={styles.sectionHead}>{s.title}</h2>
              <p className={styles.text}>{s.text}</p>
              <p className="hint">From your user profile; updated when the note is finalised.</p>
            </div>
          );
        }
        return (
          <div key={s.key} className={styles.section}>
            <div className={styles.sectionHead}>
              <label htmlFor={textId}>
                <strong>{s.title}</strong>
              </label>
              {ALWAYS_INCLUDED_KEYS.has(s.key) ? (
                <span className="hint">Always included</span>
              ) : (
                <label className={styles.include}>
                  <input type="checkbox" name={`include:${s.key}`} defaultChecked={s.included} aria-label={`Include ${s.title}`} />
                  Include
                </label>
              )}
            </div>
            <textarea
              id={textId}
              name={`text:${s.key}`}
              className={`input ${styles.textarea}`}
              defaultValue={s.text}
              maxLength={MAX_SECTION_CHARS}
              rows={Math.min(14, Math.max(3, s.text.split("\n").length + 1))}
            />
          </div>
        );
      })}
      <div className={styles.actions}>
        <button type="submit" name="intent" value="save" className="button button-secondary">
          Save draft
        </button>
        <button type="submit" name="intent" value="finalise" className="button">
          Save and finalise…
        </button>
      </div>
    </form>
  );
}
