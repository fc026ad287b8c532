// The catalog against clinical/measures.md, row by row (copied by hand from the table).

import { describe, expect, it } from "vitest";
import { MEASURE_CODES, MEASURES, RED_FLAG_CODES, RED_FLAGS, type MeasureCode } from "./measures";

// [code, sides, min, max, step, MDC, MCID points, direction]
const ROWS: [MeasureCode, "bilateral" | "none", number, number, number, number | string | null, number | null, string][] = [
  ["ankle_df_wblt_cm", "bilateral", 0, 25, 0.1, 1.9, null, "higher_better"],
  ["ankle_df_wblt_deg", "bilateral", 0, 70, 0.5, 4.7, null, "higher_better"],
  ["ankle_df_nwb_ext_deg", "bilateral", -30, 45, 0.5, 5, null, "higher_better"],
  ["ankle_df_nwb_flex_deg", "bilateral", -30, 60, 0.5, 5, null, "higher_better"],
  ["fpi6_total", "bilateral", -12, 12, 1, 2, null, "toward_range"],
  ["navicular_drop_mm", "bilateral", 0, 30, 0.5, 6, null, "lower_better"],
  ["hip_abd_hhd_n", "bilateral", 0, 1000, 0.1, "15%", null, "higher_better"],
  ["trendelenburg_hold_s", "bilateral", 0, 60, 1, null, null, "higher_better"],
  ["pelvic_drop_deg", "bilateral", 0, 25, 0.5, 3, null, "lower_better"],
  ["thomas_hip_deg", "bilateral", -40, 40, 1, null, null, "lower_better"],
  ["thomas_knee_deg", "bilateral", 0, 140, 1, 19, null, "higher_better"],
  ["leg_length_diff_mm", "bilateral", 0, 100, 1, 5, null, "lower_better"],
  ["pain_heel_nprs", "bilateral", 0, 10, 1, 2, 2, "lower_better"],
  ["pain_first_step_nprs", "bilateral", 0, 10, 1, 2, 2, "lower_better"],
  ["pain_hip_nprs", "bilateral", 0, 10, 1, 2, 2, "lower_better"],
  ["pain_back_nprs", "none", 0, 10, 1, 2, 2, "lower_better"],
  ["odi_percent", "none", 0, 100, 1, 10, 10, "lower_better"],
  ["lefs_score", "none", 0, 80, 1, 9, 9, "higher_better"],
  ["faam_adl_percent", "none", 0, 100, 0.1, 5.7, 8, "higher_better"],
  ["faam_sports_percent", "none", 0, 100, 0.1, 12.3, 9, "higher_better"],
  ["psfs_mean", "none", 0, 10, 0.1, null, 2, "higher_better"],
  ["gait_speed_mps", "none", 0, 3, 0.01, null, 0.1, "higher_better"],
  ["cadence_spm", "none", 0, 250, 1, null, null, "none"],
  ["body_mass_kg", "none", 2, 400, 0.1, null, null, "none"],
  ["trendelenburg_pelvis_dropped", "bilateral", 0, 1, 1, null, null, "none"],
  ["knee_fppa_deg", "bilateral", -30, 60, 0.5, 8, null, "none"],
  ["waist_cm", "none", 40, 250, 0.5, null, null, "none"],
  ["work_on_feet_h", "none", 0, 16, 0.5, null, null, "none"],
  ["activity_km_week", "none", 0, 400, 1, null, null, "none"],
];

describe("measures catalog matches measures.md", () => {
  it("has exactly the codes of the table, in its order", () => {
    expect([...MEASURE_CODES]).toEqual(ROWS.map((r) => r[0]));
    expect(Object.keys(MEASURES)).toEqual(ROWS.map((r) => r[0]));
  });

  it.each(ROWS)("%s", (code, sides, min, max, step, mdc, mcid, direction) => {
    const m = MEASURES[code];
    expect(m.code).toBe(code);
    expect({ sides: m.sides, min: m.min, max: m.max, step: m.step, direction: m.direction }).toEqual({
      sides, min, max, step, direction,
    });
    if (mdc === "15%") expect(m.mdc).toEqual({ percentOfBaseline: 15 });
    else expect(m.mdc ?? null).toBe(mdc);
    expect(m.mcid?.points ?? null).toBe(mcid);
    expect(m.label.length).toBeGreaterThan(3);
    expect(m.ucum.length).toBeGreaterThan(0);
  });

  it("pain ratings: MDC 2 points, MCID 2 points and 30 % of the reference for an improvement", () => {
    for (const code of ["pain_heel_nprs", "pain_first_step_nprs", "pain_hip_nprs", "pain_back_nprs"] as const) {
      expect(MEASURES[code].mdc).toBe(2);
      expect(MEASURES[code].mcid).toEqual({ points: 2, improvementPercentOfReference: 30 });
    }
  });

  it("lists the eleven red-flag codes with labels and their tiers (rules.md v2)", () => {
    expect(RED_FLAGS.map((f) => [f.code, f.tier])).toEqual([
      ["rf_cauda_equina", "emergency"],
      ["rf_unexplained_weight_loss", "urgent"],
      ["rf_night_pain", "review"],
      ["rf_fever", "urgent"],
      ["rf_trauma", "urgent"],
      ["rf_cancer_history", "review"],
      ["rf_progressive_neuro_deficit", "emergency"],
      ["rf_heel_neuro_symptoms", "review"],
      ["rf_inflammatory_signs", "review"],
      ["rf_calcaneal_fracture_suspected", "urgent"],
      ["rf_fascia_rupture_suspected", "urgent"],
    ]);
    expect(RED_FLAGS.map((f) => f.code)).toEqual([...RED_FLAG_CODES]);
    for (const f of RED_FLAGS) expect(f.label.length).toBeGreaterThan(3);
  });
});
