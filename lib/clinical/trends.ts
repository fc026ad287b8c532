// Trend labels (rules.md v2, "Trend labels"): for every (code, side) with two or more values, how
// far the latest value is from a reference compared with measurement error (MDC) and with the
// smallest change that matters to patients (MCID). The reference is the baseline for charts, the
// flags output and the referral note (trendOf), and the previous value for "since the previous
// visit" (changeSincePrevious). An MCID is never used as the measurement error.

import { gte, lt, roundTo, subtract } from "./decimal";
import { formatAmount } from "./format";
import { MEASURE_CODES, MEASURES, SIDES, stepDecimals, type MeasureCode } from "./measures";
import { pointAt, seriesOf, type History, type Series } from "./history";
import type { Trend, TrendDirection, TrendLabel } from "./types";

/** MDC in the measure's unit; a percentage MDC is taken of the reference value. */
export function mdcFor(code: MeasureCode, reference: number): number | null {
  const mdc = MEASURES[code].mdc;
  if (mdc === undefined) return null;
  if (typeof mdc === "number") return mdc;
  return roundTo((Math.abs(reference) * mdc.percentOfBaseline) / 100, 9);
}

/**
 * The measurement error as a person should read it. A percentage MDC that rounds to 0 at the
 * measure's step is printed as given ("15 % of the value"), never as "0 N".
 */
export function mdcText(code: MeasureCode, reference: number): string | null {
  const mdc = MEASURES[code].mdc;
  if (mdc === undefined) return null;
  if (typeof mdc === "number") return formatAmount(code, mdc);
  const amount = mdcFor(code, reference) ?? 0;
  const asGiven = `${mdc.percentOfBaseline} % of the value`;
  if (roundTo(amount, stepDecimals(code)) === 0) return asGiven;
  return `${formatAmount(code, amount)} (${asGiven})`;
}

export function isPainRating(code: MeasureCode): boolean {
  return MEASURES[code].mcid?.improvementPercentOfReference !== undefined;
}

/**
 * MCID in the measure's unit for a change of `delta` from `reference`. Pain ratings: a worsening
 * is important at +2 points (absolute); an improvement must reach max(2, ⌈30 % × reference⌉),
 * i.e. 2 points from a reference of 0-6 and 3 points from 7-10 (rules.md v2). Without a delta
 * the improvement threshold is returned (the stricter one).
 */
export function mcidFor(code: MeasureCode, reference: number, delta?: number): number | null {
  const mcid = MEASURES[code].mcid;
  if (!mcid) return null;
  const pct = mcid.improvementPercentOfReference;
  if (pct === undefined) return mcid.points;
  const direction = delta === undefined ? "better" : directionFor(code, reference, reference + delta);
  if (direction === "worse") return mcid.points;
  return Math.max(mcid.points, Math.ceil(roundTo((pct / 100) * Math.abs(reference), 9)));
}

/**
 * Label of a change of size `absDelta`. With an MDC: within_error below it, then real or
 * important change. With an MCID but no MDC: important_change at the MCID, otherwise unrated
 * (the MCID is never used as the error). With neither: unrated.
 */
export function labelFor(absDelta: number, mdc: number | null, mcid: number | null): TrendLabel {
  if (mdc === null) {
    if (mcid !== null && gte(absDelta, mcid)) return "important_change";
    return "unrated";
  }
  if (absDelta === 0 || lt(absDelta, mdc)) return "within_error";
  if (mcid !== null && gte(absDelta, mcid)) return "important_change";
  return "real_change";
}

/** Distance of an FPI-6 value from the normal band 0..+5 (0 inside the band). */
function distanceFromNormalFoot(value: number): number {
  if (value < 0) return -value;
  if (value > 5) return value - 5;
  return 0;
}

export function directionFor(code: MeasureCode, reference: number, latest: number): TrendDirection {
  const decimals = stepDecimals(code);
  switch (MEASURES[code].direction) {
    case "none":
      return "none";
    case "higher_better":
    case "lower_better": {
      const delta = subtract(latest, reference, decimals);
      if (delta === 0) return "same";
      const up = delta > 0;
      return up === (MEASURES[code].direction === "higher_better") ? "better" : "worse";
    }
    case "toward_range": {
      const before = distanceFromNormalFoot(reference);
      const after = distanceFromNormalFoot(latest);
      const change = subtract(after, before, decimals);
      return change === 0 ? "same" : change < 0 ? "better" : "worse";
    }
  }
}

/** One change judged against its reference: what a chart, a flag or the caseload reports. */
export interface Change {
  reference: number;
  latest: number;
  delta: number;
  label: TrendLabel;
  direction: TrendDirection;
  /** MDC used, in the measure's unit (a percentage MDC taken of the reference); null when none. */
  mdc: number | null;
  /** The MDC as a person should read it (never a value that rounds to 0). */
  mdcText: string | null;
  /** MCID that applied to this change (for pain it depends on the direction); null when none. */
  mcid: number | null;
  /** Δ as a percentage of the reference (null when the reference is 0). */
  percentOfReference: number | null;
  /** A pain rating whose latest value is 0: reported as "pain-free". */
  painFree: boolean;
}

/** Judge `latest` against `reference` (rules.md v2 "Trend labels"). */
export function judgeChange(code: MeasureCode, reference: number, latest: number): Change {
  const delta = subtract(latest, reference, stepDecimals(code));
  const mdc = mdcFor(code, reference);
  const mcid = mcidFor(code, reference, delta);
  return {
    reference,
    latest,
    delta,
    label: labelFor(Math.abs(delta), mdc, mcid),
    direction: directionFor(code, reference, latest),
    mdc,
    mdcText: mdcText(code, reference),
    mcid,
    percentOfReference: reference === 0 ? null : roundTo((delta / Math.abs(reference)) * 100, 1),
    painFree: isPainRating(code) && latest === 0,
  };
}

/**
 * "Since the previous visit" (caseload, patient page): the latest value judged against the
 * previous value, with every percentage (a percentage MDC, the pain improvement rule, the
 * percentage change) taken of the previous value.
 */
export function changeSincePrevious(t: Pick<Trend, "code" | "previous" | "latest">): Change {
  return judgeChange(t.code, t.previous, t.latest);
}

/** Plateau: the last three values all lie within one MDC of each other (spread < MDC). */
function isPlateau(code: MeasureCode, values: readonly number[], mdc: number | null): boolean {
  if (mdc === null || values.length < 3) return false;
  const last = values.slice(-3);
  const spread = subtract(Math.max(...last), Math.min(...last), stepDecimals(code));
  return lt(spread, mdc);
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

/** Trend of one (code, side) series holding at least two values; the reference is the baseline. */
export function trendOf(h: History, s: Series): Trend {
  const code = s.code;
  const decimals = stepDecimals(code);
  const baseline = pointAt(h, s, 0);
  const previous = pointAt(h, s, -2);
  const latest = pointAt(h, s, -1);
  if (!baseline || !previous || !latest) throw new RangeError(`a trend needs two values of ${code}`);
  const c = judgeChange(code, baseline.value, latest.value);
  return {
    code,
    side: latest.side,
    baseline: baseline.value,
    previous: previous.value,
    latest: latest.value,
    delta: c.delta,
    deltaFromPrevious: subtract(latest.value, previous.value, decimals),
    label: c.label,
    plateau: isPlateau(code, s.values, c.mdc),
    direction: c.direction,
    count: s.values.length,
    baselineTakenAt: baseline.takenAt,
    previousTakenAt: previous.takenAt,
    latestTakenAt: latest.takenAt,
    mdc: c.mdc,
    mdcText: c.mdcText,
    mcid: c.mcid,
    painFree: c.painFree,
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
