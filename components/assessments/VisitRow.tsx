"use client";
// One visit in the history table: a summary row, and a details row opened by a button
// (aria-expanded) with the values left | right with units and methods, and the actions.
import { useId, useState, type ReactNode } from "react";
import Link from "next/link";
import type { VisitRowData } from "./history-rows";
import { DeleteVisitForm } from "./DeleteVisitForm";
import type { VisitActionResult } from "@/app/(app)/assessments/[id]/actions";
import styles from "./history.module.css";

interface Props {
  row: Omit<VisitRowData, "values">;
  /** The visit's values table: server-built markup (values-table-markup), rendered by the server. */
  values: ReactNode;
  columns: number;
  deleteAction: (prev: VisitActionResult, formData: FormData) => Promise<VisitActionResult>;
  restoreAction?: () => Promise<void>;
}

export function VisitRow({ row, values, columns, deleteAction, restoreAction }: Props) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <>
      <tr className={row.deleted ? styles.deletedRow : undefined} data-visit={row.id}>
        <th scope="row">
          {row.dateText} <span className="muted">{row.timeText}</span>
        </th>
        <td>Assessment</td>
        <td>{row.rater}</td>
        <td>{row.valueCount}</td>
        <td>{row.redFlags.length ? <span className={styles.redFlagCell}>{row.redFlags.length} · Refer</span> : <span className="muted">None</span>}</td>
        <td className={styles.wrap}>
          {row.deleted ? <span className={styles.deletedMark}>{row.deleted}</span> : null}
          {row.amended ? <span className={styles.amendedMark}>{row.amended}</span> : null}
        </td>
        <td>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? "Hide" : "Show"} <span className="visually-hidden">visit of {row.dateText}</span> values
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className={styles.detailsRow}>
        <td colSpan={columns}>
          {values}
          {row.redFlags.length ? <p className={styles.redFlagCell}>Red flags ticked: {row.redFlags.join("; ")}</p> : null}
          {row.notes ? <p className={styles.notes}>Notes: {row.notes}</p> : null}
          {row.footwear ? <p className={styles.notes}>Footwear: {row.footwear.toLowerCase()}</p> : null}
          {row.answers.map((line) => (
            <p key={line} className={styles.notes}>
              {line}
            </p>
          ))}
          <div className={styles.rowActions}>
            {row.deleted ? (
              restoreAction ? (
                <form action={restoreAction}>
                  <button type="submit" className="button button-secondary">
                    Restore visit
                  </button>
                </form>
              ) : (
                <p className="hint">Deleted visits can be restored by an admin.</p>
              )
            ) : (
              <>
                <Link href={`/assessments/${row.id}/amend`} className="button button-secondary">
                  Amend <span className="visually-hidden">visit of {row.dateText}</span>
                </Link>
                <DeleteVisitForm dateText={row.dateText} action={deleteAction} />
              </>
            )}
          </div>
        </td>
      </tr>
    </>
  );
}
