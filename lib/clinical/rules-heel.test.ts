// Heel course and body mass rules of rules.md v2: HEEL_FUNCTION_DECLINE, BMI_HIGH (heel + back,
// systemic link). HEEL_PAIN_RISING is tabled with the other rising-pain rules (rules-symptom.test).

import { describe, expect, it } from "vitest";
import { evalOne, fired, flagsOf, notEvaluatedOf, series, visits } from "./test-helpers";
import type { MeasureCode } from "./measures";

describe("HEEL_FUNCTION_DECLINE: FAAM-ADL fell ≥ 8 or FAAM-Sports fell ≥ 9 (heel, foot link, A)", () => {
  const table: [MeasureCode, number, number, string][] = [
    ["faam_adl_percent", 70, 62.1, ""],
    ["faam_adl_percent", 70, 62, "none:moderate"],
    ["faam_adl_percent", 70, 61.9, "none:moderate"],
    ["faam_adl_percent", 70.3, 62.3, "none:moderate"], // exact in decimals
    ["faam_sports_percent", 60, 51.1, ""],
    ["faam_sports_percent", 60, 51, "none:moderate"],
    ["faam_sports_percent", 60, 50.9, "none:moderate"],
    ["faam_sports_percent", 50, 70, ""],
  ];
  it.each(table)("%s %s → %s: %s", (code, from, to, expected) => {
    const e = visits([[[code, "none", from]], [[code, "none", to]]]);
    expect(fired(e, "HEEL_FUNCTION_DECLINE")).toBe(expected);
    if (expected) {
      expect(flagsOf(e, "HEEL_FUNCTION_DECLINE")[0]).toMatchObject({ regions: ["heel"], link: "foot", grade: "A" });
      expect(e.regions.hip.level).toBe("none");
      expect(e.regions.heel.level).toBe("moderate");
    }
  });
  it("is not evaluated without two values of either subscale", () => {
    expect(notEvaluatedOf(series("faam_adl_percent", "none", [70]), "HEEL_FUNCTION_DECLINE")?.missing).toEqual([
      "faam_adl_percent:none",
      "faam_sports_percent:none",
    ]);
  });
});

describe("HEEL_PAIN_RISING names the heel on the foot link (grade A)", () => {
  it("moderate, heel only", () => {
    const e = series("pain_heel_nprs", "right", [2, 4, 4]);
    expect(flagsOf(e, "HEEL_PAIN_RISING")[0]).toMatchObject({ severity: "moderate", regions: ["heel"], link: "foot", grade: "A" });
    expect(e.regions).toMatchObject({ heel: { level: "moderate" }, hip: { level: "none" }, back: { level: "none" } });
  });

  it("a rise at the latest assessment only is not flagged, and notEvaluated says it waits for a second", () => {
    for (const values of [[2, 8], [2, 2, 8]]) {
      const e = series("pain_heel_nprs", "left", values);
      expect(flagsOf(e, "HEEL_PAIN_RISING")).toEqual([]);
      expect(notEvaluatedOf(e, "HEEL_PAIN_RISING")?.reason).toMatch(
        /^Heel pain \(left\) rose 6 points from the first rating \(.*\) at the latest assessment only \(.*\): a rise is flagged once two consecutive assessments show it/,
      );
    }
    expect(notEvaluatedOf(series("pain_heel_nprs", "left", [2, 3]), "HEEL_PAIN_RISING")?.reason).not.toMatch(/rose/);
  });
});

describe("BMI_HIGH: BMI ≥ 30.0 (low; heel and back; systemic link; grade B)", () => {
  // [mass kg, height cm, fires]; 170 cm: 30.0 × 2.89 = 86.7 kg
  const table: [number, number, boolean][] = [
    [86.6, 170, false], // 29.97: shown as 30.0 at one decimal, but below 30.0
    [86.7, 170, true], // exactly 30.0
    [86.8, 170, true],
    [75, 158.1, true], // 30.005
    [120, 200, true],
    [80, 180, false],
  ];
  it.each(table)("%s kg at %s cm → %s", (mass, height, fires) => {
    const e = evalOne([["body_mass_kg", "none", mass]], height);
    expect(fired(e, "BMI_HIGH")).toBe(fires ? "none:low" : "");
  });

  it("names heel and back on the systemic link; the back is not escalated by it", () => {
    const e = visits(
      [
        [["body_mass_kg", "none", 100], ["pain_back_nprs", "none", 3], ["thomas_hip_deg", "left", 5]],
        [["body_mass_kg", "none", 100], ["pain_back_nprs", "none", 3]],
      ],
      170,
    );
    const [f] = flagsOf(e, "BMI_HIGH");
    expect(f).toMatchObject({ side: "none", severity: "low", regions: ["heel", "back"], link: "systemic", grade: "B" });
    expect(e.regions.heel).toMatchObject({ level: "low", escalated: false, links: ["systemic"] });
    expect(e.regions.back).toMatchObject({ links: ["pelvis", "symptom", "systemic"], escalated: true, level: "moderate" });
    expect(f?.explanation).toMatch(/BMI of 34\.6/);
  });

  it("is not evaluated without height or body mass", () => {
    expect(notEvaluatedOf(evalOne([["body_mass_kg", "none", 100]]), "BMI_HIGH")?.missing).toEqual(["patient.heightCm"]);
    expect(notEvaluatedOf(evalOne([], 170), "BMI_HIGH")?.missing).toEqual(["body_mass_kg:none"]);
  });
});
