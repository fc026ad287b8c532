// Heel-pain drivers at the foot and ankle (rules.md v2): limited dorsiflexion, calf tightness,
// pronated foot posture and navicular drop. Each is a pattern associated with *having* plantar
// heel pain, so each names the heel region only: none of them is evidence about the hip or back.
// Thresholds are written exactly as in rules.md; comparisons go through decimal.ts.

import { gt, gte, lt, lte, subtract } from "./decimal";
import { capitalise, formatDate, formatNumber, formatValue } from "./format";
import { at, BOTH_SIDES, eachSide, freshSameVisit, valueOn, type Rule } from "./rule-kit";

const RIDDLE = "Riddle et al. 2003, J Bone Joint Surg Am 85:872";
/** Said by every heel-driver flag: what the association is and what it is not. */
const HEEL_ONLY =
  "This is an association with having heel pain, not evidence about the hip or lower back.";

export const DF_NWB_SEVERE: Rule = {
  id: "DF_NWB_SEVERE",
  severity: "moderate",
  regions: ["heel"],
  link: "foot",
  grade: "A",
  source: `${RIDDLE} (dorsiflexion ≤ 0° vs > 10°: odds ratio 23.3, 95 % CI 4.3-124.4; case-control)`,
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_nwb_ext_deg", BOTH_SIDES, (p) => {
      if (!lte(p.value, 0)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Severely limited ankle dorsiflexion (${p.side})`,
        threshold: "0° or less (knee extended)",
        explanation:
          `${capitalise(p.side)} ankle dorsiflexion with the knee extended is ${valueOn(p)}, at or below 0° ` +
          `(typical is about 23 ± 6°). In a case-control study of adults, people with dorsiflexion of 0° or ` +
          `less had 23.3 times the odds of having plantar fasciitis of people above 10° (Riddle 2003; ` +
          `95 % CI 4.3-124.4). ${HEEL_ONLY}`,
      });
    });
  },
};

export const DF_NWB_LIMITED: Rule = {
  id: "DF_NWB_LIMITED",
  severity: "low",
  regions: ["heel"],
  link: "foot",
  grade: "B",
  source: `${RIDDLE} (> 10° was the reference band); contested by Irving 2007 and Landorf 2021`,
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_nwb_ext_deg", BOTH_SIDES, (p) => {
      if (!(gt(p.value, 0) && lte(p.value, 10))) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Limited ankle dorsiflexion (${p.side})`,
        threshold: "above 0° and up to 10° (knee extended)",
        explanation:
          `${capitalise(p.side)} ankle dorsiflexion (knee extended) is ${valueOn(p)}, within the limited band ` +
          `of more than 0° up to 10° (typical is about 23 ± 6°). In a case-control study of adults, ` +
          `dorsiflexion below the reference band of more than 10° went with higher odds of having plantar ` +
          `fasciitis (Riddle 2003). The finding is contested: Irving 2007 found more lunge dorsiflexion in ` +
          `people with heel pain, and Landorf 2021 found no difference once body mass was matched. ${HEEL_ONLY}`,
      });
    });
  },
};

export const DF_WBLT_LOW: Rule = {
  id: "DF_WBLT_LOW",
  severity: "low",
  regions: ["heel"],
  link: "foot",
  grade: "H",
  source: "Hoch & McKeon 2011 (12 ± 2.8 cm in healthy adults)",
  evaluate(h, out) {
    eachSide(h, out, "ankle_df_wblt_cm", BOTH_SIDES, (p) => {
      if (!lt(p.value, 9)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Short weight-bearing lunge (${p.side})`,
        threshold: "under 9.0 cm toe-to-wall",
        explanation:
          `${capitalise(p.side)} weight-bearing lunge test reaches ${formatValue(p.code, p.value)} toe-to-wall ` +
          `(${formatDate(p.takenAt)}), under 9.0 cm; healthy adults reach about 12 ± 2.8 cm (Hoch & McKeon ` +
          `2011). Limited dorsiflexion under body weight is a pattern seen with plantar heel pain; the ` +
          `9.0 cm cut-off is a clinical heuristic without a validating study (grade H). ${HEEL_ONLY}`,
      });
    });
  },
};

export const DF_WBLT_ASYM: Rule = {
  id: "DF_WBLT_ASYM",
  severity: "low",
  regions: ["heel"],
  link: "foot",
  grade: "B",
  source: "Chisholm et al. 2012 (side differences beyond 1.5 cm exceed error; about a third of healthy adults exceed 1.5 cm)",
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
    if (!gt(diff, 3.0)) return;
    const limited = l.value < r.value ? "left" : "right";
    out.fire({
      side: limited,
      inputs: [l, r],
      title: `Lunge test side difference, ${limited} more limited`,
      threshold: "left-right difference above 3.0 cm (same assessment)",
      explanation:
        `On ${formatDate(visit.takenAt)} the weight-bearing lunge test reached ${formatValue(code, l.value)} on ` +
        `the left and ${formatValue(code, r.value)} on the right: a side difference of ` +
        `${formatNumber(diff, 1)} cm, more than 3.0 cm, with the ${limited} ankle more limited. In healthy adults ` +
        `a side difference beyond 1.5 cm exceeds measurement error, yet about a third of them show one ` +
        `(Chisholm 2012), so only a difference above 3.0 cm is flagged. ${HEEL_ONLY}`,
      derived: { differenceCm: diff },
    });
  },
};

export const CALF_GASTROC: Rule = {
  id: "CALF_GASTROC",
  severity: "moderate",
  regions: ["heel"],
  link: "foot",
  grade: "A",
  source: "Nakale et al. 2018 (isolated gastrocnemius tightness in 80 % with plantar fasciitis vs 20 %, odds ratio 16.3); Patel & DiGiovanni 2011",
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
        threshold: "knee extended 0° or less, and knee flexed at least 13° more than knee extended",
        explanation:
          `On ${formatDate(visit.takenAt)} ${side} ankle dorsiflexion was ${formatValue(ext, e.value)} with the ` +
          `knee extended (0° or less) and ${formatValue(flex, f.value)} with the knee bent: ` +
          `${formatNumber(gap, 1)}° more, at least 13°. This pattern points to isolated gastrocnemius ` +
          `tightness, which was found in 80 % of people with plantar fasciitis against 20 % of people ` +
          `without it (Nakale 2018, odds ratio 16.3). It is a low-reliability test: confirm it before ` +
          `acting on it. ${HEEL_ONLY}`,
        derived: { kneeFlexedMinusExtendedDeg: gap },
      });
    }
  },
};

export const FPI_PRONATED: Rule = {
  id: "FPI_PRONATED",
  severity: "low",
  regions: ["heel"],
  link: "foot",
  grade: "A",
  source:
    "Irving et al. 2007, BMC Musculoskelet Disord 8:41 (FPI ≥ +4: odds ratio 3.7, 1.6-8.7, for chronic plantar heel pain; case-control); Redmond 2006 categories",
  evaluate(h, out) {
    eachSide(h, out, "fpi6_total", BOTH_SIDES, (p) => {
      if (!gte(p.value, 6)) return;
      const high = gte(p.value, 10);
      out.fire({
        side: p.side,
        severity: high ? "moderate" : "low",
        inputs: [p],
        title: `${high ? "Highly pronated" : "Pronated"} foot posture (${p.side})`,
        threshold: high ? "Foot Posture Index +10 or more (moderate)" : "Foot Posture Index +6 to +9 (low; moderate from +10)",
        explanation:
          `${capitalise(p.side)} Foot Posture Index is ${valueOn(p)}: ` +
          `${high ? "+10 or more, highly pronated" : "+6 to +9, pronated"} (0 to +5 is normal; Redmond 2006 ` +
          `categories). In a case-control study of adults, a Foot Posture Index of +4 or more went with ` +
          `chronic plantar heel pain (Irving 2007, odds ratio 3.7, 95 % CI 1.6-8.7). ${HEEL_ONLY}`,
      });
    });
  },
};

export const NAVICULAR_DROP: Rule = {
  id: "NAVICULAR_DROP",
  severity: "low",
  regions: ["heel"],
  link: "foot",
  grade: "H",
  source: "Brody 1982 (above 15 mm abnormal); poor reliability (kappa about 0.4)",
  evaluate(h, out) {
    eachSide(h, out, "navicular_drop_mm", BOTH_SIDES, (p) => {
      if (!gt(p.value, 15)) return;
      out.fire({
        side: p.side,
        inputs: [p],
        title: `Large navicular drop (${p.side})`,
        threshold: "above 15 mm",
        explanation:
          `${capitalise(p.side)} navicular drop is ${valueOn(p)}, more than 15 mm, the level Brody 1982 called ` +
          `abnormal (under 10 mm is normal). A large drop is a foot-posture pattern clinicians associate ` +
          `with plantar heel pain, without a validating study (grade H). The test has poor reliability ` +
          `(kappa about 0.4) and its measurement error is about 6 mm, so confirm a single reading before ` +
          `acting on it. ${HEEL_ONLY}`,
      });
    });
  },
};
