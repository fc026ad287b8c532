// Caseload: the home page after sign-in. Who needs attention (most urgent first) and what changed
// at their latest visit, who is overdue for review, and the counts per status. Reads stored
// columns only (lib/caseload/queries): no history is loaded or evaluated here.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { getCaseload, OVERDUE_AFTER_DAYS, STATUS_ORDER } from "@/lib/caseload/queries";
import { StatusBadge } from "@/components/patients/StatusBadge";
import { CaseloadTable } from "@/components/caseload/CaseloadTable";
import styles from "@/components/caseload/caseload.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Caseload" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageOf(value: string | string[] | undefined): number {
  const n = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  return Number.isFinite(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export default async function CaseloadPage({ searchParams }: Props) {
  const actor = await requireActor();
  const page = pageOf((await searchParams).page);
  const now = new Date();
  const caseload = await getCaseload(actor, { page }, now);
  const pages = Math.max(1, Math.ceil(caseload.attentionTotal / caseload.pageSize));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Caseload</h1>
          <p>
            {caseload.total} active patient{caseload.total === 1 ? "" : "s"} · {caseload.attentionTotal} with flags
          </p>
        </div>
      </div>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="visually-hidden">
          Patients per status
        </h2>
        <ul className={styles.counts}>
          {STATUS_ORDER.map((status) => (
            <li key={status}>
              <Link href={`/patients?status=${status}&sort=lastAssessed`} className={styles.countTile} data-testid={`count-${status}`}>
                <StatusBadge status={status} />
                <span className={styles.countNumber}>{caseload.counts[status]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="attention-heading">
        <h2 id="attention-heading">Needs attention</h2>
        {caseload.attention.length === 0 ? (
          <p className="empty-state">No patient has a flag.</p>
        ) : (
          <CaseloadTable caption="Patients that need attention, most urgent first" patients={caseload.attention} now={now.getTime()} />
        )}
        {pages > 1 ? (
          <nav className="pagination no-print" aria-label="Needs attention pages">
            <span>
              Page {caseload.page} of {pages}
            </span>
            <span className="pagination-links">
              {caseload.page > 1 ? <Link href={`/?page=${caseload.page - 1}`}>Previous</Link> : null}
              {caseload.page < pages ? <Link href={`/?page=${caseload.page + 1}`}>Next</Link> : null}
            </span>
          </nav>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue for review</h2>
        <p className="muted">Flagged, and no visit in the last {OVERDUE_AFTER_DAYS / 7} weeks.</p>
        {caseload.overdue.length === 0 ? (
          <p className="empty-state">No flagged patient is overdue.</p>
        ) : (
          <>
            <CaseloadTable caption="Flagged patients overdue for review" patients={caseload.overdue} now={now.getTime()} />
            {caseload.overdueTotal > caseload.overdue.length ? (
              <p className="muted">
                Showing {caseload.overdue.length} of {caseload.overdueTotal}, most urgent first.
              </p>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
