// The same numbers as the chart, as a table (WCAG: every chart has a table toggle), inside a native
// <details> (keyboard-operable, no JavaScript). The table's markup comes from lib/trends/table-markup;
// a long history's table is left out of the page and is one link away instead: the link reloads
// the page with that one table rendered and opened.
import type { ChartView } from "@/lib/trends/view";
import styles from "./trends.module.css";

interface Props {
  chart: ChartView;
  /** This table was asked for by URL: open it. */
  requested: boolean;
  /** Link to this page with this chart's table rendered. */
  fullTableHref: string;
}

export function ChartTable({ chart, requested, fullTableHref }: Props) {
  return (
    <details className={styles.tableToggle} open={requested || undefined}>
      <summary>Show table</summary>
      {chart.tableHtml !== null ? (
        <div className={styles.tableBox} dangerouslySetInnerHTML={{ __html: chart.tableHtml }} />
      ) : (
        <p>
          <a href={fullTableHref}>Show all {chart.valueCount} values as a table</a> (reloads the page with this table).
        </p>
      )}
    </details>
  );
}
