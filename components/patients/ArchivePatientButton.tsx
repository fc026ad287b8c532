"use client";
// Archive (with a confirmation: the patient leaves the list, nothing is deleted) or restore.
import { useState } from "react";
import { setPatientArchivedAction } from "@/app/(app)/patients/[id]/edit/actions";

export function ArchivePatientButton({ patientId, archived, hasVisits }: { patientId: string; archived: boolean; hasVisits: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const action = setPatientArchivedAction.bind(null, patientId, !archived);
  if (archived) {
    return (
      <form action={action}>
        <button type="submit" className="button button-secondary">
          Restore patient
        </button>
      </form>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
        Archive…
      </button>
    );
  }
  return (
    <form action={action} className="inline-confirm" role="group" aria-labelledby="archive-question">
      <span id="archive-question">
        Archive this patient? They leave the patient list{hasVisits ? "; their visits are kept" : ""}. An archived patient can be restored.
      </span>
      <button type="submit" className="button" autoFocus>
        Archive patient
      </button>
      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
