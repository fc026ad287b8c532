// What changed at the latest visit, stored on the patient (lib/caseload/changes.ts): new flags,
// resolved flags, changes beyond measurement error. Words, not only colour.
import type { VisitChanges } from "@/lib/caseload/changes";
import styles from "./caseload.module.css";

export function ChangesCell({ changes }: { changes: VisitChanges }) {
  const { newFlags, resolvedFlags, changes: measures } = changes;
  if (newFlags.length + resolvedFlags.length + measures.length === 0) return <span className="muted">No change beyond measurement error</span>;
  return (
    <ul className={styles.changes}>
      {newFlags.map((f) => (
        <li key={`new-${f.id}-${f.side}`}>
          <span className={styles.tagNew}>New flag</span> {f.title}
        </li>
      ))}
      {resolvedFlags.map((f) => (
        <li key={`resolved-${f.id}-${f.side}`}>
          <span className={styles.tagResolved}>Resolved</span> {f.title}
        </li>
      ))}
      {measures.map((c) => (
        <li key={`change-${c.code}-${c.side}`}>
          <span className={c.direction === "worse" ? styles.tagWorse : styles.tagChange}>{c.label === "important_change" ? "Important" : "Change"}</span>{" "}
          {c.text}
        </li>
      ))}
    </ul>
  );
}
