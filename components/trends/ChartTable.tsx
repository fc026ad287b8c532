// The same numbers as the chart, as a table (WCAG: every chart has a table toggle), inside a native
// <details> (keyboard-operable, no JavaScript). Rendered on the server; a long history's table is
// left out of the page (it would be HTML and RSC payload twice over for ~20 charts) and is one
// link away instead: the link reloads the page with that one table rendered and opened.
import type { MeasureChart } from "@/lib/trends/chart-data";
import { SIDE_NAMES } from "./markers";
import styles from "./trends.module.css";

/** Above this many rows a table is rendered only when asked for (?table=code). */
export const INLINE_TABLE_ROWS = 120;

function tableRows(chart: MeasureChart) {
  const rows = chart.series.flatMap((s) => s.points.map((point) => ({ side: s.side, point })));
  // Stable sort: by date, sides in the series order (left, right, none) within a date.
  return rows.sort((a, b) => a.point.time - b.point.time);
}

function ValuesTable({ chart }: { chart: MeasureChart }) {
  const bilateral = chart.series.some((s) => s.side !== "none");
  const rows = tableRows(chart);
  if (rows.length === 0) return <p className="muted">No values in the selected dates.</p>;
  return (
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
        {rows.map(({ side, point: p }) => (
          <tr key={`${side}-${p.time}`}>
            <td>{p.date}</td>
            {bilateral ? <td>{SIDE_NAMES[side]}</td> : null}
            <td>{p.display}</td>
            <td>{p.method ?? "not recorded"}</td>
            <td>{p.rater}</td>
            <td>{[p.methodChangedFromPrevious ? "method changed" : "", p.flags.length ? `flagged (${p.flags.join(", ")})` : ""].filter(Boolean).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Props {
  chart: MeasureChart;
  /** This table was asked for by URL: render it whatever its length, opened. */
  requested: boolean;
  /** Link to this page with this chart's table rendered. */
  fullTableHref: string;
}

export function ChartTable({ chart, requested, fullTableHref }: Props) {
  const count = chart.series.reduce((n, s) => n + s.points.length, 0);
  const inline = requested || count <= INLINE_TABLE_ROWS;
  return (
    <details className={styles.tableToggle} open={requested || undefined}>
      <summary>Show table</summary>
      {inline ? (
        <ValuesTable chart={chart} />
      ) : (
        <p>
          <a href={fullTableHref}>Show all {count} values as a table</a> (reloads the page with this table).
        </p>
      )}
    </details>
  );
}
