// One measure: title with unit, the chart, the sentence per side under it, and the table toggle.
// A server component: the chart and the table arrive as markup built (and escaped) in lib/trends,
// so the page holds a few elements per chart however long the history is.
import type { ChartView } from "@/lib/trends/view";
import { ChartHover } from "./ChartHover";
import { ChartTable } from "./ChartTable";
import styles from "./trends.module.css";

interface Props {
  chart: ChartView;
  /** This chart's table was asked for by URL (?table=code): open it. */
  tableRequested: boolean;
  fullTableHref: string;
  /** Where ChartHover gets every value's hover text when a series is too long for a marker each. */
  hoverSrc: string;
}

export function ChartFigure({ chart, tableRequested, fullTableHref, hoverSrc }: Props) {
  const id = `chart-${chart.code}`;
  return (
    <figure id={id} className={styles.figure} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className={styles.figureTitle}>
        {chart.title} <span className="muted">({chart.unit})</span>
      </h3>
      {chart.normalText ? <p className={styles.normalText}>Normal: {chart.normalText}</p> : null}
      {/* Fixed viewBox and aspect ratio: the server HTML is the final layout. */}
      {chart.hover ? (
        <ChartHover src={hoverSrc} svg={chart.svg} />
      ) : (
        <div className={styles.chartBox} dangerouslySetInnerHTML={{ __html: chart.svg }} />
      )}
      <figcaption className={styles.caption}>
        {chart.sentences.map((s) => (
          <p key={s.side} data-testid="trend-sentence">
            {s.text}
            {s.mdcNote ? <span className="muted"> {s.mdcNote}</span> : null}
            {s.baselineNote ? <span className="muted"> {s.baselineNote}</span> : null}
          </p>
        ))}
      </figcaption>
      <ChartTable chart={chart} requested={tableRequested} fullTableHref={fullTableHref} />
    </figure>
  );
}
