// The course of the heel pain itself and body mass (rules.md v2): heel function falling, heel
// pain rising, and BMI 30 or more (the one systemic link, naming the heel and the back).

import { gte } from "./decimal";
import { formatNear, formatNumber } from "./format";
import { CHILDS_FARRAR, evaluateDecline, painRisingRule } from "./rules-change";
import { freshLatest, valueOn, type Problem, type Rule } from "./rule-kit";
import { roundTo } from "./decimal";

export const HEEL_FUNCTION_DECLINE: Rule = {
  id: "HEEL_FUNCTION_DECLINE",
  severity: "moderate",
  regions: ["heel"],
  link: "foot",
  grade: "A",
  source: "Martin et al. 2005 (FAAM minimal important change: ADL 8 points, Sports 9 points)",
  evaluate(h, out) {
    evaluateDecline(
      h,
      out,
      [
        { code: "faam_adl_percent", amount: 8, name: "FAAM-ADL" },
        { code: "faam_sports_percent", amount: 9, name: "FAAM-Sports" },
      ],
      {
        title: "Foot and ankle function declining since baseline",
        threshold: "FAAM-ADL fell 8 points or more, or FAAM-Sports fell 9 points or more (latest vs baseline)",
        context:
          "These are the smallest changes people with foot and ankle conditions rated as important " +
          "(Martin 2005): the heel pain's course is getting worse on the patient's own report.",
      },
    );
  },
};

export const HEEL_PAIN_RISING = painRisingRule(
  { id: "HEEL_PAIN_RISING", severity: "moderate", regions: ["heel"], link: "foot", grade: "A", source: CHILDS_FARRAR },
  "pain_heel_nprs",
  (side) => `${side} heel pain`,
  "Rising heel pain during care is worth reviewing against the treatment plan.",
);

export const BMI_HIGH: Rule = {
  id: "BMI_HIGH",
  severity: "low",
  regions: ["heel", "back"],
  link: "systemic",
  grade: "B",
  source:
    "Riddle et al. 2003 (BMI > 30 vs ≤ 25: odds ratio 5.6 for plantar fasciitis); Irving et al. 2007 (odds ratio 2.9); Shiri et al. 2010 (obesity and incident low-back pain: odds ratio 1.53)",
  evaluate(h, out) {
    const mass = freshLatest(h, "body_mass_kg", "none");
    const problems: Problem[] = [];
    if (!mass.ok) problems.push(mass.problem);
    const heightCm = h.heightCm ?? undefined;
    if (heightCm === undefined) {
      problems.push({ key: "patient.heightCm", stale: false, reason: "patient height not recorded" });
    }
    if (!mass.ok || heightCm === undefined) return out.skip("none", problems);
    const p = mass.value;
    const metres = heightCm / 100;
    // Compared unrounded (to 9 decimals, against float noise): 29.96 is below 30.0, 30.0 fires.
    const bmi = p.value / (metres * metres);
    if (!gte(bmi, 30)) return;
    out.fire({
      side: "none",
      inputs: [p],
      title: "BMI 30 or above",
      threshold: "BMI 30.0 or more",
      explanation:
        `Body mass ${valueOn(p)} with height ${formatNumber(heightCm, 1)} cm gives a BMI of ` +
        `${formatNear(bmi, 30)}, 30.0 or more. In case-control studies of adults, a BMI above 30 went with ` +
        `higher odds of having plantar fasciitis (Riddle 2003: odds ratio 5.6 against a BMI of 25 or less; ` +
        `Irving 2007: 2.9), and in a meta-analysis obesity went with new low-back pain (Shiri 2010: odds ` +
        `ratio 1.53). These are associations in general adult populations.`,
      derived: { bmi: roundTo(bmi, 1), heightCm },
    });
  },
};
