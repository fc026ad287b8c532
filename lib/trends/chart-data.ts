// Shapes one patient's history, the engine's evaluation and the treatment events into what the
// trends page draws: per measure, the points of each side (with method, rater, flagged?), line
// segments split where the method changed, the normal band, the MDC band around the baseline and
// the trend sentence; grouped by link of the chain, on one shared time axis. Pure: every clinical
// number comes from lib/clinical (catalog, evaluation, trends), nothing is recomputed here.
//
// Date range: it chooses which points are drawn and listed. The trend sentences, the baseline and
// the MDC band always describe the WHOLE history (the engine's trend), because "since the
// baseline" is what the flag rules and the referral note use; a narrower window must not silently
// change what counts as real change. A note says when the baseline lies before the window.

import { RULE_NAMES } from "@/lib/clinical/rule-names";
import { MEASURE_CODES, MEASURES, type ChainGroup, type MeasureCode, type MeasureDefinition, type Side } from "@/lib/clinical/measures";
import { formatDate, formatValue } from "@/lib/clinical/format";
import { mdcFor } from "@/lib/clinical/trends";
import type { Evaluation, Trend } from "@/lib/clinical/types";
import { timeDomain, timeTicks, valueDomain, type TimeTick } from "./axis";
import { inRange, type ResolvedRange, type ShowSides } from "./range";
import { isYesNo, singleValueSentence, trendSentence, yesNoSentence } from "./sentences";

export interface ChartAssessment {
  /** The visit's id, so a point can open its visit (the measure explorer). */
  id?: string;
  takenAt: string;
  rater: string;
  measures: readonly { code: string; side: Side; value: number; method?: string | null }[];
}

export interface ChartTreatment {
  occurredAt: string;
  label: string;
}

export interface ChartPoint {
  /** The visit the value belongs to, when known. */
  visitId: string | null;
  time: number;
  takenAt: string;
  date: string;
  value: number;
  /** The value with its unit, as recorded ("12.5 cm"). */
  display: string;
  method: string | null;
  rater: string;
  /** Rule ids of flags that used this value. */
  flags: string[];
  /** The method differs from the previous value's (the line is broken here). */
  methodChangedFromPrevious: boolean;
  /** Line segment: increases at every change of method. */
  segment: number;
}

export interface SideSeries {
  side: Side;
  /** Points inside the date range, oldest first. */
  points: ChartPoint[];
  /** How many values the whole history holds. */
  totalCount: number;
  baseline: { value: number; date: string };
  /** baseline ± MDC (MDC from the engine; a percentage MDC is of the baseline); null when unrated. */
  mdcBand: { low: number; high: number; mdc: number } | null;
  sentence: string;
  baselineBeforeRange: boolean;
  trend: Trend | null;
}

export interface MeasureChart {
  code: MeasureCode;
  title: string;
  unit: string;
  unitSymbol: string;
  series: SideSeries[];
  yDomain: [number, number];
  /** Clamped to yDomain so an open-ended range ("30 s or more") still draws as a band. */
  normalBand: { low: number; high: number; text: string } | null;
  normalText: string | null;
  methodChanges: { time: number; side: Side; method: string; date: string }[];
  /** Text alternative for the chart. */
  description: string;
}

export interface ChartGroup {
  group: ChainGroup;
  title: string;
  charts: MeasureChart[];
}

export interface TreatmentMarker {
  time: number;
  date: string;
  label: string;
}

export interface TrendsChartData {
  groups: ChartGroup[];
  xDomain: [number, number];
  xTicks: TimeTick[];
  treatments: TreatmentMarker[];
  pointsShown: number;
}

export const CHAIN_ORDER: readonly ChainGroup[] = ["foot_ankle", "hip_pelvis", "symptoms_function"];
export const GROUP_TITLES: Record<ChainGroup, string> = {
  foot_ankle: "Foot and ankle",
  hip_pelvis: "Hip and pelvis",
  symptoms_function: "Symptoms and function",
};
const SIDE_ORDER: readonly Side[] = ["left", "right", "none"];

/**
 * "code|side" → takenAt → the plain names of the flags that used the value (the inputs each flag
 * names, with their dates). Names, not rule ids: they are read in the tables and hover texts.
 */
export function flaggedValues(evaluation: Evaluation): Map<string, Map<string, string[]>> {
  const map = new Map<string, Map<string, string[]>>();
  for (const flag of evaluation.flags) {
    for (const input of flag.inputs) {
      const key = `${input.code}|${input.side}`;
      let byDate = map.get(key);
      if (!byDate) map.set(key, (byDate = new Map()));
      const names = byDate.get(input.takenAt) ?? [];
      const name = RULE_NAMES[flag.id];
      if (!names.includes(name)) names.push(name);
      byDate.set(input.takenAt, names);
    }
  }
  return map;
}

interface RawPoint {
  visitId: string | null;
  time: number;
  takenAt: string;
  /** Formatted once per visit, not once per value (a 300-visit history has ~10,000 values). */
  date: string;
  value: number;
  method: string | null;
  rater: string;
}

/** Every (code, side) series of the history, oldest first, keyed "code|side". */
function collectSeries(assessments: readonly ChartAssessment[]): Map<string, RawPoint[]> {
  const ordered = assessments
    .map((a) => ({ a, time: Date.parse(a.takenAt) }))
    .sort((x, y) => x.time - y.time);
  // One list per code and side, found without building a key string per value (a 300-visit
  // history has ~5,000 values).
  const byCode = new Map<string, Record<Side, RawPoint[] | undefined>>();
  for (const { a, time } of ordered) {
    const date = formatDate(a.takenAt);
    for (const m of a.measures) {
      let sides = byCode.get(m.code);
      if (!sides) {
        if (!Object.hasOwn(MEASURES, m.code)) continue;
        sides = { left: undefined, right: undefined, none: undefined };
        byCode.set(m.code, sides);
      }
      const list = (sides[m.side] ??= []);
      list.push({ visitId: a.id ?? null, time, takenAt: a.takenAt, date, value: m.value, method: m.method ? m.method.trim() || null : null, rater: a.rater });
    }
  }
  const all = new Map<string, RawPoint[]>();
  for (const [code, sides] of byCode) {
    for (const side of SIDE_ORDER) {
      const list = sides[side];
      if (list) all.set(`${code}|${side}`, list);
    }
  }
  return all;
}

/** Marks changes of method (against the last value that had one, as the engine compares) and numbers segments. */
function toChartPoints(code: MeasureCode, raw: RawPoint[], flagged: ReadonlyMap<string, string[]> | undefined): ChartPoint[] {
  let lastMethod: string | null = null;
  let segment = 0;
  return raw.map((p) => {
    const changed = p.method !== null && lastMethod !== null && p.method !== lastMethod;
    if (changed) segment++;
    if (p.method !== null) lastMethod = p.method;
    return {
      visitId: p.visitId,
      time: p.time,
      takenAt: p.takenAt,
      date: p.date,
      value: p.value,
      display: formatValue(code, p.value),
      method: p.method,
      rater: p.rater,
      flags: flagged?.get(p.takenAt) ?? [],
      methodChangedFromPrevious: changed,
      segment,
    };
  });
}

function buildSeries(code: MeasureCode, side: Side, all: ChartPoint[], trend: Trend | null, range: ResolvedRange): SideSeries {
  const first = all[0]!;
  // The band is the measurement error only: an MCID is never drawn as error (rules.md v2).
  const mdc = trend ? trend.mdc : mdcFor(code, first.value);
  const points = all.filter((p) => inRange(range, p.time));
  return {
    side,
    points,
    totalCount: all.length,
    baseline: { value: first.value, date: first.date },
    mdcBand: mdc === null ? null : { low: first.value - mdc, high: first.value + mdc, mdc },
    sentence: isYesNo(code)
      ? yesNoSentence(code, side, all)
      : trend
        ? trendSentence(trend)
        : singleValueSentence(code, side, first.value, first.takenAt),
    baselineBeforeRange: range.start !== null && first.time < range.start,
    trend,
  };
}

function describe(code: MeasureCode, series: readonly SideSeries[]): string {
  const m = MEASURES[code];
  const parts = series.map((s) => {
    const n = s.points.length;
    const shown = n === 0 ? "no values in the selected dates" : `${n} value${n === 1 ? "" : "s"} shown from ${s.points[0]!.date} to ${s.points[n - 1]!.date}`;
    return `${s.side === "none" ? "" : `${s.side === "left" ? "Left" : "Right"}: `}${shown}.`;
  });
  const normal = m.normal?.text ? ` Normal: ${m.normal.text}.` : "";
  // The trend sentences are the chart's caption, right under it: not repeated here.
  return `${m.shortLabel} (${m.unit}).${normal} ${parts.join(" ")} The trend is described under the chart.`;
}

/** Scores on a fixed scale: unit "0-10", "0-80"… or a percentage (measures.md's units). */
export function isRatingScale(m: Pick<MeasureDefinition, "unit">): boolean {
  return /^0-\d+$/.test(m.unit) || m.unit === "%";
}

function buildChart(code: MeasureCode, series: SideSeries[]): MeasureChart {
  const m = MEASURES[code];
  const normal = m.normal && (m.normal.low !== undefined || m.normal.high !== undefined) ? m.normal : undefined;
  const numbers: number[] = [];
  for (const s of series) {
    for (const p of s.points) numbers.push(p.value);
    if (s.mdcBand) numbers.push(s.mdcBand.low, s.mdcBand.high);
  }
  if (numbers.length === 0) for (const s of series) numbers.push(s.baseline.value);
  if (normal?.low !== undefined) numbers.push(normal.low);
  if (normal?.high !== undefined) numbers.push(normal.high);
  // A rating scale or questionnaire (0–10, 0–80, 0–100 %) is read against its whole scale: "2/10"
  // drawn on an axis from 1.5 to 2.5 looks like severe pain.
  const yDomain: [number, number] = isRatingScale(m) ? [m.min, m.max] : valueDomain(numbers, m.min, m.max);
  const normalBand = normal
    ? {
        low: Math.max(normal.low ?? yDomain[0], yDomain[0]),
        high: Math.min(normal.high ?? yDomain[1], yDomain[1]),
        text: normal.text,
      }
    : null;
  const methodChanges = series.flatMap((s) =>
    s.points.filter((p) => p.methodChangedFromPrevious).map((p) => ({ time: p.time, side: s.side, method: p.method ?? "", date: p.date })),
  );
  return {
    code,
    title: m.shortLabel,
    unit: m.unit,
    unitSymbol: m.unitSymbol,
    series,
    yDomain,
    normalBand: normalBand && normalBand.low < normalBand.high ? normalBand : null,
    normalText: m.normal?.text ?? null,
    methodChanges,
    description: describe(code, series),
  };
}

export interface ChartDataInput {
  assessments: readonly ChartAssessment[];
  evaluation: Evaluation;
  treatments: readonly ChartTreatment[];
  range: ResolvedRange;
  /** Only these measures (default: every measure of the catalog that has values). */
  codes?: readonly MeasureCode[];
}

function sidesShown(show: ShowSides): ReadonlySet<Side> {
  return new Set<Side>(show === "both" ? ["left", "right", "none"] : [show, "none"]);
}

export function buildTrendsChartData({ assessments, evaluation, treatments, range, codes = MEASURE_CODES }: ChartDataInput): TrendsChartData {
  const all = collectSeries(assessments);
  const flagged = flaggedValues(evaluation);
  const trends = new Map(evaluation.trends.map((t) => [`${t.code}|${t.side}`, t]));
  const shown = sidesShown(range.show);

  const groups: ChartGroup[] = CHAIN_ORDER.map((group) => ({ group, title: GROUP_TITLES[group], charts: [] }));
  let pointsShown = 0;
  for (const code of codes) {
    const series: SideSeries[] = [];
    for (const side of SIDE_ORDER) {
      const raw = all.get(`${code}|${side}`);
      if (!raw || !shown.has(side)) continue;
      const points = toChartPoints(code, raw, flagged.get(`${code}|${side}`));
      series.push(buildSeries(code, side, points, trends.get(`${code}|${side}`) ?? null, range));
    }
    if (series.length === 0) continue;
    pointsShown += series.reduce((n, s) => n + s.points.length, 0);
    groups.find((g) => g.group === MEASURES[code].chainGroup)!.charts.push(buildChart(code, series));
  }

  const times = assessments.map((a) => Date.parse(a.takenAt)).concat(treatments.map((t) => Date.parse(t.occurredAt)));
  const start = range.start ?? (times.length ? Math.min(...times) : 0);
  const end = range.end ?? (times.length ? Math.max(...times) : 0);
  const xDomain = timeDomain(start, end);
  const markers = treatments
    .map((t) => ({ time: Date.parse(t.occurredAt), date: formatDate(t.occurredAt), label: t.label }))
    .filter((t) => t.time >= xDomain[0] && t.time <= xDomain[1])
    .sort((a, b) => a.time - b.time);

  return {
    groups: groups.filter((g) => g.charts.length > 0),
    xDomain,
    xTicks: timeTicks(xDomain),
    treatments: markers,
    pointsShown,
  };
}
