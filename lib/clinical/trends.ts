// Trend labels (rules.md, "Trend labels"): for every (code, side) with two or more values, how
// far the latest value is from the baseline compared with measurement error (MDC) and with the
// smallest change that matters to patients (MCID).

import { gte, lt, roundTo, subtract } from "./decimal";
import { MEASURE_CODES, MEASURES, SIDES, stepDecimals, type MeasureCode } from "./measures";
import { pointAt, seriesOf, type History, type Series } from "./history";
import type { Trend, TrendDirection, TrendLabel } from "./types";

/** MDC in the measure's unit; a percentage MDC is taken of the baseline value. */
export function mdcFor(code: MeasureCode, baseline: number): number | null {
  const mdc = MEASURES[code].mdc;
  if (mdc === undefined) return null;
  if (typeof mdc === "number") return mdc;
  return roundTo((Math.abs(baseline) * mdc.percentOfBaseline) / 100, 9);
}

/**
 * MCID in the measure's unit. Pain ratings have a larger threshold for an improvement from a
 * high reference (rules.md v2): that reading belongs to the trend label itself.
 */
export function mcidFor(code: MeasureCode, _reference: number): number | null {
  return MEASURES[code].mcid?.points ?? null;
}

export function labelFor(absDelta: number, mdc: number | null, mcid: number | null): TrendLabel {
  // With an MCID but no MDC the MCID serves as both (rules.md).
  const noise = mdc ?? mcid;
  if (noise === null) return "unrated";
  if (absDelta === 0 || lt(absDelta, noise)) return "within_error";
  if (mcid !== null && gte(absDelta, mcid)) return "important_change";
  return "real_change";
}

/** Distance of an FPI-6 value from the normal band 0..+5 (0 inside the band). */
function distanceFromNormalFoot(value: number): number {
  if (value < 0) return -value;
  if (value > 5) return value - 5;
  return 0;
}

export function directionFor(code: MeasureCode, baseline: number, latest: number): TrendDirection {
  const decimals = stepDecimals(code);
  switch (MEASURES[code].direction) {
    case "none":
      return "none";
    case "higher_better":
    case "lower_better": {
      const delta = subtract(latest, baseline, decimals);
      if (delta === 0) return "same";
      const up = delta > 0;
      return up === (MEASURES[code].direction === "higher_better") ? "better" : "worse";
    }
    case "toward_range": {
      const before = distanceFromNormalFoot(baseline);
      const after = distanceFromNormalFoot(latest);
      const change = subtract(after, before, decimals);
      return change === 0 ? "same" : change < 0 ? "better" : "worse";
    }
  }
}

/** Plateau: the last three values all lie within one MDC of each other (spread < MDC). */
function isPlateau(code: MeasureCode, values: readonly number[], noise: number | null): boolean {
  if (noise === null || values.length < 3) return false;
  const last = values.slice(-3);
  const spread = subtract(Math.max(...last), Math.min(...last), stepDecimals(code));
  return lt(spread, noise);
}

function methodChanged(methods: readonly (string | undefined)[]): boolean {
  let seen: string | undefined;
  for (const method of methods) {
    const m = method?.trim();
    if (!m) continue;
    if (seen === undefined) seen = m;
    else if (seen !== m) return true;
  }
  return false;
}

/** Trend of one (code, side) series holding at least two values. */
export function trendOf(h: History, s: Series): Trend {
  const code = s.code;
  const decimals = stepDecimals(code);
  const baseline = pointAt(h, s, 0);
  const previous = pointAt(h, s, -2);
  const latest = pointAt(h, s, -1);
  if (!baseline || !previous || !latest) throw new RangeError(`a trend needs two values of ${code}`);
  const delta = subtract(latest.value, baseline.value, decimals);
  const mdc = mdcFor(code, baseline.value);
  const mcid = mcidFor(code, baseline.value);
  return {
    code,
    side: latest.side,
    baseline: baseline.value,
    previous: previous.value,
    latest: latest.value,
    delta,
    deltaFromPrevious: subtract(latest.value, previous.value, decimals),
    label: labelFor(Math.abs(delta), mdc, mcid),
    plateau: isPlateau(code, s.values, mdc ?? mcid),
    direction: directionFor(code, baseline.value, latest.value),
    count: s.values.length,
    baselineTakenAt: baseline.takenAt,
    previousTakenAt: previous.takenAt,
    latestTakenAt: latest.takenAt,
    mdc: mdc ?? mcid,
    mcid,
    methodChanged: methodChanged(s.methods),
  };
}

/** Trends for every (code, side) with at least two values, in catalog order, left before right. */
export function computeTrends(h: History): Trend[] {
  const trends: Trend[] = [];
  for (const code of MEASURE_CODES) {
    for (const side of SIDES) {
      const s = seriesOf(h, code, side);
      if (s && s.values.length >= 2) trends.push(trendOf(h, s));
    }
  }
  return trends;
}
