// "Who accessed this record": the latest reads, exports and changes of one patient, from the audit
// trail (recordAccessFor, read by the page with the signed-in actor: only the clinic's own events).
import type { AuditEventView } from "@/lib/audit/queries";
import { actionLabel } from "./action-labels";
import { formatDateTime } from "./format";

export function RecordAccess({ events }: { events: AuditEventView[] }) {
  return (
    <section className="card" aria-labelledby="record-access-heading" style={{ marginTop: "1rem" }}>
      <h2 id="record-access-heading">Who accessed this record</h2>
      {events.length === 0 ? (
        <p className="muted">No access recorded yet.</p>
      ) : (
        <div className="table-wrap">
        <table className="data-table" data-testid="record-access">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.at)}</td>
                <td>{event.userName ?? "Unknown user"}</td>
                <td>{actionLabel(event.action)}</td>
                <td>{event.sourceAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
