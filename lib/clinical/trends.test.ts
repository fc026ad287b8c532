// Trend labels (rules.md): Δ = latest − baseline against the MDC and MCID of measures.md, plateau
// over the last three values, and direction. Every expected value is worked out by hand.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { MeasureCode, Side } from "./measures";
import { day, history, visit } from "./test-helpers";
import { mcidFor } from "./trends";
import type { Trend } from "./types";

function trendFor(code: MeasureCode, side: Side, values: number[]): Trend | undefined {
  const e = evaluate(history(values.map((v, i) => visit(day(i * 14), [[code, side, v]]))));
  return e.trends.find((t) => t.code === code && t.side === side);
}

describe("labels: within_error, real_change, important_change, unrated", () => {
  // [code, side, values, label, direction, delta]
  const table: [MeasureCode, Side, number[], Trend["label"], Trend["direction"], number][] = [
    // MDC 1.9 cm, no MCID, higher is better
    ["ankle_df_wblt_cm", "left", [10, 11.8], "within_error", "better", 1.8],
    ["ankle_df_wblt_cm", "left", [10, 11.9], "real_change", "better", 1.9], // at the MDC
    ["ankle_df_wblt_cm", "right", [10, 8.1], "real_change", "worse", -1.9],
    ["ankle_df_wblt_cm", "right", [10, 8.2], "within_error", "worse", -1.8],
    ["ankle_df_wblt_cm", "right", [10, 10], "within_error", "same", 0],
    // MDC 0.05 m/s, MCID 0.10 m/s
    ["gait_speed_mps", "none", [1.2, 1.24], "within_error", "better", 0.04],
    ["gait_speed_mps", "none", [1.2, 1.25], "real_change", "better", 0.05],
    ["gait_speed_mps", "none", [1.2, 1.29], "real_change", "better", 0.09],
    ["gait_speed_mps", "none", [1.2, 1.3], "important_change", "better", 0.1],
    ["gait_speed_mps", "none", [1.2, 1.1], "important_change", "worse", -0.1],
    ["gait_speed_mps", "none", [0.7, 0.6], "important_change", "worse", -0.1],
    // Pain: no MDC, MCID "2 points or 30 % of baseline" serves as both
    ["pain_back_nprs", "none", [8, 7], "within_error", "better", -1], // threshold min(2, 2.4) = 2
    ["pain_back_nprs", "none", [8, 6], "important_change", "better", -2],
    ["pain_back_nprs", "none", [5, 4], "within_error", "better", -1], // threshold min(2, 1.5) = 1.5
    ["pain_back_nprs", "none", [5, 3], "important_change", "better", -2],
    ["pain_hip_nprs", "left", [3, 2], "important_change", "better", -1], // threshold 0.9: 33 % fall
    ["pain_hip_nprs", "right", [0, 1], "within_error", "worse", 1], // baseline 0: points only
    ["pain_heel_nprs", "left", [0, 2], "important_change", "worse", 2],
    ["pain_heel_nprs", "right", [10, 8], "important_change", "better", -2],
    // MDC 15 % of the baseline value, no MCID
    ["hip_abd_hhd_n", "left", [200, 229.9], "within_error", "better", 29.9], // MDC 30 N
    ["hip_abd_hhd_n", "left", [200, 230], "real_change", "better", 30],
    ["hip_abd_hhd_n", "right", [200, 170], "real_change", "worse", -30],
    ["hip_abd_hhd_n", "right", [200, 170.1], "within_error", "worse", -29.9],
    ["hip_abd_hhd_n", "right", [100, 115], "real_change", "better", 15], // 0.15 × 100 in floats
    // MDC 10 = MCID 10
    ["odi_percent", "none", [30, 21], "within_error", "better", -9],
    ["odi_percent", "none", [30, 20], "important_change", "better", -10],
    ["odi_percent", "none", [30, 40], "important_change", "worse", 10],
    // MDC 5.7, MCID 8
    ["faam_adl_percent", "none", [70, 75.6], "within_error", "better", 5.6],
    ["faam_adl_percent", "none", [70, 75.7], "real_change", "better", 5.7],
    ["faam_adl_percent", "none", [70, 77.9], "real_change", "better", 7.9],
    ["faam_adl_percent", "none", [70, 78], "important_change", "better", 8],
    // MDC 9 = MCID 9
    ["lefs_score", "none", [50, 58], "within_error", "better", 8],
    ["lefs_score", "none", [50, 59], "important_change", "better", 9],
    ["lefs_score", "none", [50, 41], "important_change", "worse", -9],
    // neither MDC nor MCID
    ["trendelenburg_hold_s", "left", [20, 40], "unrated", "better", 20],
    ["cadence_spm", "none", [100, 120], "unrated", "none", 20],
    ["body_mass_kg", "none", [80, 75.5], "unrated", "none", -4.5],
    // lower is better
    ["thomas_hip_deg", "left", [5, 0], "real_change", "better", -5],
    ["thomas_hip_deg", "left", [5, 1], "within_error", "better", -4],
    ["thomas_knee_deg", "right", [60, 67], "real_change", "better", 7],
    ["leg_length_diff_mm", "left", [20, 15], "real_change", "better", -5],
    ["navicular_drop_mm", "left", [8, 11], "real_change", "worse", 3],
    ["pelvic_drop_deg", "right", [3, 4.5], "within_error", "worse", 1.5],
    ["ankle_df_nwb_ext_deg", "left", [0, 5], "real_change", "better", 5],
    ["ankle_df_nwb_flex_deg", "left", [10, 5.5], "within_error", "worse", -4.5],
    ["ankle_df_wblt_deg", "right", [30, 34.5], "within_error", "better", 4.5],
    // FPI: better when it moves toward 0..+5 (MDC 2)
    ["fpi6_total", "left", [8, 6], "real_change", "better", -2],
    ["fpi6_total", "left", [-3, 2], "real_change", "better", 5],
    ["fpi6_total", "left", [2, 4], "real_change", "same", 2], // inside the normal band both times
    ["fpi6_total", "right", [4, 7], "real_change", "worse", 3],
    ["fpi6_total", "right", [-1, 1], "real_change", "better", 2],
    ["fpi6_total", "right", [6, -2], "real_change", "worse", -8], // no MCID: never "important"
  ];

  it.each(table)("%s %s %j → %s, %s, Δ %s", (code, side, values, label, direction, delta) => {
    const t = trendFor(code, side, values);
    expect(t).toMatchObject({ code, side, label, direction, delta, plateau: false });
  });
});

describe("fields: baseline, previous, latest and both deltas", () => {
  it("reports Δ from baseline and from the previous value, exact in decimals", () => {
    const t = trendFor("gait_speed_mps", "none", [1.2, 1.5, 1.1]);
    expect(t).toMatchObject({
      baseline: 1.2,
      previous: 1.5,
      latest: 1.1,
      delta: -0.1,
      deltaFromPrevious: -0.4,
      label: "important_change",
      direction: "worse",
      count: 3,
      baselineTakenAt: "2026-01-01T09:30:00Z",
      previousTakenAt: "2026-01-15T09:30:00Z",
      latestTakenAt: "2026-01-29T09:30:00Z",
      mdc: 0.05,
      mcid: 0.1,
    });
  });

  it("appears only for a code and side with two or more values", () => {
    const e = evaluate(
      history([
        visit(day(0), [["lefs_score", "none", 50], ["pain_hip_nprs", "left", 3]]),
        visit(day(7), [["lefs_score", "none", 52], ["pain_hip_nprs", "right", 3]]),
      ]),
    );
    expect(e.trends.map((t) => `${t.code}:${t.side}`)).toEqual(["lefs_score:none"]);
  });

  it("marks a change of method between values", () => {
    const e = evaluate(
      history([
        { takenAt: day(0), measures: [{ code: "hip_abd_hhd_n", side: "left", value: 200, method: "supine HHD" }], redFlags: [] },
        { takenAt: day(7), measures: [{ code: "hip_abd_hhd_n", side: "left", value: 210, method: "side-lying HHD" }], redFlags: [] },
      ]),
    );
    expect(e.trends[0]?.methodChanged).toBe(true);
  });
});

describe("plateau: the last three values lie within one MDC of each other", () => {
  // [code, side, values, plateau]
  const table: [MeasureCode, Side, number[], boolean][] = [
    ["ankle_df_wblt_cm", "left", [8, 10, 11, 11.8], true], // spread 1.8 < 1.9
    ["ankle_df_wblt_cm", "left", [8, 10, 11, 11.9], false], // spread 1.9: not within
    ["ankle_df_wblt_cm", "left", [10, 11], false], // two values
    ["ankle_df_wblt_cm", "left", [11, 11, 11], true],
    ["pain_back_nprs", "none", [5, 5, 6], true], // MCID serves as MDC: 1.5 from baseline 5
    ["pain_back_nprs", "none", [8, 5, 7], false], // spread 2 against MCID 2
    ["hip_abd_hhd_n", "right", [100, 150, 160, 164.9], true], // MDC 15 % of baseline 100
    ["hip_abd_hhd_n", "right", [100, 150, 160, 165], false],
    ["trendelenburg_hold_s", "left", [20, 20, 20], false], // unrated: no plateau claimed
    ["gait_speed_mps", "none", [1.0, 1.2, 1.22, 1.24], true], // spread 0.04 < 0.05
    ["gait_speed_mps", "none", [1.0, 1.2, 1.22, 1.25], false],
  ];
  it.each(table)("%s %s %j → %s", (code, side, values, plateau) => {
    expect(trendFor(code, side, values)?.plateau).toBe(plateau);
  });
});

describe("MCID of pain: 2 points or 30 % of baseline, whichever is reached first", () => {
  it.each([
    [10, 2],
    [8, 2],
    [6, 1.8],
    [5, 1.5],
    [3, 0.9],
    [1, 0.3],
    [0, 2],
  ])("baseline %s → %s", (baseline, threshold) => {
    expect(mcidFor("pain_hip_nprs", baseline)).toBeCloseTo(threshold, 9);
  });
});
