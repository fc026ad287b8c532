// Every flag must be readable without the code: its values with units and dates, the threshold,
// what it may mean for the hip or back, and "worth monitoring" (or a plain "Refer").

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { formatDate, formatValue } from "./format";
import { isMeasureCode } from "./measures";
import { RULES } from "./rules";
import { day, history, visit, type V } from "./test-helpers";
import type { Evaluation } from "./types";

const EARLIER: V[] = [
  ["pelvic_drop_deg", "left", 4],
  ["pain_hip_nprs", "left", 1],
  ["pain_back_nprs", "none", 1],
  ["odi_percent", "none", 10],
  ["lefs_score", "none", 60],
  ["faam_adl_percent", "none", 80],
  ["gait_speed_mps", "none", 1.2],
];
const LATEST: V[] = [
  ["ankle_df_nwb_ext_deg", "left", -2],
  ["ankle_df_nwb_flex_deg", "left", 12],
  ["ankle_df_nwb_ext_deg", "right", 6],
  ["ankle_df_wblt_cm", "left", 7],
  ["ankle_df_wblt_cm", "right", 11],
  ["fpi6_total", "left", 8],
  ["navicular_drop_mm", "left", 12],
  ["trendelenburg_hold_s", "left", 12],
  ["pelvic_drop_deg", "left", 7],
  ["thomas_hip_deg", "right", 5],
  ["leg_length_diff_mm", "right", 24],
  ["pain_hip_nprs", "left", 5],
  ["pain_back_nprs", "none", 5],
  ["odi_percent", "none", 30],
  ["lefs_score", "none", 45],
  ["faam_adl_percent", "none", 70],
  ["gait_speed_mps", "none", 1.05],
  ["body_mass_kg", "none", 95],
];

// Two patients between them fire every rule (HIP_ABD_ASYM and HIP_ABD_ASYM_HIGH exclude each other).
const withLowAsymmetry = evaluate(
  history(
    [
      visit(day(0), [...EARLIER, ["hip_abd_hhd_n", "left", 150], ["hip_abd_hhd_n", "right", 180]]),
      visit(day(60), [...LATEST, ["hip_abd_hhd_n", "left", 160], ["hip_abd_hhd_n", "right", 190]], ["rf_fever"]),
    ],
    170,
  ),
);
const withHighAsymmetry = evaluate(
  history([visit(day(0), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 200]])]),
);

const all = (e: Evaluation) => e.flags;
const flags = [...all(withLowAsymmetry), ...all(withHighAsymmetry)];

describe("explanations", () => {
  it("the two patients fire every rule of rules.md", () => {
    expect(new Set(flags.map((f) => f.id))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(flags.map((f) => [`${f.id} ${f.side}`, f] as const))("%s", (_name, f) => {
    expect(f.title.length).toBeGreaterThan(5);
    expect(f.threshold.length).toBeGreaterThan(2);
    expect(f.source.length).toBeGreaterThan(5);
    expect(f.explanation).not.toMatch(/undefined|NaN|null|\[object/);
    for (const input of f.inputs) {
      expect(f.explanation).toContain(formatDate(input.takenAt));
      if (isMeasureCode(input.code)) expect(f.explanation).toContain(formatValue(input.code, input.value));
    }
    if (f.id === "RED_FLAG") {
      expect(f.explanation).toMatch(/^Refer\./);
    } else {
      expect(f.explanation).toMatch(/worth monitoring/);
      expect(f.explanation).toMatch(/hip|back/);
      // Monitoring prompts, never diagnoses.
      expect(f.explanation).not.toMatch(/\bdiagnos/i);
    }
  });
});
