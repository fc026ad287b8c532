"use client";
// One visit in the history table: a summary row, and a details row opened by a button
// (aria-expanded) with the values left | right with units and methods, and the actions. The
// values are asked of the server the first time the row is opened (loadValues), not sent with
// the page. A link to the visit (#visit-<id>, from the measure explorer) opens it.
import { useEffect, useId, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import type { VisitRowData } from "./history-rows";
import { DeleteVisitForm } from "./DeleteVisitForm";
import type { VisitActionResult } from "@/app/(app)/assessments/[id]/actions";
import styles from "./history.module.css";

interface Props {
  row: VisitRowData;
  /**
   * The visit's values table, rendered by the server when first asked for: a server action taking
   * the visit's id (not bound to it: Next encrypts every bound argument into the page).
   */
  loadValues: (assessmentId: string) => Promise<ReactNode>;
  columns: number;
  deleteAction: (prev: VisitActionResult, formData: FormData) => Promise<VisitActionResult>;
  restoreAction?: () => Promise<void>;
}

export function VisitRow({ row, loadValues, columns, deleteAction, restoreAction }: Props) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ReactNode>(null);
  const [failed, setFailed] = useState(false);
  const [loading, startLoading] = useTransition();
  const detailsId = useId();
  const load = () => {
    if (values !== null || loading) return;
    setFailed(false);
    startLoading(async () => {
      try {
        setValues(await loadValues(row.id));
      } catch {
        setFailed(true); // opening the row again retries
      }
    });
  };
  const toggle = () => {
    setOpen(!open);
    if (!open) load();
  };
  useEffect(() => {
    if (window.location.hash !== `#visit-${row.id}`) return;
    setOpen(true);
    load();
    // Only on arrival: the hash names the visit the explorer opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row.id]);
  return (
    <>
      <tr id={`visit-${row.id}`} className={row.deleted ? styles.deletedRow : undefined} data-visit={row.id}>
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
            onClick={toggle}
          >
            {open ? "Hide" : "Show"} <span className="visually-hidden">visit of {row.dateText}</span> values
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className={styles.detailsRow}>
        <td colSpan={columns} aria-busy={loading}>
          {values ?? (
            <p className="muted" role="status">
              {failed ? "The values could not be loaded. Close and open the visit again to retry." : "Loading the values…"}
            </p>
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
