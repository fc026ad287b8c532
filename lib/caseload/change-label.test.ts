import { describe, expect, it } from "vitest";
import type { MeasureCode } from "@/lib/clinical/measures";
import type { TrendLabel } from "@/lib/clinical/types";
import { labelAgainst } from "./change-label";

describe("labelAgainst (rules.md v2 trend labels against a reference)", () => {
  // [code, reference, latest, label, direction]
  const table: [MeasureCode, number, number, TrendLabel, string][] = [
    // Pain: the error of a 0-10 rating is 2 points; ±1 is within error at any reference.
    ["pain_back_nprs", 1, 2, "within_error", "worse"],
    ["pain_back_nprs", 2, 1, "within_error", "better"],
    ["pain_heel_nprs", 0, 1, "within_error", "worse"],
    // Worse: important at +2, absolute.
    ["pain_hip_nprs", 1, 3, "important_change", "worse"],
    ["pain_hip_nprs", 8, 10, "important_change", "worse"],
    // Better: 2 points from a reference of 0-6, 3 points from 7-10 (⌈30 %⌉).
    ["pain_heel_nprs", 6, 4, "important_change", "better"],
    ["pain_heel_nprs", 7, 5, "real_change", "better"],
    ["pain_heel_nprs", 7, 4, "important_change", "better"],
    ["pain_first_step_nprs", 10, 8, "real_change", "better"],
    ["pain_first_step_nprs", 10, 7, "important_change", "better"],
    // A percentage MDC is taken of the reference: 15 % of 200 N = 30 N.
    ["hip_abd_hhd_n", 200, 175, "within_error", "worse"],
    ["hip_abd_hhd_n", 100, 85, "real_change", "worse"],
    // MCID without MDC: important at the MCID, otherwise unrated (never within_error).
    ["psfs_mean", 5, 6.9, "unrated", "better"],
    ["psfs_mean", 5, 7, "important_change", "better"],
    ["gait_speed_mps", 1.2, 1.1, "important_change", "worse"],
    ["gait_speed_mps", 1.2, 1.15, "unrated", "worse"],
    // MDC and MCID: real below the MCID, important at it.
    ["faam_sports_percent", 60, 72.3, "important_change", "better"],
    ["faam_adl_percent", 60, 66, "real_change", "better"],
    ["faam_adl_percent", 60, 65.6, "within_error", "better"],
    // Neither: unrated.
    ["waist_cm", 90, 100, "unrated", "none"],
  ];
  it.each(table)("%s %d → %d: %s, %s", (code, reference, latest, label, direction) => {
    const r = labelAgainst(code, reference, latest);
    expect(r.label).toBe(label);
    expect(r.direction).toBe(direction);
  });

  it("reports the delta and the MDC used, to the measure's step", () => {
    expect(labelAgainst("hip_abd_hhd_n", 200, 175)).toMatchObject({ delta: -25, mdc: 30 });
    expect(labelAgainst("faam_adl_percent", 60, 65.7)).toMatchObject({ delta: 5.7, mdc: 5.7, label: "real_change" });
  });
});
