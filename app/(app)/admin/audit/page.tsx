// Admin: the clinic's audit trail, filtered by user, action, record and date range, paged, with the
// same filters as a CSV download (GET /api/v1/audit.csv).
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, auditUserOptions, eventPatientId, listAuditEvents, patientNamesFor, type AuditEventView } from "@/lib/audit/queries";
import { actionLabel, entityWord } from "@/components/audit/action-labels";
import { ValidationError } from "@/lib/errors/app-errors";
import { formatDateTime } from "@/components/audit/format";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTERS = ["userId", "action", "entityId", "from", "to"] as const;

function one(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const filter = Object.fromEntries(FILTERS.map((key) => [key, one(params[key])])) as Record<(typeof FILTERS)[number], string>;
  const page = Number(one(params.page)) || 1;
  const users = await auditUserOptions(actor);
  let result: Awaited<ReturnType<typeof listAuditEvents>> | undefined;
  let problem: string | undefined;
  try {
    result = await listAuditEvents(actor, { ...filter, page });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problem = error.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  }
  const patientNames = result ? await patientNamesFor(actor, result.items) : new Map<string, string>();
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const pageLink = (n: number) => `/admin/audit?${new URLSearchParams([...query, ["page", String(n)]])}`;
  const lastPage = result ? Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) : 1;

  return (
    <>
      <div className="page-header">
        <h1>Audit trail</h1>
        <a className="button button-secondary" href={`/api/v1/audit.csv?${query}`} download>
          Download CSV
        </a>
      </div>
      <form className="card filters" method="get" aria-label="Filter the audit trail" style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", alignItems: "end" }}>
        <label className="field">
          User
          <select name="userId" className="input" defaultValue={filter.userId}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Action (or its start, e.g. “patient.”)
          <input name="action" className="input" defaultValue={filter.action} maxLength={100} />
        </label>
        <label className="field">
          Patient or record id
          <input name="entityId" className="input" defaultValue={filter.entityId} maxLength={100} />
        </label>
        <label className="field">
          From
          <input name="from" type="date" className="input" defaultValue={filter.from} />
        </label>
        <label className="field">
          To
          <input name="to" type="date" className="input" defaultValue={filter.to} />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {problem ? (
        <p role="alert" className="alert-error">
          {problem}
        </p>
      ) : null}
      {result ? (
        <section className="card" style={{ marginTop: "1rem" }} aria-label="Audit events">
          <p className="muted">
            {result.total} event{result.total === 1 ? "" : "s"}; page {result.page} of {lastPage}
          </p>
          <div className="table-wrap">
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.at)}</td>
                    <td>{event.userName ?? "—"}</td>
                    <td>
                      {actionLabel(event.action)}
                      {/* The code the Action filter takes, in small print. */}
                      <span className="muted mono" style={{ display: "block", fontSize: "0.8rem" }}>
                        {event.action}
                      </span>
                    </td>
                    <td>
                      <RecordCell event={event} patientNames={patientNames} userNames={userNames} />
                    </td>
                    <td>{event.sourceAddress ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" style={{ display: "flex", gap: "0.75rem", marginTop: "0.75rem" }}>
            {result.page > 1 ? <Link href={pageLink(result.page - 1)}>← Newer</Link> : null}
            {result.page < lastPage ? <Link href={pageLink(result.page + 1)}>Older →</Link> : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}

/**
 * The record an event is about, by name: the patient (linked), or the kind of record and the
 * patient it belongs to, or the user. Ids stay in the CSV; the filter above takes them.
 */
function RecordCell({ event, patientNames, userNames }: { event: AuditEventView; patientNames: Map<string, string>; userNames: Map<string, string> }) {
  const patientId = eventPatientId(event);
  const patientName = patientId ? patientNames.get(patientId) : undefined;
  const word = entityWord(event.entityType);
  if (patientId && patientName) {
    const link = <Link href={`/patients/${patientId}`}>{patientName}</Link>;
    return event.entityType === "Patient" ? link : <>{word} of {link}</>;
  }
  if (event.entityType === "User" && event.entityId && userNames.has(event.entityId)) return <>User {userNames.get(event.entityId)}</>;
  return <>{word || "—"}</>;
}
