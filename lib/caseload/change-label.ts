// The trend label of one step, judged against a given reference value (rules.md v2, "Trend
// labels"): the caseload's "since the previous visit" uses the PREVIOUS value as the reference, and
// every percentage (a percentage MDC, the 30 % needed for a pain improvement from a high rating)
// is taken of that previous value too. Pure.
// TODO(i13): when the engine exports a label-against-a-reference function (lib/clinical/trends),
// call it here instead; this copy follows rules.md v2 word for word so the two must agree.
import { gte, lt, roundTo, subtract } from "@/lib/clinical/decimal";
import { MEASURES, stepDecimals, type MeasureCode } from "@/lib/clinical/measures";
import { directionFor } from "@/lib/clinical/trends";
import type { TrendDirection, TrendLabel } from "@/lib/clinical/types";

export interface StepLabel {
  delta: number;
  label: TrendLabel;
  direction: TrendDirection;
  /** The MDC used, in the measure's unit (a percentage MDC taken of the reference); null when none. */
  mdc: number | null;
}

function mdcOf(code: MeasureCode, reference: number): number | null {
  const mdc = MEASURES[code].mdc;
  if (mdc === undefined) return null;
  return typeof mdc === "number" ? mdc : roundTo((Math.abs(reference) * mdc.percentOfBaseline) / 100, 9);
}

/** The MCID for this step: an improvement of a pain rating must also reach ⌈30 % of the reference⌉. */
function mcidOf(code: MeasureCode, reference: number, direction: TrendDirection): number | null {
  const mcid = MEASURES[code].mcid;
  if (!mcid) return null;
  if (direction !== "better" || mcid.improvementPercentOfReference === undefined) return mcid.points;
  const share = Math.ceil(roundTo((Math.abs(reference) * mcid.improvementPercentOfReference) / 100, 9));
  return Math.max(mcid.points, share);
}

/** Label of `latest` against `reference`; an MCID is never used as the measurement error. */
export function labelAgainst(code: MeasureCode, reference: number, latest: number): StepLabel {
  const delta = subtract(latest, reference, stepDecimals(code));
  const direction = directionFor(code, reference, latest);
  const mdc = mdcOf(code, reference);
  const mcid = mcidOf(code, reference, direction);
  const size = Math.abs(delta);
  let label: TrendLabel;
  if (mdc === null) label = mcid !== null && gte(size, mcid) ? "important_change" : "unrated";
  else if (size === 0 || lt(size, mdc)) label = "within_error";
  else label = mcid !== null && gte(size, mcid) ? "important_change" : "real_change";
  return { delta, label, direction, mdc };
}
