// Turns a patient's assessments into the views the rules need: visits in date order, the series
// of values per (code, side), the latest and baseline values, staleness, and same-visit pairs.
// Building it is one pass over the values into flat arrays (no object per value), so evaluation
// cost grows linearly with the history and stays small: only the few values a rule reads are
// turned into Point objects.

import { MEASURE_CODES, SIDES, type MeasureCode, type RedFlagCode, type Side } from "./measures";
import type { AssessmentInput, PatientHistory } from "./types";

/** A value older than this before the latest assessment is stale (rules.md). */
export const STALE_AFTER_DAYS = 180;
const DAY_MS = 86_400_000;
export const STALE_AFTER_MS = STALE_AFTER_DAYS * DAY_MS;

/** One recorded value with the date it came from. */
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
  /** null: no red-flag screen recorded at this visit. */
  redFlags: readonly RedFlagCode[] | null;
}

/** All values of one (code, side), oldest first, as parallel arrays. */
export interface Series {
  code: MeasureCode;
  side: Side;
  values: number[];
  /** Visit index of each value (ascending). */
  visits: number[];
  methods: (string | undefined)[];
}

export interface History {
  /** Visits oldest first (ties keep their input order). */
  visits: Visit[];
  /** Series by slot (see slotOf); undefined when never recorded. */
  series: (Series | undefined)[];
  latestVisit: Visit | null;
  /** Values taken strictly before this instant are stale. */
  staleBefore: number;
  heightCm?: number | null;
}

const CODE_INDEX: Record<string, number> = Object.fromEntries(MEASURE_CODES.map((c, i) => [c, i]));

/** Dense index of a (code, side) pair: avoids building a string key for every value. */
function slotOf(code: MeasureCode, side: Side): number {
  return (CODE_INDEX[code] ?? 0) * SIDES.length + (side === "left" ? 0 : side === "right" ? 1 : 2);
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
  const visits: Visit[] = new Array(ordered.length);
  const series: (Series | undefined)[] = new Array(MEASURE_CODES.length * SIDES.length);

  for (let index = 0; index < ordered.length; index++) {
    const { a, time } = ordered[index]!;
    const measures = a.measures ?? [];
    for (let j = 0; j < measures.length; j++) {
      const m = measures[j]!;
      const slot = slotOf(m.code, m.side);
      let s = series[slot];
      if (!s) {
        s = { code: m.code, side: m.side, values: [], visits: [], methods: [] };
        series[slot] = s;
      }
      const last = s.visits.length - 1;
      if (last >= 0 && s.visits[last] === index) {
        // A duplicate (code, side) inside one assessment (rejected by validation) keeps the last.
        s.values[last] = m.value;
        s.methods[last] = m.method;
      } else {
        s.values.push(m.value);
        s.visits.push(index);
        s.methods.push(m.method);
      }
    }
    visits[index] = { index, takenAt: a.takenAt, time, redFlags: a.redFlags ?? null };
  }

  const latestVisit = visits[visits.length - 1] ?? null;
  return {
    visits,
    series,
    latestVisit,
    staleBefore: latestVisit ? latestVisit.time - STALE_AFTER_MS : Number.NEGATIVE_INFINITY,
    heightCm: input.patient?.heightCm,
  };
}

export function seriesOf(h: History, code: MeasureCode, side: Side): Series | undefined {
  return h.series[slotOf(code, side)];
}

/** The i-th value of a series as a Point (negative i counts from the end). */
export function pointAt(h: History, s: Series, i: number): Point | undefined {
  const k = i < 0 ? s.values.length + i : i;
  const value = s.values[k];
  const visitIndex = s.visits[k];
  if (value === undefined || visitIndex === undefined) return undefined;
  const visit = h.visits[visitIndex]!;
  const method = s.methods[k];
  return {
    code: s.code,
    side: s.side,
    value,
    takenAt: visit.takenAt,
    time: visit.time,
    ...(method !== undefined ? { method } : {}),
    visit: visitIndex,
  };
}

export function isStale(h: History, point: { time: number }): boolean {
  return point.time < h.staleBefore;
}

/** Most recent recorded value of (code, side), stale or not. */
export function latestValue(h: History, code: MeasureCode, side: Side): Point | undefined {
  const s = seriesOf(h, code, side);
  return s ? pointAt(h, s, -1) : undefined;
}

/** First recorded value of (code, side). */
export function baselineValue(h: History, code: MeasureCode, side: Side): Point | undefined {
  const s = seriesOf(h, code, side);
  return s ? pointAt(h, s, 0) : undefined;
}

export function countOf(h: History, code: MeasureCode, side: Side): number {
  return seriesOf(h, code, side)?.values.length ?? 0;
}

export interface Spec {
  code: MeasureCode;
  side: Side;
}

/**
 * The most recent visits (newest first, at most `count`) that recorded every one of `specs`,
 * with the value of each spec at that visit (same order as `specs`). Walks the series backwards
 * together, so it costs at most one step per recorded value.
 */
export function latestVisitsWithAll(
  h: History,
  specs: readonly Spec[],
  count: number,
): { visit: Visit; points: Point[] }[] {
  const all = specs.map((sp) => seriesOf(h, sp.code, sp.side));
  const found: { visit: Visit; points: Point[] }[] = [];
  if (all.some((s) => s === undefined)) return found;
  const list = all as Series[];
  const pos = list.map((s) => s.visits.length - 1);
  while (found.length < count && pos.every((p) => p >= 0)) {
    // Newest visit that every series could still reach.
    let target = Infinity;
    for (let k = 0; k < list.length; k++) target = Math.min(target, list[k]!.visits[pos[k]!]!);
    let match = true;
    for (let k = 0; k < list.length; k++) {
      while (pos[k]! >= 0 && list[k]!.visits[pos[k]!]! > target) pos[k]!--;
      if (pos[k]! < 0 || list[k]!.visits[pos[k]!] !== target) match = false;
    }
    if (match) {
      found.push({ visit: h.visits[target]!, points: list.map((s, k) => pointAt(h, s, pos[k]!)!) });
      for (let k = 0; k < list.length; k++) pos[k]!--;
    }
  }
  return found;
}
