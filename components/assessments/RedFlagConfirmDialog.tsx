"use client";
// Saving with red flags ticked asks once more: a modal <dialog> (focus moves into it, Escape goes
// back), because a mis-tick would mark the patient REFER. It opens on "Go back and review", so a
// second Enter (or a held one) after Save reviews instead of confirming: confirming takes a
// deliberate move to "Confirm and save". Ctrl+Enter does not confirm either (see AssessmentForm).
import { useEffect, useRef } from "react";
import { RED_FLAG_LABELS, type RedFlagCode } from "@/lib/clinical/measures";
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
  const review = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      review.current?.focus();
    }
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
        You ticked {n} red flag{n === 1 ? "" : "s"}: the patient will be marked REFER. Confirm?
      </p>
      <ul>
        {ticked.map((code) => (
          <li key={code}>{RED_FLAG_LABELS[code]}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        <button ref={review} type="button" className="button button-secondary" onClick={onCancel} autoFocus>
          Go back and review
        </button>
        <button type="button" className={`button ${styles.confirmRefer}`} onClick={onConfirm}>
          Confirm and save
        </button>
      </div>
    </dialog>
  );
}
