"use client";
// The same numbers as the chart, as a table (WCAG: every chart has a table toggle). A native
// <details> (keyboard-operable); its rows are built from the chart's own props only when opened,
// so a 300-visit history does not send ~20 tables of 600 rows in every page response.
import { useState } from "react";
import { SIDE_NAMES } from "./markers";
import type { ClientChart } from "./client-chart";
import styles from "./trends.module.css";

function ValuesTable({ chart, title }: { chart: ClientChart; title: string }) {
  const bilateral = chart.bands.some((b) => b.side !== "none");
  const rows = chart.rows.flatMap((row) =>
    chart.bands.flatMap((b) => {
      const tip = chart.tips[`${b.side}|${row.time}`];
      return tip ? [{ side: b.side, time: row.time, tip }] : [];
    }),
  );
  if (rows.length === 0) return <p className="muted">No values in the selected dates.</p>;
  return (
    <table className={`data-table ${styles.valuesTable}`}>
      <caption className="visually-hidden">{title}: values shown in the chart</caption>
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
        {rows.map(({ side, time, tip }) => (
          <tr key={`${side}-${time}`}>
            <td>{tip[1]}</td>
            {bilateral ? <td>{SIDE_NAMES[side]}</td> : null}
            <td>{tip[0]}</td>
            <td>{tip[2] ?? "not recorded"}</td>
            <td>{tip[3]}</td>
            <td>{[tip[5] ? "method changed" : "", tip[4] ? `flagged (${tip[4]})` : ""].filter(Boolean).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChartTable({ chart, title }: { chart: ClientChart; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.tableToggle} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show table</summary>
      {open ? <ValuesTable chart={chart} title={title} /> : null}
    </details>
  );
}
