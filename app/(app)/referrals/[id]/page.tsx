// One referral note. Draft: edit sections, save, finalise after a confirmation step. Final:
// read-only with who finalised it and when, Print / Download PDF / New version.
import { pageErrorMessage } from "@/lib/errors/page-errors";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { ReferralView } from "@/lib/referrals/queries";
import { loadReferralNote } from "@/lib/referrals/note/load";
import type { ReferralNote } from "@/lib/referrals/note/types";
import { URGENCY_LABELS } from "@/lib/referrals/schemas";
import { formatDate } from "@/lib/format/dates";
import { ReferralEditor } from "@/components/referrals/ReferralEditor";
import { ReferralNoteView } from "@/components/referrals/ReferralNoteView";
import { ReferralStatusLabel } from "@/components/referrals/ReferralStatusLabel";
import styles from "@/components/referrals/referrals.module.css";
import { finaliseReferralAction, saveReferralAction, supersedeReferralAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Referral note" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string; saved?: string; confirm?: string; finalised?: string }> };

async function load(id: string): Promise<{ referral: ReferralView; note: ReferralNote }> {
  const actor = await requireActor();
  try {
    return await loadReferralNote(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

function Notice({ query }: { query: Awaited<Props["searchParams"]> }) {
  const error = pageErrorMessage(query.error);
  if (error) {
    return (
      <p className="alert-error" role="alert">
        {error}
      </p>
    );
  }
  const text = query.saved ? "Draft saved." : query.finalised ? "Note finalised." : null;
  return text ? (
    <p role="status" className="hint">
      {text}
    </p>
  ) : null;
}

export default async function ReferralPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { referral, note } = await load(id);
  const p = referral.patient;
  const finalised = referral.status !== "draft";
  return (
    <>
      <Link href={`/patients/${referral.patientId}/referrals`} className="back-link no-print">
        ← Referrals of {p.givenName} {p.familyName}
      </Link>
      <div className="page-header">
        <div>
          <h1>Referral to {referral.specialtyLabel.toLowerCase()}</h1>
          <p>
            {p.givenName} {p.familyName} · urgency {URGENCY_LABELS[referral.urgency].toLowerCase()} ·{" "}
            <ReferralStatusLabel status={referral.status} version={referral.version} />
          </p>
        </div>
      </div>
      <Notice query={query} />
      {referral.supersededBy ? (
        <p className={styles.stamp}>
          {referral.supersededBy.status === "draft" ? "A new version is being drafted: " : "Superseded by "}
          <Link href={`/referrals/${referral.supersededBy.id}`}>version {referral.supersededBy.version}</Link>.
        </p>
      ) : null}
      {!finalised && query.confirm === "finalise" ? (
        <section className={`card ${styles.confirm}`} aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Finalise this note?</h2>
          <p>A finalised note is locked: it can never be changed, only replaced by a new version.</p>
          <div className={styles.actions}>
            <form action={finaliseReferralAction.bind(null, referral.id)}>
              <button type="submit" className="button" autoFocus>
                Finalise now
              </button>
            </form>
            <Link href={`/referrals/${referral.id}`} className="button button-secondary">
              Keep editing
            </Link>
          </div>
        </section>
      ) : null}
      {finalised ? (
        <>
          <p className={styles.stamp} data-testid="finalised-stamp">
            Finalised by {referral.finalizedBy?.name ?? "unknown"} on {formatDate(referral.finalizedAt)}
          </p>
          <div className={`${styles.actions} no-print`}>
            <Link href={`/referrals/${referral.id}/print`} className="button button-secondary">
              Print
            </Link>
            <a href={`/api/v1/referrals/${referral.id}/pdf`} className="button button-secondary" download>
              Download PDF
            </a>
            {referral.status === "final" && !referral.supersededBy ? (
              <form action={supersedeReferralAction.bind(null, referral.id)}>
                <button type="submit" className="button">
                  New version
                </button>
              </form>
            ) : null}
          </div>
          <article className="card">
            <ReferralNoteView note={note} />
          </article>
        </>
      ) : (
        <>
          <div className={`${styles.actions} no-print`}>
            {/* Saved text only: save the draft first to print what is typed now. */}
            <Link href={`/referrals/${referral.id}/print`} className="button button-secondary">
              Print draft
            </Link>
          </div>
          {referral.question ? null : (
            <p className="alert-error" role="alert">
              Question not yet written: write the question for the recipient before finalising.
            </p>
          )}
          <ReferralEditor referral={referral} action={saveReferralAction.bind(null, referral.id)} />
          <article className="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">The note as the recipient will read it</h2>
            <p className="hint">Same content as the print view and the PDF.</p>
            <ReferralNoteView note={note} />
          </article>
        </>
      )}
    </>
  );
}
