// Pelvis links (rules.md v2): single-leg stance with the pelvis-dropped answer, rising pelvic
// drop, tight hip flexors, and leg length difference (hip abductor asymmetry is in
// rules-hip-strength.ts). Every text states the association with its population and outcome.

import { gt, gte, lt, subtract } from "./decimal";
import { capitalise, formatAmount, formatDate, formatValue } from "./format";
import { isStale, latestValue, pointAt, seriesOf, type History, type Point } from "./history";
import { COOPER } from "./rules-hip-strength";
import { BOTH_SIDES, eachSide, freshChange, notRecorded, recordedAloneSince, staleProblem, valueOn, type Rule } from "./rule-kit";
import type { MeasureCode, Side } from "./measures";

/** The value of (code, side) recorded in one visit, if any. */
function valueInVisit(h: History, code: MeasureCode, side: Side, visit: number): Point | undefined {
  const s = seriesOf(h, code, side);
  if (!s) return undefined;
  const k = s.visits.lastIndexOf(visit);
  return k < 0 ? undefined : pointAt(h, s, k);
}

export const TRENDELENBURG: Rule = {
  id: "TRENDELENBURG",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "pelvis",
  grade: "B",
  source: "Hardcastle & Nade 1985 (positive when the pelvis drops within 30 s; pain and poor balance give false positives); Cooper et al. 2016",
  evaluate(h, out) {
    eachSide(h, out, "trendelenburg_hold_s", BOTH_SIDES, (hold) => {
      // A pelvis answer recorded after this hold, without a hold of its own, belongs to a later test:
      // this hold (and its answer) is no longer the current reading of the side.
      const pair = [
        { code: "trendelenburg_hold_s", side: hold.side },
        { code: "trendelenburg_pelvis_dropped", side: hold.side },
      ] as const;
      const outOfDate = recordedAloneSince(h, pair, hold, `${capitalise(hold.side)} single-leg stance time and pelvis answer`);
      if (outOfDate.length > 0) return out.skip(hold.side, outOfDate);
      if (!lt(hold.value, 30)) return;
      const dropped = valueInVisit(h, "trendelenburg_pelvis_dropped", hold.side, hold.visit);
      if (dropped && dropped.value === 0) return; // stopped for pain or balance: not a positive test
      const side = hold.side;
      const base =
        `${capitalise(side)} single-leg stance was held for ${valueOn(hold)}, under 30 s (30 s or more is normal)`;
      const meaning =
        `Hardcastle & Nade 1985 described the test as positive when the pelvis drops within 30 s, with pain ` +
        `and poor balance giving false positives. ${COOPER}.`;
      if (dropped) {
        out.fire({
          side,
          severity: "moderate",
          inputs: [hold, dropped],
          title: `Pelvis dropped in single-leg stance (${side} stance)`,
          threshold: "held under 30 s and the pelvis dropped (moderate)",
          explanation: `${base}, and the pelvis dropped. ${meaning}`,
        });
        return;
      }
      out.fire({
        side,
        severity: "low",
        inputs: [hold],
        title: `Short single-leg stance, stop reason not recorded (${side} stance)`,
        threshold: "held under 30 s, whether the pelvis dropped not recorded (low)",
        explanation:
          `${base}. The stop reason was not recorded: whether the pelvis dropped or the hold ended for pain ` +
          `or balance is unknown, so the flag stays low until it is recorded. ${meaning}`,
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
  source:
    "Bramah et al. 2018, Am J Sports Med 46:3023 (each 1° more contralateral pelvic drop in running: about 80 % higher odds of being an injured runner; cross-sectional); Dingenen et al. 2018 (2-D error 2.7-2.8°)",
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
      if (!gte(rise, 3)) continue;
      out.fire({
        side,
        inputs: [baseline, latest],
        title: `Pelvic drop rising (${side} stance)`,
        threshold: "latest at least 3.0° above baseline",
        explanation:
          `Pelvic drop in ${side} stance rose from ${valueOn(baseline)} at baseline to ${valueOn(latest)}, ` +
          `${formatAmount(code, rise)} more, at least 3.0° (the 2-D measurement error is 2.7-2.8°, Dingenen ` +
          `2018). In a cross-sectional study of runners, each 1° more contralateral pelvic drop went with about ` +
          `80 % higher odds of being an injured runner (knee, shin and Achilles injuries; Bramah 2018).`,
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
    "modified Thomas test reference values; poor validity (Vigotsky et al. 2016); never flag static pelvic tilt alone (Herrington 2011)",
  evaluate(h, out) {
    eachSide(h, out, "thomas_hip_deg", BOTH_SIDES, (p) => {
      if (!gt(p.value, 0)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Tight hip flexors (${p.side})`,
        threshold: "thigh above horizontal (more than 0°, modified Thomas test)",
        explanation:
          `In the modified Thomas test the ${p.side} thigh rested ${formatValue(p.code, p.value)} above ` +
          `horizontal (${formatDate(p.takenAt)}); at or below horizontal is the reference value. Tight hip ` +
          `flexors are a clinical concern for the lower back without a validating study (grade H), and the ` +
          `test has poor validity (Vigotsky 2016).`,
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
  source: "Knutson 2005 (differences under 20 mm common and usually unimportant; radiographic data)",
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
        threshold: "20 mm or more",
        explanation:
          `The ${p.side} leg is ${formatValue(p.code, p.value)} shorter (${formatDate(p.takenAt)}), at or ` +
          `above 20 mm. In a review of radiographic studies in adults, differences under 20 mm were common and usually ` +
          `clinically unimportant, and larger ones may matter clinically (Knutson 2005); this is not ` +
          `evidence of a mechanism at the hip or back.`,
      });
    }
  },
};
