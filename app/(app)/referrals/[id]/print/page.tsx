// Clean print view of a note: A4 by default, US Letter with ?paper=letter; navigation hidden when
// printing (globals.css hides the shell). It renders the same assembled model as the PDF
// (lib/referrals/note), so both show the same content.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { loadReferralNote } from "@/lib/referrals/note/load";
import { ReferralNoteView } from "@/components/referrals/ReferralNoteView";
import { PrintControls } from "@/components/referrals/PrintControls";
import styles from "@/components/referrals/referrals.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Referral: print" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ paper?: string }> };

export default async function ReferralPrintPage({ params, searchParams }: Props) {
  const { id } = await params;
  const paper = (await searchParams).paper === "letter" ? "letter" : "a4";
  const actor = await requireActor();
  let loaded;
  try {
    loaded = await loadReferralNote(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { referral, note } = loaded;
  return (
    <>
      {/* The page size is a choice of this view, so it is set here rather than in the shared stylesheet. */}
      <style>{`@page { size: ${paper === "letter" ? "letter" : "A4"}; margin: 14mm 14mm; }`}</style>
      <PrintControls id={referral.id} paper={paper} />
      <article className={styles.printNote} data-status={referral.status}>
        {referral.status === "draft" ? (
          <>
            <p className={styles.draftBanner} data-testid="draft-mark">
              DRAFT: not finalised, not for sending
            </p>
            <div className={styles.draftWatermark} aria-hidden="true" />
          </>
        ) : null}
        <header>
          <h1>{note.heading}</h1>
          <p>
            <strong>{note.patientLine}</strong>
          </p>
          <p>{note.metaLine}</p>
          <p className={styles.stamp}>{note.statusLine}</p>
        </header>
        <ReferralNoteView note={note} />
      </article>
    </>
  );
}
