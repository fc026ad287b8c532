"use client";
// Saving with red flags ticked asks once more: a modal <dialog> (focus moves into it, Escape goes
// back), because a mis-tick could mark the patient REFER (emergency or urgent tier) or High (review).
import { useEffect, useRef } from "react";
import { RED_FLAG_LABELS, type RedFlagCode } from "@/lib/clinical/measures";
import { tickedTier, tierConsequence } from "@/lib/assessment-form/red-flag-tier";
import styles from "./assessment-form.module.css";

export function RedFlagConfirmDialog({
  open,
  ticked,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  ticked: RedFlagCode[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const n = ticked.length;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="rf-confirm-title"
      aria-describedby="rf-confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="rf-confirm-title">Confirm red flags</h2>
      <p id="rf-confirm-text">
        You ticked {n} red flag{n === 1 ? "" : "s"}, {tierConsequence(tickedTier(ticked) ?? "review")}. Confirm?
      </p>
      <ul>
        {ticked.map((code) => (
          <li key={code}>{RED_FLAG_LABELS[code]}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        {open ? (
          <button type="button" className="button" onClick={onConfirm} autoFocus>
            Confirm and save
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Go back
        </button>
      </div>
    </dialog>
  );
}
