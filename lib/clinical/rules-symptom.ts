// Symptom links of the chain (rules.md): the secondary problem is already showing as hip or
// back pain, disability, or a loss of function since baseline.

import { gte, subtract } from "./decimal";
import { capitalise, formatAmount, formatValue } from "./format";
import { stepDecimals, type MeasureCode, type Side } from "./measures";
import type { Point } from "./history";
import {
  BOTH_SIDES,
  eachSide,
  freshChange,
  valueOn,
  type Problem,
  type Rule,
  type RuleMeta,
  type RuleOutcome,
} from "./rule-kit";
import type { History } from "./history";

const FARRAR = "Farrar 2001";

function painWhere(code: MeasureCode, side: Side): string {
  return code === "pain_hip_nprs" ? `${side} hip pain` : "low-back pain";
}

function painLevelRule(meta: RuleMeta, code: MeasureCode, meaning: string): Rule {
  return {
    ...meta,
    evaluate(h, out) {
      const sides: readonly Side[] = code === "pain_hip_nprs" ? BOTH_SIDES : ["none"];
      eachSide(h, out, code, sides, (p) => {
        if (!gte(p.value, 2)) return;
        const where = painWhere(code, p.side);
        out.fire({
          side: p.side,
          inputs: [p],
          title: `${capitalise(where)} ${formatValue(code, p.value)}`,
          threshold: "latest ≥ 2/10",
          explanation:
            `${capitalise(where)} is rated ${valueOn(p)}, at or above 2/10 (2 points is the smallest ` +
            `change patients notice, Farrar 2001). ${meaning}: worth monitoring.`,
        });
      });
    },
  };
}

function risingRule(
  meta: RuleMeta,
  code: MeasureCode,
  amount: number,
  what: (side: Side) => string,
  why: string,
): Rule {
  return {
    ...meta,
    evaluate(h, out) {
      const sides: readonly Side[] = code === "pain_hip_nprs" ? BOTH_SIDES : ["none"];
      for (const side of sides) {
        const f = freshChange(h, code, side);
        if (!f.ok) {
          out.skip(side, [f.problem]);
          continue;
        }
        const { baseline, latest } = f.value;
        const rise = subtract(latest.value, baseline.value, stepDecimals(code));
        if (!gte(rise, amount)) continue;
        out.fire({
          side,
          inputs: [baseline, latest],
          title: `${capitalise(what(side))} rising since baseline`,
          threshold: `latest − baseline ≥ ${formatAmount(code, amount)}`,
          explanation:
            `${capitalise(what(side))} rose from ${valueOn(baseline)} at baseline to ${valueOn(latest)}, ` +
            `an increase of ${formatAmount(code, rise)}, at least ${formatAmount(code, amount)} ` +
            `(the minimal clinically important difference). ${why}: worth monitoring.`,
          derived: { change: rise },
        });
      }
    },
  };
}

const HIP_MEANING =
  "Hip pain in a patient treated for heel pain may mean altered gait is now loading the hip " +
  "(examining the hip is worth considering)";
const BACK_MEANING =
  "Back pain in a patient treated for heel pain may mean altered gait is now loading the lower back " +
  "(screening the lumbar spine is worth considering)";

export const HIP_PAIN = painLevelRule(
  { id: "HIP_PAIN", severity: "moderate", regions: ["hip"], link: "symptom", grade: "B",
    source: `${FARRAR} (2 points is the MCID)` },
  "pain_hip_nprs",
  HIP_MEANING,
);

export const HIP_PAIN_RISING = risingRule(
  { id: "HIP_PAIN_RISING", severity: "high", regions: ["hip"], link: "symptom", grade: "B", source: FARRAR },
  "pain_hip_nprs",
  2,
  (side) => `${side} hip pain`,
  "Hip pain that is getting worse during heel-pain care suggests the hip is taking up load",
);

export const BACK_PAIN = painLevelRule(
  { id: "BACK_PAIN", severity: "moderate", regions: ["back"], link: "symptom", grade: "B", source: FARRAR },
  "pain_back_nprs",
  BACK_MEANING,
);

export const BACK_PAIN_RISING = risingRule(
  { id: "BACK_PAIN_RISING", severity: "high", regions: ["back"], link: "symptom", grade: "B",
    source: `${FARRAR}; Ostelo 2008` },
  "pain_back_nprs",
  2,
  () => "low-back pain",
  "Back pain that is getting worse during heel-pain care suggests the lower back is taking up load",
);

export const ODI_MODERATE: Rule = {
  id: "ODI_MODERATE",
  severity: "moderate",
  regions: ["back"],
  link: "symptom",
  grade: "B",
  source: "Fairbank & Pynsent 2000 bands",
  evaluate(h, out) {
    eachSide(h, out, "odi_percent", ["none"], (p) => {
      if (!gte(p.value, 21)) return;
      out.fire({
        side: "none",
        inputs: [p],
        title: `Oswestry Disability Index ${formatValue(p.code, p.value)}`,
        threshold: "latest ≥ 21 %",
        explanation:
          `The Oswestry Disability Index is ${valueOn(p)}, at or above 21 %: moderate disability or worse ` +
          `from back pain (0-20 % minimal, 21-40 % moderate, 41-60 % severe; Fairbank & Pynsent 2000). ` +
          `${BACK_MEANING}: worth monitoring.`,
      });
    });
  },
};

export const ODI_RISING = risingRule(
  { id: "ODI_RISING", severity: "high", regions: ["back"], link: "symptom", grade: "B",
    source: "Ostelo 2008 (MCID 10 points)" },
  "odi_percent",
  10,
  () => "Oswestry Disability Index",
  "Back-related disability that is increasing during heel-pain care suggests the lower back is taking up load",
);

interface Decline {
  code: MeasureCode;
  amount: number;
  name: string;
}

const DECLINES: readonly Decline[] = [
  { code: "lefs_score", amount: 9, name: "LEFS" },
  { code: "faam_adl_percent", amount: 8, name: "FAAM-ADL" },
  { code: "gait_speed_mps", amount: 0.1, name: "gait speed" },
];

function evaluateDecline(h: History, out: RuleOutcome): void {
  const fell: { d: Decline; baseline: Point; latest: Point; drop: number }[] = [];
  const problems: Problem[] = [];
  for (const d of DECLINES) {
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
  // Any one measure falling is enough to fire; only when none fell do missing ones leave the
  // rule undecided.
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
    title: "Function declining since baseline",
    threshold: "LEFS fell ≥ 9 points, or FAAM-ADL fell ≥ 8 points, or gait speed fell ≥ 0.10 m/s (latest vs baseline)",
    explanation:
      `Function has declined since baseline: ${parts.join("; ")}. Each threshold is the smallest change ` +
      `that matters to patients (Binkley 1999; Martin 2005; Perera 2006). A loss of function during ` +
      `heel-pain care may mean the problem is spreading to the hip or back: worth monitoring.`,
    derived: Object.fromEntries(fell.map((f) => [`${f.d.code}_fall`, f.drop])),
  });
}

export const FUNCTION_DECLINE: Rule = {
  id: "FUNCTION_DECLINE",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "symptom",
  grade: "B",
  source: "Binkley 1999; Martin 2005; Perera 2006",
  evaluate: evaluateDecline,
};
