// A list of caseload patients: name (to the patient), status as text + colour + shape, last visit,
// what changed at it, and a link to the trends. Plain links (opening a patient is a full page
// load), no client component: a small table (a page of 25 at most) rendered by React, which
// escapes every text.
import type { CaseloadPatient } from "@/lib/caseload/queries";
import type { VisitChanges } from "@/lib/caseload/changes";
import { calendarDaysBetween, formatDate } from "@/lib/format/dates";
import { listName } from "@/components/patients/labels";
import { StatusBadge } from "@/components/patients/StatusBadge";
import styles from "./caseload.module.css";


/** What changed at the latest visit: new flags, resolved flags, changes beyond measurement error. Words, not only colour. */
export function VisitChangesList({ changes: { newFlags, resolvedFlags, changes } }: { changes: VisitChanges }) {
  if (newFlags.length + resolvedFlags.length + changes.length === 0) return <span className="muted">No change beyond measurement error</span>;
  return (
    <ul className={styles.changes}>
      {newFlags.map((f, i) => (
        <li key={`n${i}`}>
          <span className={styles.tagNew}>New flag</span> {f.title}
        </li>
      ))}
      {resolvedFlags.map((f, i) => (
        <li key={`r${i}`}>
          <span className={styles.tagResolved}>Resolved</span> {f.title}
        </li>
      ))}
      {changes.map((c, i) => (
        <li key={`c${i}`}>
          <span className={c.direction === "worse" ? styles.tagWorse : styles.tagChange}>{c.label === "important_change" ? "Important" : "Change"}</span> {c.text}
        </li>
      ))}
    </ul>
  );
}

function CaseloadRow({ patient: p, now }: { patient: CaseloadPatient; now: number }) {
  const name = listName(p);
  const href = `/patients/${encodeURIComponent(p.id)}`;
  // Never "-1 days ago": a visit stamped a few minutes ahead (allowed clock skew) just after midnight.
  const days = p.lastAssessedAt ? Math.max(0, calendarDaysBetween(p.lastAssessedAt, now)) : null;
  return (
    <tr data-status={p.status}>
      <td>
        <a className="patient-link" href={href}>
          {name}
        </a>
      </td>
      <td>
        <StatusBadge status={p.status} />
      </td>
      <td>
        {p.lastAssessedAt ? formatDate(p.lastAssessedAt) : "Never"}
        {days !== null ? <span className="muted"> ({days} day{days === 1 ? "" : "s"} ago)</span> : null}
      </td>
      <td className={styles.changesCell}>
        <VisitChangesList changes={p.changes} />
      </td>
      <td className="no-print">
        <span className={styles.rowLinks}>
          <a aria-label={`Trends for ${name}`} href={`${href}/trends`}>
            Trends
          </a>
        </span>
      </td>
    </tr>
  );
}

export function CaseloadTable({ caption, patients, now }: { caption: string; patients: readonly CaseloadPatient[]; now: number }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Status</th>
            <th scope="col">Last visit</th>
            <th scope="col">Since the previous visit</th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">Links</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {patients.map((p) => (
            <CaseloadRow key={p.id} patient={p} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
