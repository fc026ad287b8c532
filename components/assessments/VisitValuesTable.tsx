// The values of one visit: a row per measure with left | right (one cell across both for a
// whole-body measure) and methods. A small server-renderable component with a plain props
// interface (the visit's date text and its value rows, lib-free), so the history can render it
// with the page or load it on demand.
import type { ValueLine } from "./history-rows";
import styles from "./history.module.css";

export interface VisitValuesTableProps {
  values: ValueLine[];
  dateText: string;
}

const None = () => <span className="muted">—</span>;

export function VisitValuesTable({ values, dateText }: VisitValuesTableProps) {
  if (values.length === 0) return <p>No measure values recorded at this visit.</p>;
  return (
    <table className={styles.valuesTable}>
      <caption className="visually-hidden">Values of the visit on {dateText}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Left</th>
          <th scope="col">Right</th>
          <th scope="col">Method</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={v.code}>
            <th scope="row">{v.label}</th>
            {v.whole !== undefined ? (
              // Centred across both side columns, so a whole-body value does not read as a left one.
              <td colSpan={2} className={styles.wholeBody}>
                {v.whole}
              </td>
            ) : (
              <>
                <td>{v.left !== undefined ? v.left : <None />}</td>
                <td>{v.right !== undefined ? v.right : <None />}</td>
              </>
            )}
            <td>{v.methods ? v.methods : <None />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
