// What the client chart needs, and nothing more: the chart data crosses to the browser as the
// RSC payload, so a 300-visit history must not send every point twice (rows and full point
// objects with their trends). Tooltip details travel as one compact tuple per point.
import type { Side } from "@/lib/clinical/measures";
import type { ChartRow, MeasureChart, SeriesKey } from "@/lib/trends/chart-data";

/** [display, date, method, rater, flag ids joined, method changed (1/0)] */
export type TipTuple = [string, string, string | null, string, string, 0 | 1];

export interface ClientChart {
  code: string;
  description: string;
  rows: ChartRow[];
  seriesKeys: SeriesKey[];
  yDomain: [number, number];
  normalBand: { low: number; high: number } | null;
  bands: { side: Side; baseline: number; mdc: { low: number; high: number } | null }[];
  methodChanges: { time: number; side: Side }[];
  /** "side|time" → tooltip details. */
  tips: Record<string, TipTuple>;
}

export function toClientChart(chart: MeasureChart): ClientChart {
  const tips: Record<string, TipTuple> = {};
  for (const s of chart.series) {
    for (const p of s.points) {
      tips[`${s.side}|${p.time}`] = [p.display, p.date, p.method, p.rater, p.flags.join(", "), p.methodChangedFromPrevious ? 1 : 0];
    }
  }
  return {
    code: chart.code,
    description: chart.description,
    rows: chart.rows,
    seriesKeys: chart.seriesKeys,
    yDomain: chart.yDomain,
    normalBand: chart.normalBand ? { low: chart.normalBand.low, high: chart.normalBand.high } : null,
    bands: chart.series.map((s) => ({
      side: s.side,
      baseline: s.baseline.value,
      mdc: s.mdcBand ? { low: s.mdcBand.low, high: s.mdcBand.high } : null,
    })),
    methodChanges: chart.methodChanges.map((m) => ({ time: m.time, side: m.side })),
    tips,
  };
}
