// Turns a patient's assessments into the views the rules need: visits in date order, the series
// of values per (code, side), the latest and baseline values, staleness, and same-visit pairs.
// Everything here is one pass over the values, so evaluation cost grows linearly with history.

import type { MeasureCode, RedFlagCode, Side } from "./measures";
import type { AssessmentInput, PatientHistory } from "./types";

/** A value older than this before the latest assessment is stale (rules.md). */
export const STALE_AFTER_DAYS = 180;
const DAY_MS = 86_400_000;
export const STALE_AFTER_MS = STALE_AFTER_DAYS * DAY_MS;

export type SeriesKey = `${MeasureCode}:${Side}`;

export function seriesKey(code: MeasureCode, side: Side): SeriesKey {
  return `${code}:${side}`;
}

export interface Point {
  code: MeasureCode;
  side: Side;
  value: number;
  takenAt: string;
  time: number;
  method?: string;
  /** Position of its visit in date order. */
  visit: number;
}

export interface Visit {
  index: number;
  takenAt: string;
  time: number;
  values: Map<SeriesKey, Point>;
  redFlags: readonly RedFlagCode[];
}

export interface History {
  /** Visits oldest first (ties keep their input order). */
  visits: Visit[];
  /** Values per (code, side), oldest first. */
  series: Map<SeriesKey, Point[]>;
  latestVisit: Visit | null;
  /** Values taken strictly before this instant are stale. */
  staleBefore: number;
  heightCm?: number | null;
}

function timeOf(a: AssessmentInput): number {
  const t = Date.parse(a.takenAt);
  if (Number.isNaN(t)) throw new RangeError(`takenAt is not a valid date-time: ${a.takenAt}`);
  return t;
}

/** Order assessments by takenAt whatever order they arrive in; stable for equal times. */
function orderByTime(assessments: readonly AssessmentInput[]): { a: AssessmentInput; time: number }[] {
  const timed = assessments.map((a) => ({ a, time: timeOf(a) }));
  let sorted = true;
  for (let i = 1; i < timed.length; i++) {
    if (timed[i]!.time < timed[i - 1]!.time) {
      sorted = false;
      break;
    }
  }
  // Histories usually arrive oldest first: skip the sort then (keeps the common case linear).
  if (!sorted) timed.sort((x, y) => x.time - y.time);
  return timed;
}

export function buildHistory(input: PatientHistory): History {
  const ordered = orderByTime(input.assessments);
  const visits: Visit[] = [];
  const series = new Map<SeriesKey, Point[]>();

  ordered.forEach(({ a, time }, index) => {
    const values = new Map<SeriesKey, Point>();
    for (const m of a.measures ?? []) {
      const key = seriesKey(m.code, m.side);
      const point: Point = {
        code: m.code,
        side: m.side,
        value: m.value,
        takenAt: a.takenAt,
        time,
        method: m.method,
        visit: index,
      };
      values.set(key, point);
      const list = series.get(key);
      if (list) {
        // A duplicate (code, side) inside one assessment (rejected by validation) keeps the last.
        if (list[list.length - 1]!.visit === index) list[list.length - 1] = point;
        else list.push(point);
      } else series.set(key, [point]);
    }
    visits.push({ index, takenAt: a.takenAt, time, values, redFlags: a.redFlags ?? [] });
  });

  const latestVisit = visits[visits.length - 1] ?? null;
  return {
    visits,
    series,
    latestVisit,
    staleBefore: latestVisit ? latestVisit.time - STALE_AFTER_MS : Number.NEGATIVE_INFINITY,
    heightCm: input.patient?.heightCm,
  };
}

export function isStale(h: History, point: { time: number }): boolean {
  return point.time < h.staleBefore;
}

/** Most recent recorded value of (code, side), stale or not. */
export function latestValue(h: History, code: MeasureCode, side: Side): Point | undefined {
  const list = h.series.get(seriesKey(code, side));
  return list?.[list.length - 1];
}

/** First recorded value of (code, side). */
export function baselineValue(h: History, code: MeasureCode, side: Side): Point | undefined {
  return h.series.get(seriesKey(code, side))?.[0];
}

export function valuesOf(h: History, code: MeasureCode, side: Side): readonly Point[] {
  return h.series.get(seriesKey(code, side)) ?? [];
}

/**
 * The most recent visits (newest first, at most `count`) that recorded every one of `keys`.
 * Used for rules that compare two values of the same assessment (sides, or knee positions).
 */
export function latestVisitsWithAll(h: History, keys: readonly SeriesKey[], count: number): Visit[] {
  const found: Visit[] = [];
  for (let i = h.visits.length - 1; i >= 0 && found.length < count; i--) {
    const v = h.visits[i]!;
    if (keys.every((k) => v.values.has(k))) found.push(v);
  }
  return found;
}
