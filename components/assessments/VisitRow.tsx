"use client";
// One visit in the history table: a summary row, and a details row opened by a button
// (aria-expanded) with the values left | right with units and methods, and the actions.
import { useId, useState } from "react";
import Link from "next/link";
import type { VisitRowData } from "./history-rows";
import { DeleteVisitForm } from "./DeleteVisitForm";
import type { VisitActionResult } from "@/app/(app)/assessments/[id]/actions";
import styles from "./history.module.css";

interface Props {
  row: VisitRowData;
  columns: number;
  deleteAction: (prev: VisitActionResult, formData: FormData) => Promise<VisitActionResult>;
  restoreAction?: () => Promise<void>;
}

export function VisitRow({ row, columns, deleteAction, restoreAction }: Props) {
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
          {row.values.length ? (
            <table className={styles.valuesTable}>
              <caption className="visually-hidden">Values of the visit on {row.dateText}</caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Left</th>
                  <th scope="col">Right</th>
                  <th scope="col">Method</th>
                </tr>
              </thead>
              <tbody>
                {row.values.map((v) => (
                  <tr key={v.code}>
                    <th scope="row">{v.label}</th>
                    {v.whole !== undefined ? (
                      <td colSpan={2}>{v.whole}</td>
                    ) : (
                      <>
                        <td>{v.left ?? <span className="muted">—</span>}</td>
                        <td>{v.right ?? <span className="muted">—</span>}</td>
                      </>
                    )}
                    <td>{v.methods || <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No measure values recorded at this visit.</p>
          )}
          {row.redFlags.length ? <p className={styles.redFlagCell}>Red flags ticked: {row.redFlags.join("; ")}</p> : null}
          {row.notes ? <p className={styles.notes}>Notes: {row.notes}</p> : null}
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
