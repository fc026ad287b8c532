// A patient's referral notes, newest first, with "Create referral".
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getPatient } from "@/lib/patients/queries";
import { listReferrals } from "@/lib/referrals/queries";
import { URGENCY_LABELS } from "@/lib/referrals/schemas";
import { formatDate } from "@/lib/format/dates";
import { ReferralStatusLabel } from "@/components/referrals/ReferralStatusLabel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Referrals" };

export default async function PatientReferralsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  let patient;
  let items;
  try {
    patient = await getPatient(actor, id);
    items = await listReferrals(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  return (
    <>
      <Link href={`/patients/${id}`} className="back-link no-print">
        ← {patient.givenName} {patient.familyName}
      </Link>
      <div className="page-header">
        <h1>Referrals</h1>
        <Link href={`/patients/${id}/referrals/new`} className="button">
          Create referral
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="empty-state">No referral notes yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Written</th>
                <th scope="col">To</th>
                <th scope="col">Urgency</th>
                <th scope="col">Status</th>
                <th scope="col">Author</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/referrals/${r.id}`}>{formatDate(r.createdAt)}</Link>
                  </td>
                  <td>{r.specialtyLabel}</td>
                  <td>{URGENCY_LABELS[r.urgency]}</td>
                  <td>
                    <ReferralStatusLabel status={r.status} version={r.version} />
                  </td>
                  <td>{r.authorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
