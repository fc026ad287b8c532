// Rule shapes shared by the symptom and heel rules (rules.md v2): a pain level confirmed at the two
// most recent assessments, pain rising at two consecutive assessments, and a function score
// falling since baseline. Each rule file supplies its own words; the logic lives here once.

import { gte, subtract } from "./decimal";
import { capitalise, formatAmount, formatDate, formatValue } from "./format";
import { isStale, pointAt, seriesOf, type History, type Point } from "./history";
import { stepDecimals, type MeasureCode, type Side } from "./measures";
import {
  freshChange,
  inputKey,
  measureName,
  notRecorded,
  sidesOf,
  staleProblem,
  valueOn,
  type Problem,
  type Rule,
  type RuleMeta,
  type RuleOutcome,
} from "./rule-kit";

export const BOONSTRA =
  "Boonstra et al. 2016 (cut-points in chronic musculoskeletal pain: 1-3 mild, 4 or more moderate)";
export const CHILDS_FARRAR =
  "Childs et al. 2005 (measurement error of a 0-10 rating about 2 points); Farrar et al. 2001";

/** "left hip pain", "low-back pain", "right heel pain". */
export type PainName = (side: Side) => string;

function onlyOnce(code: MeasureCode, side: Side, p: Point, why: string): Problem {
  return {
    key: inputKey(code, side),
    stale: false,
    reason: `${measureName(code, side)} recorded only once (${formatDate(p.takenAt)}): ${why}`,
  };
}

/**
 * Pain level (HIP_PAIN, BACK_PAIN): latest ≥ 4 is moderate; latest 2-3 is low only when the
 * assessment before it (the two most recent recording it, both within 180 days) also had at
 * least 2. A single mild rating is not flagged; it is listed as not evaluated until confirmed.
 */
export function painLevelRule(meta: RuleMeta, code: MeasureCode, name: PainName, context: string): Rule {
  return {
    ...meta,
    evaluate(h, out) {
      for (const side of sidesOf(code)) {
        const s = seriesOf(h, code, side);
        const latest = s && pointAt(h, s, -1);
        if (!s || !latest) {
          out.skip(side, [notRecorded(code, side)]);
          continue;
        }
        if (isStale(h, latest)) {
          out.skip(side, [staleProblem(h, latest)]);
          continue;
        }
        const where = name(side);
        if (gte(latest.value, 4)) {
          out.fire({
            side,
            severity: "moderate",
            inputs: [latest],
            title: `${capitalise(where)} ${formatValue(code, latest.value)}`,
            threshold: "latest rating 4/10 or more (moderate)",
            explanation:
              `${capitalise(where)} is rated ${valueOn(latest)}, 4/10 or more: moderate pain on the cut-points ` +
              `Boonstra 2016 derived in people with chronic musculoskeletal pain. ${context}`,
          });
          continue;
        }
        if (!gte(latest.value, 2)) continue;
        const previous = pointAt(h, s, -2);
        if (!previous) {
          out.skip(side, [onlyOnce(code, side, latest, "mild pain (2-3/10) is flagged only when the two most recent assessments both record it")]);
          continue;
        }
        if (isStale(h, previous)) {
          out.skip(side, [staleProblem(h, previous)]);
          continue;
        }
        if (!gte(previous.value, 2)) continue;
        out.fire({
          side,
          severity: "low",
          inputs: [previous, latest],
          title: `${capitalise(where)} mild, at two assessments`,
          threshold: "2/10 or more at each of the two most recent assessments, latest 2-3/10 (low)",
          explanation:
            `${capitalise(where)} was rated ${valueOn(previous)} and ${valueOn(latest)}: at least mild pain at ` +
            `both of the two most recent assessments (mild is 1-3/10 and moderate 4/10 or more on the ` +
            `cut-points Boonstra 2016 derived in people with chronic musculoskeletal pain). ${context}`,
        });
      }
    },
  };
}

/**
 * Pain rising (HIP_PAIN_RISING, BACK_PAIN_RISING, HEEL_PAIN_RISING): latest − baseline ≥ 2 and
 * previous − baseline ≥ 2, i.e. at two consecutive assessments; moderate, high when latest ≥ 6.
 * The previous value must be within 180 days of the latest assessment as well.
 */
export function painRisingRule(meta: RuleMeta, code: MeasureCode, name: PainName, context: string): Rule {
  return {
    ...meta,
    evaluate(h, out) {
      for (const side of sidesOf(code)) {
        const f = freshChange(h, code, side);
        if (!f.ok) {
          out.skip(side, [f.problem]);
          continue;
        }
        const { baseline, latest } = f.value;
        const s = seriesOf(h, code, side)!;
        const previous = pointAt(h, s, -2)!;
        if (isStale(h, previous)) {
          out.skip(side, [staleProblem(h, previous)]);
          continue;
        }
        const d = stepDecimals(code);
        const rise = subtract(latest.value, baseline.value, d);
        const risePrevious = subtract(previous.value, baseline.value, d);
        if (gte(rise, 2) && (s.values.length < 3 || !gte(risePrevious, 2))) {
          // A rise seen at the latest assessment only is not flagged yet (rules v2: two consecutive
          // assessments); say so, as for a single mild rating, rather than show nothing.
          out.skip(side, [{
            key: inputKey(code, side),
            stale: false,
            reason:
              `${measureName(code, side)} rose ${formatAmount(code, rise)} from the first rating (${formatDate(baseline.takenAt)}) ` +
              `at the latest assessment only (${formatDate(latest.takenAt)}): a rise is flagged once two consecutive assessments show it`,
          }]);
          continue;
        }
        if (s.values.length < 3 || !gte(rise, 2) || !gte(risePrevious, 2)) continue;
        const high = gte(latest.value, 6);
        const where = name(side);
        out.fire({
          side,
          severity: high ? "high" : "moderate",
          inputs: [baseline, previous, latest],
          title: `${capitalise(where)} up 2 points or more at two consecutive assessments`,
          threshold:
            `at least 2 points above baseline at each of the two most recent assessments` +
            (high ? "; latest 6/10 or more (high)" : " (moderate; high when the latest is 6/10 or more)"),
          explanation:
            `${capitalise(where)} was ${valueOn(baseline)} at baseline, then ${valueOn(previous)} and ` +
            `${valueOn(latest)}: ${formatAmount(code, risePrevious)} and ${formatAmount(code, rise)} above ` +
            `baseline at two consecutive assessments. The measurement error of a 0-10 pain rating is about ` +
            `2 points (Childs 2005, people with low-back pain), and a 2-point change is what people with ` +
            `chronic pain rated as important (Farrar 2001), so a rise seen twice is beyond error. ${context}`,
          derived: { change: rise, previousChange: risePrevious },
        });
      }
    },
  };
}

export interface Decline {
  code: MeasureCode;
  amount: number;
  name: string;
}

/**
 * Function falling since baseline (FUNCTION_DECLINE, HEEL_FUNCTION_DECLINE): any one measure
 * falling by its amount fires; only when none fell do missing ones leave the rule undecided.
 */
export function evaluateDecline(
  h: History,
  out: RuleOutcome,
  declines: readonly Decline[],
  words: { title: string; threshold: string; context: string },
): void {
  const fell: { d: Decline; baseline: Point; latest: Point; drop: number }[] = [];
  const problems: Problem[] = [];
  for (const d of declines) {
    const f = freshChange(h, d.code, "none");
    if (!f.ok) {
      problems.push(f.problem);
      continue;
    }
    const { baseline, latest } = f.value;
    // Decimal-safe: 1.2 → 1.1 m/s is a fall of exactly 0.10 m/s.
    const drop = subtract(baseline.value, latest.value, stepDecimals(d.code));
    if (gte(drop, d.amount)) fell.push({ d, baseline, latest, drop });
  }
  if (fell.length === 0) {
    if (problems.length > 0) out.skip("none", problems);
    return;
  }
  const parts = fell.map(
    (f) =>
      `${f.d.name} fell from ${valueOn(f.baseline)} to ${valueOn(f.latest)}, a fall of ` +
      `${formatAmount(f.d.code, f.drop)} (threshold ${formatAmount(f.d.code, f.d.amount)})`,
  );
  out.fire({
    side: "none",
    inputs: fell.flatMap((f) => [f.baseline, f.latest]),
    title: words.title,
    threshold: words.threshold,
    explanation: `Since baseline: ${parts.join("; ")}. ${words.context}`,
    derived: Object.fromEntries(fell.map((f) => [`${f.d.code}_fall`, f.drop])),
  });
}
