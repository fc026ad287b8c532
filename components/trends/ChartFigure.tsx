// One measure: title with unit, the chart, the sentence per side under it, and the table toggle.
import { formatValue } from "@/lib/clinical/format";
import type { MeasureChart, TreatmentMarker } from "@/lib/trends/chart-data";
import type { TimeTick } from "@/lib/trends/axis";
import { ChartTable } from "./ChartTable";
import { TrendChart } from "./TrendChart";
import { toClientChart } from "./client-chart";
import styles from "./trends.module.css";

interface Props {
  chart: MeasureChart;
  xDomain: [number, number];
  xTicks: TimeTick[];
  treatments: TreatmentMarker[];
}

export function ChartFigure({ chart, xDomain, xTicks, treatments }: Props) {
  const id = `chart-${chart.code}`;
  // One compact copy of the data serves both the chart and the table.
  const client = toClientChart(chart);
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className={styles.figureTitle}>
        {chart.title} <span className="muted">({chart.unit})</span>
      </h3>
      {chart.normalText ? <p className={styles.normalText}>Normal: {chart.normalText}</p> : null}
      <TrendChart chart={client} xDomain={xDomain} xTicks={xTicks} treatments={treatments} />
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
      <ChartTable chart={client} title={chart.title} />
    </figure>
  );
}
