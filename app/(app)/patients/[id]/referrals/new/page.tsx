// "Create referral": pick specialty and urgency. The suggested urgency follows the status (an
// emergency or urgent red flag, a review-tier red flag → soon with its suggested specialty) and says why.
import { pageErrorMessage } from "@/lib/errors/page-errors";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getPatient } from "@/lib/patients/queries";
import { referralSuggestion } from "@/lib/referrals/queries";
import { SPECIALTIES, SPECIALTY_LABELS, URGENCIES, URGENCY_LABELS, MAX_COMMENT_CHARS, MAX_QUESTION_CHARS } from "@/lib/referrals/schemas";
import { DIFFERENTIALS, DIFFERENTIAL_LABELS } from "@/lib/referrals/differentials";
import styles from "@/components/referrals/referrals.module.css";
import { createReferralAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create referral" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> };

export default async function NewReferralPage({ params, searchParams }: Props) {
  const { id } = await params;
  const error = pageErrorMessage((await searchParams).error);
  const actor = await requireActor();
  let patient;
  let suggestion;
  try {
    patient = await getPatient(actor, id);
    suggestion = await referralSuggestion(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const action = createReferralAction.bind(null, id);
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {patient.givenName} {patient.familyName}
      </Link>
      <div className="page-header">
        <h1>Create referral</h1>
      </div>
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <form action={action} className={`card ${styles.form}`}>
        <p className="hint">
          The note is assembled from {patient.givenName} {patient.familyName}&apos;s recorded data; you can edit every section before finalising.
        </p>
        <div className="field">
          <label htmlFor="specialty">Refer to</label>
          {/* No specialty is preselected: where to refer is the clinician's choice. */}
          <select id="specialty" name="specialty" className="input" defaultValue="" required>
            <option value="" disabled>
              Choose…
            </option>
            {SPECIALTIES.map((s) => (
              <option key={s} value={s}>
                {SPECIALTY_LABELS[s]}
                {s === suggestion.specialty ? " (suggested)" : ""}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={styles.fieldset} aria-describedby="urgency-reason">
          <legend>Urgency</legend>
          {URGENCIES.map((u) => (
            <label key={u} className={styles.radio}>
              <input type="radio" name="urgency" value={u} defaultChecked={u === suggestion.urgency} required />
              {URGENCY_LABELS[u]}
              {u === suggestion.urgency ? <span className="muted"> (suggested)</span> : null}
            </label>
          ))}
          <p id="urgency-reason" className={suggestion.urgency === "urgent" || suggestion.urgency === "emergency" ? styles.redFlag : "hint"}>
            Suggested: {URGENCY_LABELS[suggestion.urgency].toLowerCase()}. {suggestion.reason}
          </p>
        </fieldset>
        <div className="field">
          <label htmlFor="question">Question for the recipient (required)</label>
          <p id="question-hint" className="hint">
            What you ask them to assess or decide. It opens the note.
          </p>
          <textarea
            id="question"
            name="question"
            className={`input ${styles.textarea}`}
            rows={3}
            maxLength={MAX_QUESTION_CHARS}
            required
            aria-describedby="question-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="diagnosisBasis">Diagnosis based on (optional)</label>
          <textarea id="diagnosisBasis" name="diagnosisBasis" className={`input ${styles.textarea}`} rows={2} maxLength={MAX_COMMENT_CHARS} />
        </div>
        <fieldset className={styles.fieldset}>
          <legend>Differentials already excluded</legend>
          {DIFFERENTIALS.map((d) => (
            <label key={d} className={styles.radio}>
              <input type="checkbox" name="differentialsExcluded" value={d} />
              {DIFFERENTIAL_LABELS[d]}
            </label>
          ))}
          <div className="field">
            <label htmlFor="differentialOther">Other differential excluded (when &quot;Other&quot; is ticked)</label>
            <input id="differentialOther" name="differentialOther" className="input" maxLength={500} />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="comment">Your comment (optional)</label>
          <textarea id="comment" name="comment" className={`input ${styles.textarea}`} rows={4} maxLength={MAX_COMMENT_CHARS} />
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button">
            Create draft
          </button>
          <Link href={`/patients/${id}`} className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
