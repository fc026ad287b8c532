"use client";
// Paper size links and a Print button for the print view (hidden when printing).
import Link from "next/link";
import styles from "./referrals.module.css";

export function PrintControls({ id, paper }: { id: string; paper: "a4" | "letter" }) {
  return (
    <div className={`${styles.actions} no-print`} role="group" aria-label="Print options">
      <span>Paper:</span>
      <Link href={`/referrals/${id}/print`} aria-current={paper === "a4" ? "page" : undefined} className="button button-secondary">
        A4
      </Link>
      <Link href={`/referrals/${id}/print?paper=letter`} aria-current={paper === "letter" ? "page" : undefined} className="button button-secondary">
        US Letter
      </Link>
      <button type="button" className="button" onClick={() => window.print()}>
        Print
      </button>
      <Link href={`/referrals/${id}`}>Back to the note</Link>
    </div>
  );
}
