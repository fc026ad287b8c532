// What the trends page shows, ready to print: per chart the SVG markup, the sentences under it and
// the values table (or its size, when it is only linked), plus the region summary's evaluation.
// Pure: built from the trends source (lib/trends/queries) and the page's controls, so it can be
// kept and reused while the patient's data is unchanged (lib/trends/view-cache).
import { formatValue } from "@/lib/clinical/format";
import type { ChainGroup, MeasureCode, Side } from "@/lib/clinical/measures";
import type { Evaluation } from "@/lib/clinical/types";
import { buildTrendsChartData, type ChartAssessment, type ChartTreatment } from "./chart-data";
import type { ResolvedRange } from "./range";
import { chartGeometry, isDense } from "./svg-geometry";
import { chartMarkup, hoverPoints, type HoverPoint } from "./svg-markup";
import { INLINE_TABLES_MAX_VALUES, tableRowCount, valuesTableHtml } from "./table-markup";
import { isYesNo, measurementErrorText } from "./sentences";

export interface ChartSentence {
  side: Side;
  text: string;
  /** "MDC band: baseline 9 cm ± 1.9 cm." when the measure has an MDC (or MCID) band. */
  mdcNote: string | null;
  /** Set when the baseline lies before the dates shown. */
  baselineNote: string | null;
}

export interface ChartView {
  code: MeasureCode;
  title: string;
  unit: string;
  normalText: string | null;
  svg: string;
  sentences: ChartSentence[];
  valueCount: number;
  /** The table's markup, or null when it is too long to inline and is one link away instead. */
  tableHtml: string | null;
  /** Every value's hover text and position, when a series is too dense for a marker per value. */
  hover: HoverPoint[] | null;
}

export interface TrendsView {
  groups: { group: ChainGroup; title: string; charts: ChartView[] }[];
  pointsShown: number;
  hasTreatments: boolean;
  visitCount: number;
  evaluation: Evaluation;
  /** Approximate size of the markup held, for the cache's budget. */
  size: number;
}

export interface TrendsViewInput {
  assessments: readonly ChartAssessment[];
  treatments: readonly ChartTreatment[];
  evaluation: Evaluation;
  range: ResolvedRange;
  /** ?table=code: this chart's table is rendered whatever its length. */
  requestedTable: string | null;
}

export function buildTrendsView({ assessments, treatments, evaluation, range, requestedTable }: TrendsViewInput): TrendsView {
  const data = buildTrendsChartData({ assessments, evaluation, treatments, range });
  let size = 0;
  const inlineTables = data.pointsShown <= INLINE_TABLES_MAX_VALUES;
  const groups = data.groups.map((group) => ({
    group: group.group,
    title: group.title,
    charts: group.charts.map((chart): ChartView => {
      const geometry = chartGeometry(chart, data.xDomain, data.xTicks, data.treatments);
      // A yes/no finding is not a line: no chart, its table is shown open instead.
      const svg = isYesNo(chart.code) ? "" : chartMarkup(chart, geometry);
      const valueCount = tableRowCount(chart);
      const tableHtml = inlineTables || requestedTable === chart.code || isYesNo(chart.code) ? valuesTableHtml(chart) : null;
      const hover = svg !== "" && chart.series.some((s) => isDense(s.points)) ? hoverPoints(geometry) : null;
      size += svg.length + (tableHtml?.length ?? 0) + (hover?.reduce((n, p) => n + p.text.length + 40, 0) ?? 0) + 1000;
      return {
        code: chart.code,
        title: chart.title,
        unit: chart.unit,
        normalText: chart.normalText,
        svg,
        valueCount,
        tableHtml,
        hover,
        sentences: chart.series.map((s) => ({
          side: s.side,
          text: s.sentence,
          mdcNote: s.mdcBand ? `MDC band: baseline ${formatValue(chart.code, s.baseline.value)} ± ${measurementErrorText(chart.code, s.mdcBand.mdc)}.` : null,
          baselineNote: s.baselineBeforeRange ? `The baseline (${s.baseline.date}) is before the dates shown.` : null,
        })),
      };
    }),
  }));
  return { groups, pointsShown: data.pointsShown, hasTreatments: data.treatments.length > 0, visitCount: assessments.length, evaluation, size };
}
