// Hip and pelvis links of the chain (rules.md): hip abductor asymmetry, single-leg stance,
// rising pelvic drop, tight hip flexors, and leg length discrepancy.

import { gt, gte, lt, lte, roundTo, subtract } from "./decimal";
import { capitalise, formatAmount, formatDate, formatNear, formatValue } from "./format";
import { isStale, latestValue, type History, type Point, type Visit } from "./history";
import {
  at,
  BOTH_SIDES,
  eachSide,
  freshChange,
  freshSameVisit,
  notRecorded,
  staleProblem,
  valueOn,
  type Rule,
  type SameVisit,
  type Spec,
} from "./rule-kit";
import type { MeasureCode, Side } from "./measures";

const HHD: MeasureCode = "hip_abd_hhd_n";
const HIP_TO_BACK =
  "Weak hip abductors let the pelvis drop on the other side in single-leg stance, which loads the " +
  "hip (lateral hip) and the lower back";

/** Asymmetry = (stronger − weaker) / stronger × 100, from one visit's left and right values. */
export function asymmetryPercent(left: number, right: number): number {
  const stronger = Math.max(left, right);
  const weaker = Math.min(left, right);
  if (stronger === 0) return 0;
  return (subtract(stronger, weaker, 1) / stronger) * 100;
}

interface HipPair {
  visit: Visit;
  left: Point;
  right: Point;
  asym: number;
  weaker: Side;
}

/** `match` comes from freshSameVisit(BOTH_HHD): left first, then right. */
function hipPair(match: SameVisit): HipPair {
  const left = at(match, 0);
  const right = at(match, 1);
  return {
    visit: match.visit,
    left,
    right,
    asym: asymmetryPercent(left.value, right.value),
    weaker: left.value < right.value ? "left" : "right",
  };
}

function describePair(p: HipPair, threshold: number): string {
  const stronger = p.weaker === "left" ? "right" : "left";
  return (
    `${formatDate(p.visit.takenAt)}: left ${formatValue(HHD, p.left.value)}, right ` +
    `${formatValue(HHD, p.right.value)} (${p.weaker} ${formatNear(p.asym, threshold)} % weaker than ${stronger})`
  );
}

const BOTH_HHD: readonly Spec[] = [
  { code: HHD, side: "left" },
  { code: HHD, side: "right" },
];

export const HIP_ABD_ASYM_HIGH: Rule = {
  id: "HIP_ABD_ASYM_HIGH",
  severity: "high",
  regions: ["hip", "back"],
  link: "pelvis",
  grade: "A",
  source: "Li et al. 2025, BMC Sports Sci Med Rehabil (OR 3.65)",
  evaluate(h, out) {
    const found = freshSameVisit(h, BOTH_HHD, 1, "left and right hip abduction strength");
    if (!found.ok) return out.skip("none", found.problems);
    const pair = hipPair(found.latest);
    if (!gt(pair.asym, 32.5)) return;
    out.fire({
      side: pair.weaker,
      inputs: [pair.left, pair.right],
      title: `Hip abductor weakness, ${pair.weaker} side more than 32.5 % weaker`,
      threshold: "asymmetry > 32.5 % (same assessment)",
      explanation:
        `Hip abduction strength (hand-held dynamometer) on ${describePair(pair, 32.5)}, ` +
        `more than the 32.5 % threshold; asymmetry above this cut-off carried an odds ratio of 3.65 ` +
        `(Li et al. 2025). ${HIP_TO_BACK}: worth monitoring, with hip abductor strengthening.`,
      derived: { asymmetryPercent: roundTo(pair.asym, 1) },
    });
  },
};

export const HIP_ABD_ASYM: Rule = {
  id: "HIP_ABD_ASYM",
  severity: "low",
  regions: ["hip", "back"],
  link: "pelvis",
  grade: "H",
  source: "systematic-review cut-offs 10-15 %; LSI MDC ~27 %",
  evaluate(h, out) {
    const found = freshSameVisit(h, BOTH_HHD, 2, "left and right hip abduction strength");
    if (!found.ok) return out.skip("none", found.problems);
    const [latest, earlier] = found.visits.map(hipPair);
    if (!latest || !earlier) return;
    const inBand = (p: HipPair) => gt(p.asym, 10) && lte(p.asym, 32.5);
    if (!inBand(latest) || !inBand(earlier)) return;
    out.fire({
      side: latest.weaker,
      inputs: [earlier.left, earlier.right, latest.left, latest.right],
      title: `Persistent hip abductor asymmetry (${latest.weaker} weaker)`,
      threshold: "asymmetry > 10 % and ≤ 32.5 % in each of the two most recent assessments measuring both sides",
      explanation:
        `Hip abduction strength differed between sides by more than 10 % (up to 32.5 %) in each of the ` +
        `two most recent assessments that measured both sides: ${describePair(latest, 10)}; ` +
        `${describePair(earlier, 10)}. A side difference that persists across visits is worth monitoring ` +
        `(common cut-offs are 10-15 %; a single reading is within measurement error, about 27 %). ` +
        `${HIP_TO_BACK}.`,
      derived: {
        asymmetryPercent: roundTo(latest.asym, 1),
        previousAsymmetryPercent: roundTo(earlier.asym, 1),
      },
    });
  },
};

export const TRENDELENBURG: Rule = {
  id: "TRENDELENBURG",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "pelvis",
  grade: "B",
  source: "Hardcastle & Nade 1985; Cooper et al. 2016, Eur Spine J 25:1258",
  evaluate(h, out) {
    eachSide(h, out, "trendelenburg_hold_s", BOTH_SIDES, (p) => {
      if (!lt(p.value, 30)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Short single-leg stance hold (${p.side})`,
        threshold: "< 30 s with a level pelvis",
        explanation:
          `${capitalise(p.side)} single-leg stance with a level pelvis was held for ${valueOn(p)}, under ` +
          `30 s (30 s or more is normal). Losing the level pelvis early points to weak hip abductors on ` +
          `the stance side; weak hip abductors are common in people with low-back pain (Cooper 2016) and ` +
          `load the hip: worth monitoring.`,
      });
    });
  },
};

export const PELVIC_DROP_RISING: Rule = {
  id: "PELVIC_DROP_RISING",
  severity: "low",
  regions: ["hip"],
  link: "pelvis",
  grade: "B",
  source: "Bramah et al. 2018, Am J Sports Med (each 1° of drop: ~80 % higher injury odds)",
  evaluate(h, out) {
    const code = "pelvic_drop_deg";
    for (const side of BOTH_SIDES) {
      const f = freshChange(h, code, side);
      if (!f.ok) {
        out.skip(side, [f.problem]);
        continue;
      }
      const { baseline, latest } = f.value;
      const rise = subtract(latest.value, baseline.value, 1);
      if (!gte(rise, 2)) continue;
      out.fire({
        side,
        inputs: [baseline, latest],
        title: `Rising pelvic drop (${side} stance)`,
        threshold: "latest − baseline ≥ 2.0°",
        explanation:
          `Pelvic drop in ${side} single-leg stance rose from ${valueOn(baseline)} at baseline to ` +
          `${valueOn(latest)}, an increase of ${formatAmount(code, rise)}, at least 2.0° (beyond the ` +
          `measurement error of about 2°). Each extra degree of pelvic drop went with about 80 % higher ` +
          `odds of running injury (Bramah 2018); a growing drop loads the hip: worth monitoring.`,
        derived: { changeDeg: rise },
      });
    }
  },
};

export const HIP_FLEXOR_TIGHT: Rule = {
  id: "HIP_FLEXOR_TIGHT",
  severity: "low",
  regions: ["back"],
  link: "pelvis",
  grade: "H",
  source:
    "modified Thomas test reference values; never flag static pelvic tilt alone (Herrington 2011)",
  evaluate(h, out) {
    eachSide(h, out, "thomas_hip_deg", BOTH_SIDES, (p) => {
      if (!gt(p.value, 0)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Tight hip flexors (${p.side})`,
        threshold: "thigh > 0° above horizontal (modified Thomas test)",
        explanation:
          `In the modified Thomas test the ${p.side} thigh rested ${formatValue(p.code, p.value)} above ` +
          `horizontal (${formatDate(p.takenAt)}), more than 0° ` +
          `(at or below horizontal is normal), which suggests tight hip flexors. Tight hip flexors pull the ` +
          `pelvis forward in walking and can increase load on the lower back: worth monitoring. The ` +
          `threshold is a clinical heuristic (grade H).`,
      });
    });
  },
};

/**
 * Leg length is recorded once, on the shorter side: the rule reads the most recent assessment
 * that recorded it (either side), so an old value on the other side cannot outlive a newer one.
 */
function latestLegLength(h: History): Point[] {
  const code = "leg_length_diff_mm";
  const l = latestValue(h, code, "left");
  const r = latestValue(h, code, "right");
  if (l && r) {
    if (l.visit === r.visit) return [l, r];
    return [l.visit > r.visit ? l : r];
  }
  return l ? [l] : r ? [r] : [];
}

export const LEG_LENGTH: Rule = {
  id: "LEG_LENGTH",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "pelvis",
  grade: "B",
  source: "Knutson 2005",
  evaluate(h, out) {
    const code = "leg_length_diff_mm";
    const points = latestLegLength(h);
    if (points.length === 0) {
      out.skip("left", [notRecorded(code, "left")], "leg length difference not recorded (either side)");
      out.skip("right", [notRecorded(code, "right")], "leg length difference not recorded (either side)");
      return;
    }
    for (const p of points) {
      if (isStale(h, p)) {
        out.skip(p.side, [staleProblem(h, p)]);
        continue;
      }
      if (!gte(p.value, 20)) continue;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Leg length difference, ${p.side} shorter`,
        threshold: "≥ 20 mm",
        explanation:
          `The ${p.side} leg is ${formatValue(p.code, p.value)} shorter (${formatDate(p.takenAt)}), at or ` +
          `above 20 mm (differences under 20 mm are ` +
          `usually clinically unimportant, Knutson 2005). A difference of this size tilts the pelvis in ` +
          `stance and may load the hip and lower back: worth monitoring.`,
      });
    }
  },
};
