// Shared machinery for the rules: how a rule reports a flag or the inputs it could not use, and
// how it fetches a usable (present, non-stale) value. Each rule file stays a list of readable
// clinical statements on top of this.

import { MEASURES, type MeasureCode, type Side } from "./measures";
import { formatDate, formatValue, lowercaseFirst, sideWord } from "./format";
import {
  isStale,
  latestValue,
  latestVisitsWithAll,
  pointAt,
  seriesOf,
  type History,
  type Point,
  type Spec,
  type Visit,
} from "./history";

export type { Spec };
import type { Flag, FlagInput, Grade, Link, Region, RuleId, Severity } from "./types";

export interface RuleMeta {
  id: RuleId;
  /** Severity when it fires (the lower one for rules with two bands). */
  severity: Severity;
  regions: Region[];
  link: Link | null;
  grade: Grade | null;
  source: string;
}

export interface Rule extends RuleMeta {
  evaluate(h: History, out: RuleOutcome): void;
}

/** Why an input could not be used. `key` is "code:side" (or "patient.heightCm"). */
export interface Problem {
  key: string;
  stale: boolean;
  reason: string;
}

export interface FireArgs {
  side: Side;
  severity?: Severity;
  inputs: readonly (Point | FlagInput)[];
  title: string;
  threshold: string;
  explanation: string;
  derived?: Record<string, number>;
}

/** Collects what one rule found: flags, and per side the inputs it lacked. */
export class RuleOutcome {
  readonly flags: Flag[] = [];
  readonly missing: string[] = [];
  readonly skippedStale: string[] = [];
  readonly sides: Side[] = [];
  readonly reasons: string[] = [];

  constructor(readonly rule: RuleMeta) {}

  fire(a: FireArgs): void {
    this.flags.push({
      id: this.rule.id,
      side: a.side,
      severity: a.severity ?? this.rule.severity,
      regions: [...this.rule.regions],
      link: this.rule.link,
      grade: this.rule.grade,
      inputs: a.inputs.map(toFlagInput),
      title: a.title,
      threshold: a.threshold,
      explanation: a.explanation,
      source: this.rule.source,
      ...(a.derived ? { derived: a.derived } : {}),
    });
  }

  /** The rule could not be evaluated for `side` because of `problems`. */
  skip(side: Side, problems: readonly Problem[], reason?: string): void {
    if (!this.sides.includes(side)) this.sides.push(side);
    for (const p of problems) {
      if (!this.missing.includes(p.key)) this.missing.push(p.key);
      if (p.stale && !this.skippedStale.includes(p.key)) this.skippedStale.push(p.key);
    }
    const text = reason ?? [...new Set(problems.map((p) => p.reason))].join("; ");
    if (text && !this.reasons.includes(text)) this.reasons.push(text);
  }
}

function toFlagInput(p: Point | FlagInput): FlagInput {
  return { code: p.code, side: p.side, value: p.value, takenAt: p.takenAt };
}

export function inputKey(code: MeasureCode, side: Side): string {
  return `${code}:${side}`;
}

/** "Dorsiflexion, knee straight (left)": how reasons name an input. */
export function measureName(code: MeasureCode, side: Side): string {
  const label = MEASURES[code].shortLabel;
  return side === "none" ? label : `${label} (${sideWord(side)})`;
}

export function notRecorded(code: MeasureCode, side: Side): Problem {
  return { key: inputKey(code, side), stale: false, reason: `${measureName(code, side)} not recorded` };
}

export function staleProblem(h: History, p: Point): Problem {
  const latest = h.latestVisit ? formatDate(h.latestVisit.takenAt) : "";
  return {
    key: inputKey(p.code, p.side),
    stale: true,
    reason:
      `${measureName(p.code, p.side)} last recorded ${formatDate(p.takenAt)} ` +
      `(${formatValue(p.code, p.value)}), more than 180 days before the latest assessment ` +
      `(${latest}): skipped as stale`,
  };
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** The most recent value of (code, side) if it exists and is not stale. */
export function freshLatest(h: History, code: MeasureCode, side: Side): Fetched<Point> {
  const p = latestValue(h, code, side);
  if (!p) return { ok: false, problem: notRecorded(code, side) };
  if (isStale(h, p)) return { ok: false, problem: staleProblem(h, p) };
  return { ok: true, value: p };
}

/** Baseline and a fresh latest value of (code, side), for "latest − baseline" rules. */
export function freshChange(
  h: History,
  code: MeasureCode,
  side: Side,
): Fetched<{ baseline: Point; latest: Point }> {
  const s = seriesOf(h, code, side);
  const baseline = s && pointAt(h, s, 0);
  const latest = s && pointAt(h, s, -1);
  if (!s || !baseline || !latest) return { ok: false, problem: notRecorded(code, side) };
  if (isStale(h, latest)) return { ok: false, problem: staleProblem(h, latest) };
  if (s.values.length < 2) {
    return {
      ok: false,
      problem: {
        key: inputKey(code, side),
        stale: false,
        reason:
          `${measureName(code, side)} recorded only once (${formatDate(latest.takenAt)}): ` +
          `a second value is needed to compare with the baseline`,
      },
    };
  }
  return { ok: true, value: { baseline, latest } };
}

export const BOTH_SIDES: readonly Side[] = ["left", "right"];

/** "Left ankle dorsiflexion is 4° (1 Mar 2026)" building block. */
export function valueOn(p: Point): string {
  return `${formatValue(p.code, p.value)} (${formatDate(p.takenAt)})`;
}

/**
 * The `count` most recent assessments that recorded every spec (newest first), all non-stale.
 * Rules comparing two values read them from the same assessment, never across visits.
 */
export function freshSameVisit(
  h: History,
  specs: readonly Spec[],
  count: number,
  what: string,
): { ok: true; latest: SameVisit; visits: SameVisit[] } | { ok: false; problems: Problem[] } {
  const found = latestVisitsWithAll(h, specs, count);
  const visits = found.map((f) => f.visit);
  const latest = visits[0];
  if (!latest || visits.length < count) {
    const neverRecorded = specs.filter((s) => !latestValue(h, s.code, s.side));
    if (neverRecorded.length > 0 && visits.length === 0) {
      return { ok: false, problems: neverRecorded.map((s) => notRecorded(s.code, s.side)) };
    }
    const stale = visits.some((v) => isStale(h, v));
    const reason =
      visits.length === 0
        ? `${what} never recorded in the same assessment`
        : `${what} recorded together in only ${visits.length} assessment${visits.length === 1 ? "" : "s"}` +
          ` (${visits.map((v) => formatDate(v.takenAt)).join(", ")}${stale ? ", skipped as stale" : ""}); ` +
          `${count} are needed`;
    return {
      ok: false,
      problems: specs.map((s) => ({ key: inputKey(s.code, s.side), stale, reason })),
    };
  }
  const staleVisit = visits.find((v) => isStale(h, v));
  if (staleVisit) {
    const latest = h.latestVisit ? formatDate(h.latestVisit.takenAt) : "";
    const reason =
      `${what} last recorded together ${formatDate(staleVisit.takenAt)}, more than 180 days ` +
      `before the latest assessment (${latest}): skipped as stale`;
    return {
      ok: false,
      problems: specs.map((s) => ({ key: inputKey(s.code, s.side), stale: true, reason })),
    };
  }
  const outOfDate = recordedAloneSince(h, specs, latest, what);
  if (outOfDate.length > 0) return { ok: false, problems: outOfDate };
  return { ok: true, latest: found[0]!, visits: found };
}

/**
 * Problems for a pair of inputs read from one assessment (`together`) when one of them was recorded
 * again later without the other. The rules read the most recent value of each input, so the older
 * pair is no longer current and would flag a reading that has been replaced.
 */
export function recordedAloneSince(h: History, specs: readonly Spec[], together: { time: number; takenAt: string }, what: string): Problem[] {
  const newer = specs.flatMap((s) => {
    const last = latestValue(h, s.code, s.side);
    return last && last.time > together.time ? [last] : [];
  });
  if (newer.length === 0) return [];
  const reason =
    `${what} last recorded together ${formatDate(together.takenAt)}; since then ` +
    `${newer.map((p) => `${lowercaseFirst(measureName(p.code, p.side))} was recorded alone (${formatDate(p.takenAt)})`).join(" and ")}, ` +
    `so that pair is out of date`;
  return specs.map((s) => ({ key: inputKey(s.code, s.side), stale: false, reason }));
}

/** One assessment and the values each spec had in it (same order as the specs). */
export interface SameVisit {
  visit: Visit;
  points: Point[];
}

/** The k-th spec's value in a same-visit match (the caller passed at least k + 1 specs). */
export function at(match: SameVisit, k: number): Point {
  const p = match.points[k];
  if (!p) throw new Error(`no value ${k} in the assessment of ${match.visit.takenAt}`);
  return p;
}

/** Run `check` on each side's fresh latest value, recording missing and stale sides. */
export function eachSide(
  h: History,
  out: RuleOutcome,
  code: MeasureCode,
  sides: readonly Side[],
  check: (p: Point) => void,
): void {
  for (const side of sides) {
    const f = freshLatest(h, code, side);
    if (f.ok) check(f.value);
    else out.skip(side, [f.problem]);
  }
}

export function sidesOf(code: MeasureCode): readonly Side[] {
  return MEASURES[code].sides === "bilateral" ? BOTH_SIDES : ["none"];
}
