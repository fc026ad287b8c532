// The patient's history: visits and treatment events in one table, newest first. Visits expand to
// their values, loaded when opened; deleted visits are listed only when an admin asks for them.
import Link from "next/link";
import type { VisitSummary } from "@/lib/assessments/summaries";
import type { TreatmentView } from "@/lib/treatments/queries";
import { deleteAssessmentAction, restoreAssessmentAction } from "@/app/(app)/assessments/[id]/actions";
import { deleteTreatmentAction } from "@/app/(app)/treatments/[id]/actions";
import { DeleteTreatmentButton } from "@/components/treatments/DeleteTreatmentButton";
import { visitValuesAction } from "@/app/(app)/assessments/[id]/values-action";
import { historyRows } from "./history-rows";
import { VisitRow } from "./VisitRow";
import styles from "./history.module.css";

const COLUMNS = 7;

interface Props {
  patientId: string;
  visits: VisitSummary[];
  treatments: TreatmentView[];
  isAdmin: boolean;
  showDeleted: boolean;
}

export function VisitHistory({ patientId, visits, treatments, isAdmin, showDeleted }: Props) {
  const rows = historyRows(visits, treatments);
  const visitCount = visits.filter((v) => !v.deletedAt).length;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="history-heading">
      <div className={styles.panelHead}>
        <h2 id="history-heading">History</h2>
        <p className="muted" style={{ margin: 0 }} data-testid="history-count">
          {visitCount} {visitCount === 1 ? "visit" : "visits"}, {treatments.length} treatment {treatments.length === 1 ? "event" : "events"}
        </p>
        {isAdmin ? (
          <Link className="button button-secondary" href={showDeleted ? `/patients/${patientId}` : `/patients/${patientId}?deleted=1`}>
            {showDeleted ? "Hide deleted visits" : "Show deleted visits"}
          </Link>
        ) : null}
      </div>
      {rows.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Visits and treatments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Entry</th>
                <th scope="col">By</th>
                <th scope="col">Values</th>
                <th scope="col">Red flags</th>
                <th scope="col">Corrections</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) =>
                row.kind === "visit" ? (
                  <VisitRow
                    key={row.id}
                    row={row}
                    loadValues={visitValuesAction}
                    columns={COLUMNS}
                    deleteAction={deleteAssessmentAction.bind(null, row.id, patientId)}
                    restoreAction={isAdmin ? restoreAssessmentAction.bind(null, row.id, patientId) : undefined}
                  />
                ) : (
                  <tr key={row.id} className={styles.treatmentRow} data-treatment={row.id}>
                    <th scope="row">{row.dateText}</th>
                    <td colSpan={COLUMNS - 2}>
                      <span className={styles.kind}>Treatment: {row.label}</span>
                      {row.text ? ` — ${row.text}` : ""}
                      {row.detail ? ` · ${row.detail}` : ""} <span className="muted">· {row.by}</span>
                    </td>
                    <td className="no-print">
                      <Link href={`/treatments/${row.id}`} className="button button-secondary">
                        Review<span className="visually-hidden"> {row.label}, {row.dateText}</span>
                      </Link>{" "}
                      <DeleteTreatmentButton label={`${row.label}, ${row.dateText}`} action={deleteTreatmentAction.bind(null, row.id, patientId)} />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty-state">
          <h3>No visits yet</h3>
          <p>Record the first assessment to see flags and trends.</p>
        </div>
      )}
    </section>
  );
}
