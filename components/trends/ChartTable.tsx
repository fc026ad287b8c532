// The same numbers as the chart, as a table (WCAG: every chart has a table toggle). A <details>
// element: opens with the keyboard and without JavaScript.
import type { MeasureChart } from "@/lib/trends/chart-data";
import { SIDE_NAMES } from "./markers";
import styles from "./trends.module.css";

export function ChartTable({ chart }: { chart: MeasureChart }) {
  const rows = chart.series
    .flatMap((s) => s.points.map((p) => ({ side: s.side, p })))
    .sort((a, b) => a.p.time - b.p.time || a.side.localeCompare(b.side));
  const bilateral = chart.series.some((s) => s.side !== "none");
  return (
    <details className={styles.tableToggle}>
      <summary>Show table</summary>
      {rows.length === 0 ? (
        <p className="muted">No values in the selected dates.</p>
      ) : (
        <table className={`data-table ${styles.valuesTable}`}>
          <caption className="visually-hidden">{chart.title}: values shown in the chart</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {bilateral ? <th scope="col">Side</th> : null}
              <th scope="col">Value</th>
              <th scope="col">Method</th>
              <th scope="col">Rater</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ side, p }) => (
              <tr key={`${side}-${p.time}`}>
                <td>{p.date}</td>
                {bilateral ? <td>{SIDE_NAMES[side]}</td> : null}
                <td>{p.display}</td>
                <td>{p.method ?? "not recorded"}</td>
                <td>{p.rater}</td>
                <td>
                  {[p.methodChangedFromPrevious ? "method changed" : "", p.flags.length ? `flagged (${p.flags.join(", ")})` : ""]
                    .filter(Boolean)
                    .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
