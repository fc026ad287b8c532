// Foot and ankle links of the chain (rules.md): limited dorsiflexion, calf tightness, pronated
// foot posture, navicular drop, and BMI (load through the foot). Thresholds are written exactly
// as in rules.md; comparisons go through decimal.ts.

import { gt, gte, lt, lte, roundTo, subtract } from "./decimal";
import { formatDate, formatNear, formatNumber, formatValue, capitalise } from "./format";
import {
  at,
  BOTH_SIDES,
  eachSide,
  freshLatest,
  freshSameVisit,
  valueOn,
  type Problem,
  type Rule,
} from "./rule-kit";
import type { Side } from "./measures";

const RIDDLE = "Riddle et al. 2003, J Bone Joint Surg Am 85:872";
const CHAIN =
  "A stiff ankle makes the foot and knee compensate in walking (more pronation, earlier heel lift), " +
  "which can shift load up the chain to the hip and lower back";

function Side(side: Side): string {
  return capitalise(side);
}

export const DF_NWB_SEVERE: Rule = {
  id: "DF_NWB_SEVERE",
  severity: "high",
  regions: ["hip", "back"],
  link: "foot",
  grade: "A",
  source: `${RIDDLE} (≤0° vs >10°: OR 23.3)`,
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_nwb_ext_deg", BOTH_SIDES, (p) => {
      if (!lte(p.value, 0)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Severely limited ankle dorsiflexion (${p.side})`,
        threshold: "≤ 0° (knee extended)",
        explanation:
          `${Side(p.side)} ankle dorsiflexion with the knee extended is ${valueOn(p)}, at or below 0°. ` +
          `In people with plantar heel pain, dorsiflexion of 0° or less carried 23 times the odds of ` +
          `dorsiflexion above 10° (Riddle 2003). ${CHAIN}: worth monitoring, with calf and ankle mobility work.`,
      });
    });
  },
};

export const DF_NWB_LIMITED: Rule = {
  id: "DF_NWB_LIMITED",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "foot",
  grade: "A",
  source: `${RIDDLE} (>10° was the reference band)`,
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_nwb_ext_deg", BOTH_SIDES, (p) => {
      if (!(gt(p.value, 0) && lte(p.value, 10))) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Limited ankle dorsiflexion (${p.side})`,
        threshold: "> 0° and ≤ 10° (knee extended)",
        explanation:
          `${Side(p.side)} ankle dorsiflexion (knee extended) is ${valueOn(p)}, within the limited band ` +
          `of more than 0° up to 10° (typical is about 23 ± 6°). Riddle 2003 found higher odds of ` +
          `plantar heel pain below the reference band of more than 10°. ${CHAIN}: worth monitoring.`,
      });
    });
  },
};

export const DF_WBLT_LOW: Rule = {
  id: "DF_WBLT_LOW",
  severity: "low",
  regions: ["hip", "back"],
  link: "foot",
  grade: "H",
  source: "Hoch & McKeon 2011 (12 ± 2.8 cm)",
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_wblt_cm", BOTH_SIDES, (p) => {
      if (!lt(p.value, 9)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Short weight-bearing lunge (${p.side})`,
        threshold: "< 9.0 cm toe-to-wall",
        explanation:
          `${Side(p.side)} weight-bearing lunge test reaches ${formatValue(p.code, p.value)} toe-to-wall ` +
          `(${formatDate(p.takenAt)}), under 9.0 cm ` +
          `(typical 12 ± 2.8 cm). This points to limited ankle dorsiflexion under body weight. ` +
          `${CHAIN}: worth monitoring. The 9.0 cm cut-off is a clinical heuristic (grade H).`,
      });
    });
  },
};

export const DF_WBLT_ASYM: Rule = {
  id: "DF_WBLT_ASYM",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "foot",
  grade: "B",
  source: "Chisholm 2012 (MDC of side difference 1.5 cm)",
  evaluate(h, out) {
    const code = "ankle_df_wblt_cm";
    const pair = freshSameVisit(
      h,
      [{ code, side: "left" }, { code, side: "right" }],
      1,
      "left and right lunge test",
    );
    if (!pair.ok) return out.skip("none", pair.problems);
    const visit = pair.latest.visit;
    const l = at(pair.latest, 0);
    const r = at(pair.latest, 1);
    const diff = Math.abs(subtract(l.value, r.value, 1));
    if (!gt(diff, 1.5)) return;
    const high = gt(diff, 3.0);
    const limited = l.value < r.value ? "left" : "right";
    out.fire({
      side: limited,
      severity: high ? "high" : "moderate",
      inputs: [l, r],
      title: `Lunge test asymmetry, ${limited} more limited`,
      threshold: high ? "side difference > 3.0 cm (high)" : "side difference > 1.5 cm (moderate; high above 3.0 cm)",
      explanation:
        `On ${formatDate(visit.takenAt)} the weight-bearing lunge test reached ${formatValue(code, l.value)} ` +
        `on the left and ${formatValue(code, r.value)} on the right: a side difference of ` +
        `${formatNumber(diff, 1)} cm, more than ${high ? "3.0 cm" : "1.5 cm (the smallest side difference beyond measurement error)"}. ` +
        `The ${limited} ankle is the more limited. An asymmetric ankle gives an asymmetric gait and ` +
        `uneven pelvic loading, which may strain the hip and lower back: worth monitoring.`,
      derived: { differenceCm: diff },
    });
  },
};

export const CALF_GASTROC: Rule = {
  id: "CALF_GASTROC",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "foot",
  grade: "A",
  source: "Patel & DiGiovanni 2011; Nakale 2018 (OR 16.3)",
  evaluate(h, out) {
    const ext = "ankle_df_nwb_ext_deg";
    const flex = "ankle_df_nwb_flex_deg";
    for (const side of BOTH_SIDES) {
      const pair = freshSameVisit(
        h,
        [{ code: ext, side }, { code: flex, side }],
        1,
        `${side} dorsiflexion with knee extended and knee flexed`,
      );
      if (!pair.ok) {
        out.skip(side, pair.problems);
        continue;
      }
      const visit = pair.latest.visit;
      const e = at(pair.latest, 0);
      const f = at(pair.latest, 1);
      const gap = subtract(f.value, e.value, 1);
      if (!(lte(e.value, 0) && gte(gap, 13))) continue;
      out.fire({
        side,
        inputs: [e, f],
        title: `Calf (gastrocnemius) tightness pattern (${side})`,
        threshold: "knee extended ≤ 0° and knee flexed − knee extended ≥ 13°",
        explanation:
          `On ${formatDate(visit.takenAt)} ${side} ankle dorsiflexion was ${formatValue(ext, e.value)} with the knee ` +
          `extended (0° or less) and ${formatValue(flex, f.value)} with the knee bent: ${formatNumber(gap, 1)}° more, ` +
          `at least 13°. Much more range with the knee bent points to a tight gastrocnemius rather than a ` +
          `stiff ankle joint; calf tightness is strongly linked with plantar heel pain (Nakale 2018: OR 16.3) ` +
          `and changes gait mechanics up to the hip and back: worth monitoring. This is a low-reliability test; ` +
          `confirm it before acting on it.`,
        derived: { kneeFlexedMinusExtendedDeg: gap },
      });
    }
  },
};

export const FPI_PRONATED: Rule = {
  id: "FPI_PRONATED",
  severity: "moderate",
  regions: ["hip", "back"],
  link: "foot",
  grade: "A",
  source: "Redmond 2006 categories; Irving 2007 (FPI ≥ 4: OR 3.7 for heel pain)",
  evaluate(h, out) {
    eachSide(h, out, "fpi6_total", BOTH_SIDES, (p) => {
      if (!gte(p.value, 6)) return;
      const high = gte(p.value, 10);
      out.fire({
        side: p.side,
        severity: high ? "high" : "moderate",
        inputs: [p],
        title: `${high ? "Highly pronated" : "Pronated"} foot posture (${p.side})`,
        threshold: high ? "FPI-6 ≥ +10 (high)" : "FPI-6 ≥ +6 (moderate; high from +10)",
        explanation:
          `${Side(p.side)} Foot Posture Index is ${valueOn(p)}, at or above ${high ? "+10 (highly pronated)" : "+6 (pronated)"}; ` +
          `0 to +5 is normal. A pronated foot is linked with plantar heel pain (Irving 2007: FPI of +4 or more, ` +
          `OR 3.7) and turns the leg inward in stance, which may load the hip and lower back: worth monitoring.`,
      });
    });
  },
};

export const NAVICULAR_DROP: Rule = {
  id: "NAVICULAR_DROP",
  severity: "low",
  regions: ["hip", "back"],
  link: "foot",
  grade: "H",
  source: "Brody 1982; poor reliability",
  evaluate(h, out) {
    eachSide(h, out, "navicular_drop_mm", BOTH_SIDES, (p) => {
      if (!gt(p.value, 10)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Large navicular drop (${p.side})`,
        threshold: "> 10 mm",
        explanation:
          `${Side(p.side)} navicular drop is ${valueOn(p)}, more than 10 mm (under 10 mm is normal). The arch ` +
          `collapses more than usual under load, which may turn the leg inward and load the hip and lower back: ` +
          `worth monitoring. The test has poor reliability, so confirm a single reading before acting on it.`,
      });
    });
  },
};

export const BMI_HIGH: Rule = {
  id: "BMI_HIGH",
  severity: "low",
  regions: ["hip", "back"],
  link: "foot",
  grade: "A",
  source: "Riddle 2003 (BMI > 30: OR 5.6); Irving 2007",
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
    const bmi = p.value / (metres * metres);
    if (!gte(bmi, 30)) return;
    out.fire({
      side: "none",
      inputs: [p],
      title: "BMI 30 or above",
      threshold: "BMI ≥ 30.0",
      explanation:
        `Body mass ${valueOn(p)} with height ${formatNumber(heightCm, 1)} cm gives a BMI of ` +
        `${formatNear(bmi, 30)}, at or above 30.0. A BMI over 30 was linked with plantar heel pain ` +
        `(Riddle 2003: OR 5.6) and adds load at the foot, hip and lower back: worth monitoring.`,
      derived: { bmi: roundTo(bmi, 1), heightCm },
    });
  },
};
