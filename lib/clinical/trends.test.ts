// Trend labels (rules.md): Δ = latest − baseline against the MDC and MCID of measures.md, plateau
// over the last three values, and direction. Every expected value is worked out by hand.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { MeasureCode, Side } from "./measures";
import { day, history, visit } from "./test-helpers";
import { changeSincePrevious, mcidFor, mdcText } from "./trends";
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
    // No MDC, MCID 0.10 m/s: the MCID is never the error, so below it is "unrated"
    ["gait_speed_mps", "none", [1.2, 1.24], "unrated", "better", 0.04],
    ["gait_speed_mps", "none", [1.2, 1.29], "unrated", "better", 0.09],
    ["gait_speed_mps", "none", [1.2, 1.3], "important_change", "better", 0.1],
    ["gait_speed_mps", "none", [1.2, 1.1], "important_change", "worse", -0.1],
    ["gait_speed_mps", "none", [0.7, 0.6], "important_change", "worse", -0.1],
    // No MDC, MCID 2 (PSFS)
    ["psfs_mean", "none", [4, 5.9], "unrated", "better", 1.9],
    ["psfs_mean", "none", [4, 6], "important_change", "better", 2],
    ["psfs_mean", "none", [4, 2], "important_change", "worse", -2],
    // Pain ratings: MDC 2; worse important at +2; better important at max(2, ceil(30 % of reference))
    ["pain_back_nprs", "none", [2, 3], "within_error", "worse", 1], // +1 from a low baseline: never important
    ["pain_back_nprs", "none", [2, 1], "within_error", "better", -1],
    ["pain_hip_nprs", "left", [3, 2], "within_error", "better", -1],
    ["pain_hip_nprs", "right", [0, 1], "within_error", "worse", 1],
    ["pain_heel_nprs", "left", [1, 0], "within_error", "better", -1],
    ["pain_heel_nprs", "left", [0, 2], "important_change", "worse", 2],
    ["pain_heel_nprs", "left", [8, 10], "important_change", "worse", 2], // worse: absolute, never a %
    ["pain_back_nprs", "none", [5, 3], "important_change", "better", -2], // ceil(1.5) = 2
    ["pain_back_nprs", "none", [6, 4], "important_change", "better", -2], // ceil(1.8) = 2
    ["pain_back_nprs", "none", [7, 5], "real_change", "better", -2], // ceil(2.1) = 3
    ["pain_back_nprs", "none", [7, 4], "important_change", "better", -3],
    ["pain_heel_nprs", "right", [10, 8], "real_change", "better", -2], // ceil(3.0) = 3
    ["pain_heel_nprs", "right", [10, 7], "important_change", "better", -3],
    ["pain_first_step_nprs", "left", [8, 7], "within_error", "better", -1],
    ["pain_first_step_nprs", "left", [8, 5], "important_change", "better", -3],
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
    ["thomas_hip_deg", "left", [5, 0], "unrated", "better", -5], // no MDC published (v2)
    ["thomas_knee_deg", "right", [60, 78], "within_error", "better", 18], // MDC 19
    ["thomas_knee_deg", "right", [60, 79], "real_change", "better", 19],
    ["leg_length_diff_mm", "left", [20, 15], "real_change", "better", -5],
    ["navicular_drop_mm", "left", [8, 13.5], "within_error", "worse", 5.5], // MDC 6
    ["navicular_drop_mm", "left", [8, 14], "real_change", "worse", 6],
    ["pelvic_drop_deg", "right", [3, 5.5], "within_error", "worse", 2.5], // MDC 3
    ["pelvic_drop_deg", "right", [3, 6], "real_change", "worse", 3],
    // v2 codes: no direction for knee FPPA, waist and the load fields
    ["knee_fppa_deg", "left", [5, 13], "real_change", "none", 8], // MDC 8
    ["knee_fppa_deg", "left", [5, 12.5], "within_error", "none", 7.5],
    ["waist_cm", "none", [90, 100], "unrated", "none", 10],
    ["work_on_feet_h", "none", [8, 4], "unrated", "none", -4],
    ["activity_km_week", "none", [20, 40], "unrated", "none", 20],
    ["faam_sports_percent", "none", [50, 62.2], "within_error", "better", 12.2], // MDC 12.3, MCID 9
    ["faam_sports_percent", "none", [50, 62.3], "important_change", "better", 12.3],
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
      mdc: null,
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
    ["pain_back_nprs", "none", [5, 5, 6], true], // MDC 2
    ["pain_back_nprs", "none", [8, 5, 7], false], // spread 2 against MDC 2
    ["hip_abd_hhd_n", "right", [100, 150, 160, 164.9], true], // MDC 15 % of baseline 100
    ["hip_abd_hhd_n", "right", [100, 150, 160, 165], false],
    ["trendelenburg_hold_s", "left", [20, 20, 20], false], // unrated: no plateau claimed
    ["gait_speed_mps", "none", [1.0, 1.2, 1.22, 1.24], false], // no MDC: the MCID is never the error
  ];
  it.each(table)("%s %s %j → %s", (code, side, values, plateau) => {
    expect(trendFor(code, side, values)?.plateau).toBe(plateau);
  });
});

describe("MCID of pain (rules.md v2): worse +2; better max(2, ceil(30 % of the reference))", () => {
  it.each([
    [10, 3],
    [7, 3],
    [6, 2],
    [5, 2],
    [3, 2],
    [0, 2],
  ])("improvement from reference %s needs %s points", (reference, threshold) => {
    expect(mcidFor("pain_hip_nprs", reference, -1)).toBe(threshold);
  });
  it.each([0, 3, 7, 10])("worsening from reference %s needs 2 points", (reference) => {
    expect(mcidFor("pain_back_nprs", reference, 1)).toBe(2);
  });
});

describe("pain-free, measurement error text and the previous-visit reference", () => {
  it("reports a latest pain rating of 0 as pain-free", () => {
    expect(trendFor("pain_heel_nprs", "left", [4, 0])).toMatchObject({ painFree: true, label: "important_change" });
    expect(trendFor("pain_heel_nprs", "left", [4, 1])?.painFree).toBe(false);
    expect(trendFor("odi_percent", "none", [20, 0])?.painFree).toBe(false);
  });

  it("prints the MDC as given when its amount rounds to 0 at the measure's step", () => {
    expect(mdcText("hip_abd_hhd_n", 0.2)).toBe("15 % of the value");
    expect(mdcText("hip_abd_hhd_n", 200)).toBe("30.0 N (15 % of the value)");
    expect(mdcText("pain_back_nprs", 3)).toBe("2 points");
    expect(mdcText("gait_speed_mps", 1.2)).toBeNull();
  });

  it("judges the step since the previous visit against the previous value", () => {
    // baseline 8, previous 3, latest 2: from the baseline an important improvement, from the previous
    // value a 1-point step, within the error of 2 points.
    const t = trendFor("pain_back_nprs", "none", [8, 3, 2]);
    expect(t).toMatchObject({ label: "important_change", direction: "better", deltaFromPrevious: -1 });
    expect(changeSincePrevious(t!)).toMatchObject({ label: "within_error", delta: -1, reference: 3 });
    // hip strength: percentage MDC and percentage change both taken of the previous value (300 N → 45 N)
    const hhd = trendFor("hip_abd_hhd_n", "left", [100, 300, 340]);
    expect(hhd?.label).toBe("real_change"); // +240 N from 100 N: beyond the 15 N MDC, no MCID
    expect(changeSincePrevious(hhd!)).toMatchObject({ label: "within_error", mdc: 45, percentOfReference: 13.3 });
    // improvement from a previous value of 7 needs 3 points
    expect(changeSincePrevious({ code: "pain_hip_nprs", previous: 7, latest: 5 })).toMatchObject({
      label: "real_change",
      mcid: 3,
    });
  });
});
