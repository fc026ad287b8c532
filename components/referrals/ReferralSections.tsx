// The included sections of a note as read-only text (final notes and the print view).
import type { ReferralSection } from "@/lib/referrals/schemas";
import styles from "./referrals.module.css";

export function ReferralSections({ sections }: { sections: ReferralSection[] }) {
  return (
    <>
      {sections
        .filter((s) => s.included && s.text.trim() !== "")
        .map((s) => (
          <section key={s.key} aria-labelledby={`read-${s.key}`}>
            <h2 id={`read-${s.key}`}>{s.title}</h2>
            <p className={styles.text}>{s.text}</p>
          </section>
        ))}
    </>
  );
}
