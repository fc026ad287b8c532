// One measure: title with unit, the chart, the sentence per side under it, and the table toggle.
// A server component: nothing here is sent to the browser as data, only as markup.
import { formatValue } from "@/lib/clinical/format";
import type { MeasureChart, TreatmentMarker } from "@/lib/trends/chart-data";
import type { TimeTick } from "@/lib/trends/axis";
import { ChartTable } from "./ChartTable";
import { TrendChart } from "./TrendChart";
import styles from "./trends.module.css";

interface Props {
  chart: MeasureChart;
  xDomain: [number, number];
  xTicks: TimeTick[];
  treatments: TreatmentMarker[];
  tableRequested: boolean;
  fullTableHref: string;
}

export function ChartFigure({ chart, xDomain, xTicks, treatments, tableRequested, fullTableHref }: Props) {
  const id = `chart-${chart.code}`;
  return (
    <figure id={id} className={styles.figure} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className={styles.figureTitle}>
        {chart.title} <span className="muted">({chart.unit})</span>
      </h3>
      {chart.normalText ? <p className={styles.normalText}>Normal: {chart.normalText}</p> : null}
      <TrendChart chart={chart} xDomain={xDomain} xTicks={xTicks} treatments={treatments} />
      <figcaption className={styles.caption}>
        {chart.series.map((s) => (
          <p key={s.side} data-testid="trend-sentence">
            {s.sentence}
            {s.mdcBand ? (
              <span className="muted">
                {" "}
                MDC band: baseline {formatValue(chart.code, s.baseline.value)} ± {formatValue(chart.code, s.mdcBand.mdc)}.
              </span>
            ) : null}
            {s.baselineBeforeRange ? <span className="muted"> The baseline ({s.baseline.date}) is before the dates shown.</span> : null}
          </p>
        ))}
      </figcaption>
      <ChartTable chart={chart} requested={tableRequested} fullTableHref={fullTableHref} />
    </figure>
  );
}
