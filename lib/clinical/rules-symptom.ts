// Symptom links (rules.md v2): hip or low-back symptoms already showing, as pain ratings,
// back-related disability, or a loss of function since baseline.

import { gte, subtract } from "./decimal";
import { formatAmount, formatValue } from "./format";
import {
  BOONSTRA,
  CHILDS_FARRAR,
  evaluateDecline,
  painLevelRule,
  painRisingRule,
} from "./rules-change";
import { eachSide, freshChange, valueOn, type Rule } from "./rule-kit";

const HIP_CONTEXT =
  "No study has followed people with plantar heel pain forward to later hip pain, so this is a " +
  "symptom to examine in its own right, not a finding explained by the heel.";
const BACK_CONTEXT =
  "Low-back pain is common in plantar heel pain: 74 % of people with plantar heel pain against 37 % of " +
  "controls in a cross-sectional study (Foot 2018); that is an association, not evidence that the heel " +
  "pain led to the back pain. Screening the lumbar spine is worth considering.";
const ODI_CAVEAT =
  "The Oswestry Disability Index asks about \"back (or leg) trouble\", so heel pain alone can raise it.";

export const HIP_PAIN = painLevelRule(
  { id: "HIP_PAIN", severity: "moderate", regions: ["hip"], link: "symptom", grade: "B", source: BOONSTRA },
  "pain_hip_nprs",
  (side) => `${side} hip pain`,
  HIP_CONTEXT,
);

export const HIP_PAIN_RISING = painRisingRule(
  { id: "HIP_PAIN_RISING", severity: "moderate", regions: ["hip"], link: "symptom", grade: "B", source: CHILDS_FARRAR },
  "pain_hip_nprs",
  (side) => `${side} hip pain`,
  HIP_CONTEXT,
);

export const BACK_PAIN = painLevelRule(
  {
    id: "BACK_PAIN", severity: "moderate", regions: ["back"], link: "symptom", grade: "B",
    source: `${BOONSTRA}; Foot et al. 2018 (low-back pain in 74 % with plantar heel pain vs 37 % of controls; cross-sectional)`,
  },
  "pain_back_nprs",
  () => "low-back pain",
  BACK_CONTEXT,
);

export const BACK_PAIN_RISING = painRisingRule(
  {
    id: "BACK_PAIN_RISING", severity: "moderate", regions: ["back"], link: "symptom", grade: "B",
    source: `${CHILDS_FARRAR}; Ostelo et al. 2008`,
  },
  "pain_back_nprs",
  () => "low-back pain",
  BACK_CONTEXT,
);

export const ODI_MODERATE: Rule = {
  id: "ODI_MODERATE",
  severity: "moderate",
  regions: ["back"],
  link: "symptom",
  grade: "B",
  source: "Fairbank & Pynsent 2000 (bands)",
  evaluate(h, out) {
    eachSide(h, out, "odi_percent", ["none"], (p) => {
      if (!gte(p.value, 21)) return;
      out.fire({
        side: "none",
        inputs: [p],
        title: `Oswestry Disability Index ${formatValue(p.code, p.value)}`,
        threshold: "latest 21 % or more",
        explanation:
          `The Oswestry Disability Index is ${valueOn(p)}, 21 % or more: moderate disability or worse on the ` +
          `bands of Fairbank & Pynsent 2000 for people with low-back pain (0-20 % minimal, 21-40 % moderate, ` +
          `41-60 % severe). ${ODI_CAVEAT}`,
      });
    });
  },
};

export const ODI_RISING: Rule = {
  id: "ODI_RISING",
  severity: "moderate",
  regions: ["back"],
  link: "symptom",
  grade: "B",
  source: "Ostelo et al. 2008 (minimal important change 10 points)",
  evaluate(h, out) {
    const code = "odi_percent";
    const f = freshChange(h, code, "none");
    if (!f.ok) return out.skip("none", [f.problem]);
    const { baseline, latest } = f.value;
    const rise = subtract(latest.value, baseline.value, 0);
    if (!gte(rise, 10)) return;
    const high = gte(latest.value, 41);
    out.fire({
      side: "none",
      severity: high ? "high" : "moderate",
      inputs: [baseline, latest],
      title: "Oswestry Disability Index rising since baseline",
      threshold: `latest at least 10 points above baseline${high ? "; latest 41 % or more (high)" : " (moderate; high when the latest is 41 % or more)"}`,
      explanation:
        `The Oswestry Disability Index rose from ${valueOn(baseline)} at baseline to ${valueOn(latest)}, ` +
        `${formatAmount(code, rise)}, at least 10 points: the smallest change people with low-back pain ` +
        `rated as important (Ostelo 2008)${high ? "; 41 % or more is severe disability (Fairbank & Pynsent 2000)" : ""}. ` +
        `${ODI_CAVEAT}`,
      derived: { change: rise },
    });
  },
};

export const FUNCTION_DECLINE: Rule = {
  id: "FUNCTION_DECLINE",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "symptom",
  grade: "B",
  source: "Binkley et al. 1999 (LEFS minimal important change 9 points); Perera et al. 2006 (0.10 m/s substantial change, older adults)",
  evaluate(h, out) {
    evaluateDecline(
      h,
      out,
      [
        { code: "lefs_score", amount: 9, name: "LEFS" },
        { code: "gait_speed_mps", amount: 0.1, name: "gait speed" },
      ],
      {
        title: "Lower-limb function declining since baseline",
        threshold: "LEFS fell 9 points or more, or gait speed fell 0.10 m/s or more (latest vs baseline)",
        context:
          "A LEFS fall of 9 points is the smallest change that mattered to people with lower-limb " +
          "musculoskeletal conditions (Binkley 1999), and a gait-speed fall of 0.10 m/s was a substantial " +
          "change in older adults (Perera 2006). Either goes with worse lower-limb function overall; it does " +
          "not tell whether the heel, the hip or the back accounts for it.",
      },
    );
  },
};
