// Clean print view of a note: A4 by default, US Letter with ?paper=letter; sections never split
// after their heading; navigation hidden when printing (globals.css hides the shell).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getReferral } from "@/lib/referrals/queries";
import { URGENCY_LABELS } from "@/lib/referrals/schemas";
import { formatDate } from "@/lib/format/dates";
import { ReferralSections } from "@/components/referrals/ReferralSections";
import { PrintControls } from "@/components/referrals/PrintControls";
import styles from "@/components/referrals/referrals.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Referral: print" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ paper?: string }> };

export default async function ReferralPrintPage({ params, searchParams }: Props) {
  const { id } = await params;
  const paper = (await searchParams).paper === "letter" ? "letter" : "a4";
  const actor = await requireActor();
  let referral;
  try {
    referral = await getReferral(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const p = referral.patient;
  return (
    <>
      {/* The page size is a choice of this view, so it is set here rather than in the shared stylesheet. */}
      <style>{`@page { size: ${paper === "letter" ? "letter" : "A4"}; margin: 18mm 16mm; }`}</style>
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
          <h1>Referral to {referral.specialtyLabel.toLowerCase()}</h1>
          <p>
            <strong>
              {p.givenName} {p.familyName}
            </strong>
            , born {formatDate(p.birthDate)}
            {p.mrn ? `, MRN ${p.mrn}` : ""}
          </p>
          <p>
            Urgency: {URGENCY_LABELS[referral.urgency]} · version {referral.version} ·{" "}
            {referral.status === "draft"
              ? "DRAFT: not finalised"
              : `finalised by ${referral.finalizedBy?.name ?? "unknown"} on ${formatDate(referral.finalizedAt)}`}
          </p>
        </header>
        <ReferralSections sections={referral.sections} />
      </article>
    </>
  );
}
