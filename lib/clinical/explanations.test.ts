// Every flag must be readable without the code (rules.md v2): its values with units and dates, the
// threshold, an association stated with its population and outcome, no causal wording, and no rule
// id in any text a person reads (ids stay in the JSON fields).

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { formatDate, formatValue } from "./format";
import { isMeasureCode } from "./measures";
import { RULES } from "./rules";
import { day, history, visit, type V } from "./test-helpers";
import type { Evaluation } from "./types";

const FIRST: V[] = [
  ["pelvic_drop_deg", "left", 4],
  ["pain_hip_nprs", "left", 1],
  ["pain_back_nprs", "none", 1],
  ["pain_heel_nprs", "right", 2],
  ["odi_percent", "none", 10],
  ["lefs_score", "none", 60],
  ["faam_adl_percent", "none", 80],
  ["faam_sports_percent", "none", 70],
  ["gait_speed_mps", "none", 1.2],
  ["hip_abd_hhd_n", "left", 150],
  ["hip_abd_hhd_n", "right", 200],
];
const SECOND: V[] = [
  ["pain_hip_nprs", "left", 3],
  ["pain_back_nprs", "none", 3],
  ["pain_heel_nprs", "right", 4],
  ["hip_abd_hhd_n", "left", 155],
  ["hip_abd_hhd_n", "right", 200],
];
const LATEST: V[] = [
  ["ankle_df_nwb_ext_deg", "left", -2],
  ["ankle_df_nwb_flex_deg", "left", 12],
  ["ankle_df_nwb_ext_deg", "right", 6],
  ["ankle_df_wblt_cm", "left", 7],
  ["ankle_df_wblt_cm", "right", 11],
  ["fpi6_total", "left", 8],
  ["navicular_drop_mm", "left", 17],
  ["trendelenburg_hold_s", "left", 12],
  ["trendelenburg_pelvis_dropped", "left", 1],
  ["trendelenburg_hold_s", "right", 20],
  ["pelvic_drop_deg", "left", 7],
  ["thomas_hip_deg", "right", 5],
  ["leg_length_diff_mm", "right", 24],
  ["pain_hip_nprs", "left", 5],
  ["pain_back_nprs", "none", 6],
  ["pain_heel_nprs", "right", 6],
  ["odi_percent", "none", 30],
  ["lefs_score", "none", 45],
  ["faam_adl_percent", "none", 70],
  ["faam_sports_percent", "none", 55],
  ["gait_speed_mps", "none", 1.05],
  ["body_mass_kg", "none", 95],
];

// Three patients between them fire every rule (the two hip-asymmetry rules and the two red-flag
// rules exclude each other).
const patients: Evaluation[] = [
  evaluate(history([visit(day(0), FIRST), visit(day(30), SECOND), visit(day(60), LATEST, ["rf_fever", "rf_night_pain"])], 170)),
  evaluate(
    history([
      visit(day(0), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 200]]),
      visit(day(20), [["hip_abd_hhd_n", "left", 110], ["hip_abd_hhd_n", "right", 200]], ["rf_inflammatory_signs", "rf_heel_neuro_symptoms"]),
    ]),
  ),
];
const flags = patients.flatMap((e) => e.flags);

const RULE_ID = new RegExp(`\\b(${RULES.map((r) => r.id).join("|")})\\b`);
const CAUSAL = /\bmakes?\b|shifts? load|is spreading|climbs? the chain|taking up load|\bcaus(e|es|ed|ing)\b|\bleads? to\b/i;

describe("explanations (rules.md v2)", () => {
  it("the patients fire every rule of rules.md", () => {
    expect(new Set(flags.map((f) => f.id))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(flags.map((f) => [`${f.id} ${f.side}`, f] as const))("%s", (_name, f) => {
    expect(f.title.length).toBeGreaterThan(5);
    expect(f.threshold.length).toBeGreaterThan(2);
    expect(f.source.length).toBeGreaterThan(5);
    expect(f.explanation).not.toMatch(/undefined|NaN|null|\[object/);
    for (const input of f.inputs) {
      expect(f.explanation).toContain(formatDate(input.takenAt));
      if (isMeasureCode(input.code) && input.code !== "trendelenburg_pelvis_dropped") {
        expect(f.explanation).toContain(formatValue(input.code, input.value));
      }
    }
    for (const text of [f.title, f.threshold, f.explanation]) {
      expect(text).not.toMatch(RULE_ID);
      expect(text).not.toMatch(CAUSAL);
      expect(text).not.toMatch(/\bdiagnos/i);
    }
    // An association with its population (or a stated heuristic / reference band).
    expect(f.explanation).toMatch(/people|adults|runners|controls|study|studies|heuristic|screening/i);
  });

  it("region escalation reasons carry no rule id and no causal wording", () => {
    for (const e of patients) {
      for (const r of Object.values(e.regions)) {
        if (r.reason) {
          expect(r.reason).not.toMatch(RULE_ID);
          expect(r.reason).not.toMatch(CAUSAL);
        }
      }
      for (const n of e.notEvaluated) expect(n.reason).not.toMatch(RULE_ID);
    }
  });
});
