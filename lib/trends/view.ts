// What the trends page shows, ready to print: per chart the SVG markup, the sentences under it and
// the values table (or its size, when it is only linked), plus the region summary's evaluation.
// Pure: built from the trends source (lib/trends/queries) and the page's controls, so it can be
// kept and reused while the patient's data is unchanged (lib/trends/view-cache).
import { formatValue } from "@/lib/clinical/format";
import type { ChainGroup, MeasureCode, Side } from "@/lib/clinical/measures";
import type { Evaluation } from "@/lib/clinical/types";
import type { Markup } from "@/lib/markup/html";
import { buildTrendsChartData, type ChartAssessment, type ChartTreatment, type MeasureChart } from "./chart-data";
import type { ResolvedRange } from "./range";
import { chartGeometry } from "./svg-geometry";
import { hoverIndex, type HoverIndex } from "./hover";
import { chartMarkup } from "./svg-markup";
import { INLINE_TABLES_MAX_VALUES, tableRowCount, valuesTableHtml } from "./table-markup";
import { mdcText } from "@/lib/clinical/trends";
import { isYesNo } from "./sentences";

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
  /** The chart; null for a yes/no finding, shown as its sentence and an open table instead of a line. */
  svg: Markup | null;
  sentences: ChartSentence[];
  valueCount: number;
  /** The table's markup, or null when it is too long to inline and is one link away instead. */
  tableHtml: Markup | null;
  /** Where every value sits in the SVG and what its hover text says, compactly, for the hover route. */
  hover: HoverIndex;
}

export interface TrendsView {
  groups: { group: ChainGroup; title: string; charts: ChartView[] }[];
  pointsShown: number;
  hasTreatments: boolean;
  visitCount: number;
  evaluation: Evaluation;
  /** Approximate size of what is held (markup and hover data), for the cache's budget. */
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

/** A value held for the hover route: two doubles and six small integers (lib/trends/hover), plus a share of its distinct texts. */
const HOVER_VALUE_BYTES = 72;

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
      const svg = isYesNo(chart.code) ? null : chartMarkup(chart, geometry);
      const valueCount = tableRowCount(chart);
      const tableHtml = inlineTables || requestedTable === chart.code || svg === null ? valuesTableHtml(chart) : null;
      // The chart's markup is held twice: in the view, and in the page's section built from it.
      size += 2 * ((svg?.value.length ?? 0) + (tableHtml?.value.length ?? 0)) + valueCount * HOVER_VALUE_BYTES + 2000;
      return {
        code: chart.code,
        title: chart.title,
        unit: chart.unit,
        normalText: chart.normalText,
        svg,
        valueCount,
        tableHtml,
        hover: hoverIndex(geometry.series),
        sentences: chart.series.map((s) => ({
          side: s.side,
          text: s.sentence,
          mdcNote: s.mdcBand ? `MDC band: baseline ${formatValue(chart.code, s.baseline.value)} ± ${mdcText(chart.code, s.baseline.value)}.` : null,
          baselineNote: s.baselineBeforeRange ? `The baseline (${s.baseline.date}) is before the dates shown.` : null,
        })),
      };
    }),
  }));
  return { groups, pointsShown: data.pointsShown, hasTreatments: data.treatments.length > 0, visitCount: assessments.length, evaluation, size };
}

/**
 * One measure over a date window as a chart (the trends page's drawing, on its own time axis):
 * for other documents that show one measure, such as a referral note. Null when the history has no
 * value of `code` to show.
 */
export function measureChart(
  code: MeasureCode,
  input: Omit<TrendsViewInput, "requestedTable">,
): { chart: MeasureChart; svg: Markup } | null {
  const data = buildTrendsChartData({ assessments: input.assessments, evaluation: input.evaluation, treatments: input.treatments, range: input.range, codes: [code] });
  const chart = data.groups.flatMap((g) => g.charts).find((c) => c.code === code);
  if (!chart) return null;
  return { chart, svg: chartMarkup(chart, chartGeometry(chart, data.xDomain, data.xTicks, data.treatments)) };
}
