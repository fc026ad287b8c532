// A list of caseload patients: name (to the patient), status as text + colour + shape, last visit,
// what changed at it, and a link to the trends.
import Link from "next/link";
import type { CaseloadPatient } from "@/lib/caseload/queries";
import { formatDate } from "@/lib/format/dates";
import { StatusBadge } from "@/components/patients/StatusBadge";
import { listName } from "@/components/patients/labels";
import { ChangesCell } from "./ChangesCell";
import styles from "./caseload.module.css";

const DAY_MS = 86_400_000;

export function CaseloadTable({ caption, patients, now }: { caption: string; patients: CaseloadPatient[]; now: number }) {
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
          {patients.map((p) => {
            const days = p.lastAssessedAt ? Math.floor((now - Date.parse(p.lastAssessedAt)) / DAY_MS) : null;
            return (
              <tr key={p.id} data-status={p.status}>
                <td>
                  <Link href={`/patients/${p.id}`} className="patient-link">
                    {listName(p)}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={p.status} />
                </td>
                <td>
                  {p.lastAssessedAt ? formatDate(p.lastAssessedAt, "UTC") : "Never"}
                  {days !== null ? <span className="muted"> ({days} day{days === 1 ? "" : "s"} ago)</span> : null}
                </td>
                <td className={styles.changesCell}>
                  <ChangesCell changes={p.changes} />
                </td>
                <td className="no-print">
                  <span className={styles.rowLinks}>
                    <Link href={`/patients/${p.id}/trends`} aria-label={`Trends for ${listName(p)}`}>
                      Trends
                    </Link>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
