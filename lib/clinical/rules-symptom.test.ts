// Symptom rules, from rules.md: pain levels and rises, ODI, and function decline, including the
// decimal trap of gait speed (1.2 → 1.1 m/s is a fall of exactly 0.10 m/s).

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { MeasureCode, Side } from "./measures";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, visit } from "./test-helpers";
import type { RuleId } from "./types";

function series(code: MeasureCode, side: Side, values: number[]) {
  return evaluate(history(values.map((v, i) => visit(day(i * 14), [[code, side, v]]))));
}

describe("HIP_PAIN (latest ≥ 2, moderate, hip) and BACK_PAIN (latest ≥ 2, moderate, back)", () => {
  const table: [number, boolean][] = [
    [0, false],
    [1, false], // just outside
    [2, true], // at the threshold
    [3, true],
    [10, true],
  ];
  for (const side of ["left", "right"] as const) {
    it.each(table)(`${side} hip pain %s/10 → %s`, (value, fires) => {
      const e = evalOne([["pain_hip_nprs", side, value]]);
      expect(fired(e, "HIP_PAIN")).toBe(fires ? `${side}:moderate` : "");
    });
  }
  it.each(table)("back pain %s/10 → %s", (value, fires) => {
    const e = evalOne([["pain_back_nprs", "none", value]]);
    expect(fired(e, "BACK_PAIN")).toBe(fires ? "none:moderate" : "");
  });

  it("uses the latest value, not the worst", () => {
    expect(fired(series("pain_back_nprs", "none", [6, 1]), "BACK_PAIN")).toBe("");
    expect(fired(series("pain_hip_nprs", "left", [1, 2]), "HIP_PAIN")).toBe("left:moderate");
  });

  it("names the regions of each rule", () => {
    const e = evalOne([
      ["pain_hip_nprs", "left", 4],
      ["pain_back_nprs", "none", 4],
    ]);
    expect(flagsOf(e, "HIP_PAIN")[0]).toMatchObject({ regions: ["hip"], link: "symptom", grade: "B" });
    expect(flagsOf(e, "BACK_PAIN")[0]).toMatchObject({ side: "none", regions: ["back"], link: "symptom" });
    expect(flagsOf(e, "BACK_PAIN")[0]?.explanation).toContain("4/10");
  });
});

describe("*_RISING (latest − baseline ≥ MCID, high)", () => {
  // [rule, code, side, values oldest first, fires]
  const table: [RuleId, MeasureCode, Side, number[], boolean][] = [
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left", [1, 3], true], // at the threshold
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left", [1, 2], false], // just outside
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left", [1, 4], true], // just inside
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [0, 2], true],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [5, 3], false],
    ["HIP_PAIN_RISING", "pain_hip_nprs", "right", [2, 8, 3], false], // latest vs baseline
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [3, 5], true],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [3, 4], false],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [3, 6], true],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none", [6, 0], false],
    ["ODI_RISING", "odi_percent", "none", [10, 20], true], // at the threshold
    ["ODI_RISING", "odi_percent", "none", [10, 19], false],
    ["ODI_RISING", "odi_percent", "none", [10, 21], true],
    ["ODI_RISING", "odi_percent", "none", [30, 12, 39], false],
  ];
  it.each(table)("%s %s %s %j → %s", (id, code, side, values, fires) => {
    const e = series(code, side, values);
    expect(fired(e, id)).toBe(fires ? `${side}:high` : "");
  });

  it("shows baseline and latest with their dates", () => {
    const e = series("pain_hip_nprs", "right", [1, 2, 4]);
    const f = flagsOf(e, "HIP_PAIN_RISING")[0];
    expect(f?.inputs).toEqual([
      { code: "pain_hip_nprs", side: "right", value: 1, takenAt: "2026-01-01T09:30:00Z" },
      { code: "pain_hip_nprs", side: "right", value: 4, takenAt: "2026-01-29T09:30:00Z" },
    ]);
    expect(f?.explanation).toContain("1/10 (1 Jan 2026)");
    expect(f?.explanation).toContain("4/10 (29 Jan 2026)");
    expect(f?.explanation).toContain("3 points");
  });

  it.each([
    ["HIP_PAIN_RISING", "pain_hip_nprs", "left"],
    ["BACK_PAIN_RISING", "pain_back_nprs", "none"],
    ["ODI_RISING", "odi_percent", "none"],
  ] as [RuleId, MeasureCode, Side][])("%s with a single value is not evaluated", (id, code, side) => {
    const e = evalOne([[code, side, 9]]);
    expect(fired(e, id)).toBe("");
    expect(notEvaluatedOf(e, id)?.missing).toContain(`${code}:${side}`);
  });
});

describe("ODI_MODERATE (latest ≥ 21, moderate, back)", () => {
  it.each([
    [20, false], // just outside
    [21, true], // at the threshold
    [22, true],
    [0, false],
  ])("ODI %s %% → %s", (value, fires) => {
    const e = evalOne([["odi_percent", "none", value]]);
    expect(fired(e, "ODI_MODERATE")).toBe(fires ? "none:moderate" : "");
  });
});

describe("FUNCTION_DECLINE (LEFS fell ≥ 9, or FAAM-ADL fell ≥ 8, or gait speed fell ≥ 0.10 m/s)", () => {
  // [code, baseline, latest, fires]
  const table: [MeasureCode, number, number, boolean][] = [
    ["lefs_score", 60, 51, true], // at the threshold
    ["lefs_score", 60, 52, false], // just outside
    ["lefs_score", 60, 50, true], // just inside
    ["lefs_score", 50, 70, false], // improving
    ["faam_adl_percent", 70, 62, true],
    ["faam_adl_percent", 70, 62.1, false],
    ["faam_adl_percent", 70, 61.9, true],
    ["faam_adl_percent", 70.3, 62.3, true], // 8.0 with float-unfriendly decimals
    ["gait_speed_mps", 1.2, 1.1, true], // 0.10 exactly (1.2 − 1.1 in floats is 0.0999…)
    ["gait_speed_mps", 0.7, 0.6, true], // 0.10 again
    ["gait_speed_mps", 1.2, 1.11, false], // 0.09
    ["gait_speed_mps", 1.2, 1.09, true], // 0.11
    ["gait_speed_mps", 1.1, 1.2, false],
  ];
  it.each(table)("%s %s → %s: %s", (code, baseline, latest, fires) => {
    const e = series(code, "none", [baseline, latest]);
    expect(fired(e, "FUNCTION_DECLINE")).toBe(fires ? "none:moderate" : "");
  });

  it("fires when one measure fell even if the others are missing, and lists nothing as not evaluated", () => {
    const e = series("lefs_score", "none", [60, 40]);
    const f = flagsOf(e, "FUNCTION_DECLINE")[0];
    expect(f).toMatchObject({ side: "none", regions: ["hip", "back"], link: "symptom", grade: "B" });
    expect(f?.explanation).toContain("LEFS fell from 60/80 (1 Jan 2026) to 40/80 (15 Jan 2026)");
    expect(notEvaluatedOf(e, "FUNCTION_DECLINE")).toBeUndefined();
  });

  it("names the gait speed fall to two decimals", () => {
    const e = series("gait_speed_mps", "none", [1.2, 1.1]);
    expect(flagsOf(e, "FUNCTION_DECLINE")[0]?.explanation).toContain("a fall of 0.10 m/s");
  });

  it("when nothing fell, lists the measures that could not be compared", () => {
    const e = series("lefs_score", "none", [60, 61]);
    expect(notEvaluatedOf(e, "FUNCTION_DECLINE")?.missing).toEqual(["faam_adl_percent:none", "gait_speed_mps:none"]);
  });

  it("is not evaluated with none of the three measured twice", () => {
    const e = evalOne([["lefs_score", "none", 30]]);
    expect(notEvaluatedOf(e, "FUNCTION_DECLINE")?.missing).toEqual([
      "lefs_score:none",
      "faam_adl_percent:none",
      "gait_speed_mps:none",
    ]);
  });

  it("is evaluated (no flag, not listed) when all three were compared and none fell enough", () => {
    const e = evaluate(
      history([
        visit(day(0), [["lefs_score", "none", 60], ["faam_adl_percent", "none", 70], ["gait_speed_mps", "none", 1.2]]),
        visit(day(20), [["lefs_score", "none", 52], ["faam_adl_percent", "none", 62.1], ["gait_speed_mps", "none", 1.11]]),
      ]),
    );
    expect(fired(e, "FUNCTION_DECLINE")).toBe("");
    expect(notEvaluatedOf(e, "FUNCTION_DECLINE")).toBeUndefined();
  });
});
