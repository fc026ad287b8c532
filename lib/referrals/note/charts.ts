// The note's charts (issue 19): the flagged measures over the last 12 months, and no more than the
// last 20 visits when those 12 months hold more, so a 300-visit history stays readable. Series,
// bands and baselines come from the trends page's chart data (lib/trends/chart-data), so the
// markers, colours, normal band and MDC band mean what they mean in the app. Whatever lies before
// the window is summarised in words.
import { MEASURES, isMeasureCode, type MeasureCode } from "@/lib/clinical/measures";
import { formatDate, formatValue } from "@/lib/clinical/format";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { buildTrendsChartData, type MeasureChart } from "@/lib/trends/chart-data";
import type { NoteChart, NoteCharts } from "./types";

const DAY_MS = 86_400_000;
export const CHART_WINDOW_DAYS = 365;
export const CHART_MAX_VISITS = 20;
export const MAX_CHARTS = 6;

/** [start, end] in epoch ms: 12 months before the latest visit (or from the first visit), narrowed to the last 20 visits. */
export function chartWindow(history: PatientHistory): [number, number] | null {
  const times = history.assessments.map((a) => Date.parse(a.takenAt)).sort((a, b) => a - b);
  const end = times.at(-1);
  if (end === undefined) return null;
  // Never before the first visit: a shorter history fills the chart's width.
  let start = Math.max(end - CHART_WINDOW_DAYS * DAY_MS, times[0]!);
  const inWindow = times.filter((t) => t >= start);
  if (inWindow.length > CHART_MAX_VISITS) start = inWindow[inWindow.length - CHART_MAX_VISITS]!;
  return [start, end];
}

/** Measures the active flags used (red flags have none), in the order of the lead flags (as the note lists them), then the rest. */
export function chartCodes(evaluation: Evaluation, leadIds: readonly string[]): MeasureCode[] {
  const codes: MeasureCode[] = [];
  const rank = (id: string) => (leadIds.includes(id) ? leadIds.indexOf(id) : leadIds.length);
  const flags = [...evaluation.flags].sort((a, b) => rank(a.id) - rank(b.id));
  for (const f of flags) {
    for (const i of f.inputs) {
      // The pelvis-dropped yes/no belongs with the stance hold; it is not a chart of its own.
      if (isMeasureCode(i.code) && i.code !== "trendelenburg_pelvis_dropped" && !codes.includes(i.code)) codes.push(i.code);
    }
  }
  return codes;
}

function toNoteChart(chart: MeasureChart, [start, end]: [number, number]): NoteChart {
  const [yMin, yMax] = chart.yDomain;
  const span = end - start;
  const x = (t: number) => (span <= 0 ? 0.5 : (t - start) / span);
  const captions = chart.series.map((s) => {
    const who = s.side === "none" ? "" : `${s.side === "left" ? "Left" : "Right"}: `;
    const pts = s.points;
    if (pts.length === 0) return `${who}no value in these 12 months`;
    const first = pts[0]!;
    const last = pts.at(-1)!;
    const shown = pts.length === 1 ? `${first.display} (${first.date})` : `${first.display} (${first.date}) → ${last.display} (${last.date}), ${pts.length} values`;
    const base = s.baselineBeforeRange ? `; baseline ${formatValue(chart.code, s.baseline.value)} (${s.baseline.date})` : "";
    return `${who}${shown}${base}`;
  });
  const bands = chart.normalText && chart.normalBand ? ` Normal: ${chart.normalText}.` : "";
  return {
    code: chart.code,
    title: chart.title,
    yMin,
    yMax,
    yMinLabel: formatValue(chart.code, yMin),
    yMaxLabel: formatValue(chart.code, yMax),
    normalBand: chart.normalBand ? { low: chart.normalBand.low, high: chart.normalBand.high } : null,
    mdcBands: chart.series.flatMap((s) =>
      s.mdcBand ? [{ side: s.side, low: Math.max(s.mdcBand.low, yMin), high: Math.min(s.mdcBand.high, yMax) }] : [],
    ),
    series: chart.series.filter((s) => s.points.length > 0).map((s) => ({ side: s.side, points: s.points.map((p) => ({ x: x(p.time), value: p.value })) })),
    caption: `${captions.join(". ")}.${bands}`,
  };
}

export function noteCharts(history: PatientHistory, evaluation: Evaluation, leadIds: readonly string[]): NoteCharts | null {
  const window = chartWindow(history);
  if (!window) return null;
  const codes = chartCodes(evaluation, leadIds);
  if (codes.length === 0) return null;
  const shown = codes.slice(0, MAX_CHARTS);
  const data = buildTrendsChartData({
    assessments: history.assessments.map((a) => ({ takenAt: a.takenAt, rater: "", measures: a.measures })),
    evaluation,
    treatments: [],
    range: { preset: "custom", from: null, to: null, show: "both", start: window[0], end: window[1] },
  });
  const byCode = new Map(data.groups.flatMap((g) => g.charts).map((c) => [c.code, c]));
  const charts = shown.flatMap((code) => {
    const c = byCode.get(code);
    return c ? [toNoteChart(c, window)] : [];
  });
  const first = formatDate(new Date(window[0]).toISOString());
  const last = formatDate(new Date(window[1]).toISOString());
  const visits = history.assessments.filter((a) => Date.parse(a.takenAt) >= window[0]).length;
  const twelve = window[1] - window[0] >= (CHART_WINDOW_DAYS - 1) * DAY_MS;
  const all = visits === history.assessments.length;
  const omitted = codes.slice(MAX_CHARTS);
  return {
    window: `${first} – ${last}: ${visits} visit${visits === 1 ? "" : "s"}${all ? " (every visit)" : twelve ? " (the last 12 months)" : " (the last 20 visits)"}`,
    firstDate: first,
    lastDate: last,
    charts,
    legend:
      "Markers as in the app: ● left (blue), ▲ right (orange), ◆ whole-body. Green band: normal range; " +
      "band in the side's colour: baseline ± measurement error (a change inside it is not a real change).",
    omitted: omitted.length ? `Also flagged, not charted here: ${omitted.map((c) => MEASURES[c].shortLabel).join("; ")}.` : null,
  };
}

/** Earlier history, in words: what came before the charts' window, per charted measure. */
export function earlierHistoryText(history: PatientHistory, evaluation: Evaluation, leadIds: readonly string[]): string {
  const window = chartWindow(history);
  if (!window) return "No assessment recorded yet.";
  const earlier = history.assessments.filter((a) => Date.parse(a.takenAt) < window[0]);
  if (earlier.length === 0) return "Every visit lies within the charts' window.";
  const lines = [
    `Before ${formatDate(new Date(window[0]).toISOString())}: ${earlier.length} earlier visit${earlier.length === 1 ? "" : "s"} from ${formatDate(earlier[0]!.takenAt)} to ${formatDate(earlier.at(-1)!.takenAt)}.`,
  ];
  for (const code of chartCodes(evaluation, leadIds).slice(0, MAX_CHARTS)) {
    for (const side of ["left", "right", "none"] as const) {
      const values = earlier.flatMap((a) => a.measures.filter((m) => m.code === code && m.side === side).map((m) => ({ value: m.value, takenAt: a.takenAt })));
      if (values.length === 0) continue;
      const nums = values.map((v) => v.value);
      const lo = Math.min(...nums);
      const hi = Math.max(...nums);
      const label = `${MEASURES[code].shortLabel}${side === "none" ? "" : `, ${side}`}`;
      const range = lo === hi ? `always ${formatValue(code, lo)}` : `between ${formatValue(code, lo)} and ${formatValue(code, hi)}`;
      lines.push(`${label}: ${values.length} value${values.length === 1 ? "" : "s"}, ${range}; baseline ${formatValue(code, values[0]!.value)} (${formatDate(values[0]!.takenAt)}).`);
    }
  }
  return lines.join("\n");
}
