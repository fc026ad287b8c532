// Symptom rules of rules.md v2, table-driven: pain levels confirmed at the two most recent
// assessments, pain rising at two consecutive assessments, ODI level and rise, function decline.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { day, fired, flagsOf, history, notEvaluatedOf, series, visit, visits } from "./test-helpers";
import type { MeasureCode, Side } from "./measures";
import type { RuleId } from "./types";

describe("HIP_PAIN / BACK_PAIN: latest ≥ 4 moderate; 2-3 at each of the two most recent assessments low", () => {
  // [rule, code, side, values oldest first, expected]
  const table: [RuleId, MeasureCode, Side, number[], string][] = [
    ["BACK_PAIN", "pain_back_nprs", "none", [1], ""],
    ["BACK_PAIN", "pain_back_nprs", "none", [2], ""], // one mild rating: not confirmed (not evaluated)
    ["BACK_PAIN", "pain_back_nprs", "none", [3], ""],
    ["BACK_PAIN", "pain_back_nprs", "none", [4], "none:moderate"],
    ["BACK_PAIN", "pain_back_nprs", "none", [10], "none:moderate"],
    ["BACK_PAIN", "pain_back_nprs", "none", [2, 2], "none:low"],
    ["BACK_PAIN", "pain_back_nprs", "none", [3, 2], "none:low"],
    ["BACK_PAIN", "pain_back_nprs", "none", [1, 3], ""],
    ["BACK_PAIN", "pain_back_nprs", "none", [2, 1], ""],
    ["BACK_PAIN", "pain_back_nprs", "none", [3, 3, 1], ""],
    ["BACK_PAIN", "pain_back_nprs", "none", [0, 2, 3], "none:low"],
    ["BACK_PAIN", "pain_back_nprs", "none", [5, 3], "none:low"], // previous above mild still confirms
    ["BACK_PAIN", "pain_back_nprs", "none", [1, 4], "none:moderate"],
    ["HIP_PAIN", "pain_hip_nprs", "left", [3], ""],
    ["HIP_PAIN", "pain_hip_nprs", "left", [2, 3], "left:low"],
    ["HIP_PAIN", "pain_hip_nprs", "left", [1, 2], ""],
    ["HIP_PAIN", "pain_hip_nprs", "right", [4], "right:moderate"],
    ["HIP_PAIN", "pain_hip_nprs", "right", [3, 4], "right:moderate"],
  ];
  it.each(table)("%s %s %s %j → %s", (id, code, side, values, expected) => {
    expect(fired(series(code, side, values), id)).toBe(expected);
  });

  it("a single mild rating is listed as not evaluated, naming the input", () => {
    const e = series("pain_back_nprs", "none", [3]);
    const n = notEvaluatedOf(e, "BACK_PAIN");
    expect(n?.missing).toEqual(["pain_back_nprs:none"]);
    expect(n?.reason).toMatch(/recorded only once/);
  });

  it("the earlier mild rating must be within 180 days of the latest assessment", () => {
    const e = evaluate(history([visit(day(0), [["pain_hip_nprs", "left", 3]]), visit(day(181), [["pain_hip_nprs", "left", 3]])]));
    expect(fired(e, "HIP_PAIN")).toBe("");
    expect(notEvaluatedOf(e, "HIP_PAIN")?.skippedStale).toEqual(["pain_hip_nprs:left"]);
    const ok = evaluate(history([visit(day(0), [["pain_hip_nprs", "left", 3]]), visit(day(180), [["pain_hip_nprs", "left", 3]])]));
    expect(fired(ok, "HIP_PAIN")).toBe("left:low");
  });

  it("names the hip only / the back only, symptom link, grade B", () => {
    expect(flagsOf(series("pain_hip_nprs", "left", [5]), "HIP_PAIN")[0]).toMatchObject({ regions: ["hip"], link: "symptom", grade: "B" });
    expect(flagsOf(series("pain_back_nprs", "none", [5]), "BACK_PAIN")[0]).toMatchObject({ regions: ["back"], link: "symptom", grade: "B" });
  });
});

describe("*_RISING: latest − baseline ≥ 2 and previous − baseline ≥ 2; high when latest ≥ 6", () => {
  const table: [RuleId, MeasureCode, Side, number[], string][] = [
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [1, 3], ""], // one rise: not two consecutive
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [1, 3, 3], "none:moderate"],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [1, 2, 3], ""], // previous only +1
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [1, 3, 2], ""], // latest only +1
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [1, 5, 3], "none:moderate"],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [3, 5, 5], "none:moderate"],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [3, 5, 6], "none:high"],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [0, 8, 1, 3, 4], "none:moderate"], // only the last two count
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left", [0, 2, 2], "left:moderate"],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left", [0, 1, 2], ""],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [2, 4, 6], "right:high"],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [2, 4, 5], "right:moderate"],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [5, 3, 3], ""],
    ["HEEL_PAIN_RISING", "pain_heel_nprs", "left", [3, 5, 5], "left:moderate"],
    ["HEEL_PAIN_RISING", "pain_heel_nprs", "left", [3, 5, 6], "left:high"],
    ["HEEL_PAIN_RISING", "pain_heel_nprs", "right", [3, 4, 5], ""],
    ["HEEL_PAIN_RISING", "pain_heel_nprs", "right", [3, 6], ""],
  ];
  it.each(table)("%s %s %s %j → %s", (id, code, side, values, expected) => {
    expect(fired(series(code, side, values), id)).toBe(expected);
  });

  it("one value is not evaluated; the old baseline may be stale, the previous value may not", () => {
    expect(notEvaluatedOf(series("pain_back_nprs", "none", [4]), "BACK_PAIN_RISING")?.missing).toEqual(["pain_back_nprs:none"]);
    const stalePrevious = evaluate(
      history([
        visit(day(0), [["pain_back_nprs", "none", 1]]),
        visit(day(10), [["pain_back_nprs", "none", 4]]),
        visit(day(200), [["pain_back_nprs", "none", 4]]),
      ]),
    );
    expect(fired(stalePrevious, "BACK_PAIN_RISING")).toBe("");
    expect(notEvaluatedOf(stalePrevious, "BACK_PAIN_RISING")?.skippedStale).toEqual(["pain_back_nprs:none"]);
    const oldBaseline = evaluate(
      history([
        visit(day(0), [["pain_back_nprs", "none", 1]]),
        visit(day(200), [["pain_back_nprs", "none", 4]]),
        visit(day(220), [["pain_back_nprs", "none", 4]]),
      ]),
    );
    expect(fired(oldBaseline, "BACK_PAIN_RISING")).toBe("none:moderate");
  });

  it("names baseline, previous and latest with their dates", () => {
    const [f] = flagsOf(series("pain_hip_nprs", "left", [1, 3, 4]), "HIP_PAIN_RISING");
    expect(f?.inputs.map((i) => i.value)).toEqual([1, 3, 4]);
    expect(f?.explanation).toContain("1/10 (1 Jan 2026) at baseline, then 3/10 (15 Jan 2026) and 4/10 (29 Jan 2026)");
    expect(f).toMatchObject({ regions: ["hip"], link: "symptom", grade: "B" });
  });
});

describe("ODI_MODERATE (≥ 21 moderate) and ODI_RISING (≥ 10 above baseline; high when latest ≥ 41)", () => {
  const table: [RuleId, number[], string][] = [
    ["ODI_MODERATE", [20], ""],
    ["ODI_MODERATE", [21], "none:moderate"],
    ["ODI_MODERATE", [22], "none:moderate"],
    ["ODI_RISING", [10, 19], ""],
    ["ODI_RISING", [10, 20], "none:moderate"],
    ["ODI_RISING", [30, 40], "none:moderate"],
    ["ODI_RISING", [31, 41], "none:high"],
    ["ODI_RISING", [30, 40, 41], "none:high"],
    ["ODI_RISING", [40, 50, 45], ""], // 5 above baseline
  ];
  it.each(table)("%s %j → %s", (id, values, expected) => {
    expect(fired(series("odi_percent", "none", values), id)).toBe(expected);
  });
  it("says heel pain can raise the ODI", () => {
    const [f] = flagsOf(series("odi_percent", "none", [30]), "ODI_MODERATE");
    expect(f?.explanation).toMatch(/back \(or leg\) trouble/);
  });
});

describe("FUNCTION_DECLINE: LEFS fell ≥ 9 or gait speed fell ≥ 0.10 m/s (hip and back, moderate)", () => {
  const table: [MeasureCode, number, number, string][] = [
    ["lefs_score", 60, 52, ""],
    ["lefs_score", 60, 51, "none:moderate"],
    ["lefs_score", 60, 50, "none:moderate"],
    ["gait_speed_mps", 1.2, 1.11, ""],
    ["gait_speed_mps", 1.2, 1.1, "none:moderate"],
    ["gait_speed_mps", 1.2, 1.09, "none:moderate"],
    ["faam_adl_percent", 70, 50, ""], // FAAM is a heel measure in v2
  ];
  it.each(table)("%s %s → %s: %s", (code, from, to, expected) => {
    const e = visits([[[code, "none", from]], [[code, "none", to]]]);
    expect(fired(e, "FUNCTION_DECLINE")).toBe(expected);
    if (expected) expect(flagsOf(e, "FUNCTION_DECLINE")[0]).toMatchObject({ regions: ["hip", "back"], link: "symptom", grade: "B" });
  });
  it("is not evaluated when neither LEFS nor gait speed was measured twice", () => {
    expect(notEvaluatedOf(series("faam_adl_percent", "none", [70, 50]), "FUNCTION_DECLINE")?.missing).toEqual([
      "lefs_score:none",
      "gait_speed_mps:none",
    ]);
  });
});
