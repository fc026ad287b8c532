// Pelvis rules of rules.md v2, table-driven: hip abductor asymmetry confirmed at the two most recent
// assessments measuring both sides, Trendelenburg with the pelvis-dropped answer, rising pelvic drop,
// tight hip flexors and leg length difference.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { asymmetryPercent } from "./rules-hip-strength";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, series, visit, visits, type V } from "./test-helpers";
import type { RuleId } from "./types";

const hhd = (left: number, right: number): V[] => [
  ["hip_abd_hhd_n", "left", left],
  ["hip_abd_hhd_n", "right", right],
];

describe("asymmetry = (stronger − weaker) / stronger × 100", () => {
  it.each([
    [100, 200, 50],
    [200, 100, 50],
    [150, 150, 0],
    [0, 0, 0],
  ])("%s N vs %s N → %s %%", (l, r, pct) => {
    expect(asymmetryPercent(l, r)).toBeCloseTo(pct, 9);
  });
});

describe("HIP_ABD_ASYM_HIGH (> 32.5 % at both, moderate, hip+back) and HIP_ABD_ASYM (20-32.5 %, low, hip)", () => {
  // [pairs oldest first (left N, right N), HIGH expected, ASYM expected]
  // 200 N stronger side: 32.5 % = 135 N; 20 % = 160 N.
  const table: [string, [number, number][], string, string][] = [
    ["one assessment above 32.5 %: not confirmed", [[100, 200]], "", ""],
    ["two above 32.5 %", [[100, 200], [134, 200]], "left:moderate", ""],
    ["exactly 32.5 % at the latest", [[100, 200], [135, 200]], "", "left:low"],
    ["just above 32.5 % at both", [[134.9, 200], [134.9, 200]], "left:moderate", ""],
    ["two in the 20-32.5 % band", [[150, 200], [159.9, 200]], "", "left:low"],
    ["exactly 20 % at one: not above 20 %", [[150, 200], [160, 200]], "", ""],
    ["20.05 % at both", [[159.9, 200], [159.9, 200]], "", "left:low"],
    ["one above 32.5 %, one in the band: the low rule", [[100, 200], [150, 200]], "", "left:low"],
    ["only the latest above 20 %", [[190, 200], [100, 200]], "", ""],
    ["right weaker", [[200, 120], [200, 125]], "right:moderate", ""],
    ["an old asymmetry followed by two symmetric visits", [[100, 200], [195, 200], [200, 198]], "", ""],
  ];
  it.each(table)("%s", (_name, pairs, high, low) => {
    const e = visits(pairs.map(([l, r]) => hhd(l, r)));
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe(high);
    expect(fired(e, "HIP_ABD_ASYM")).toBe(low);
  });

  it("skips assessments that measured one side only", () => {
    const e = evaluate(
      history([visit(day(0), hhd(100, 200)), visit(day(10), [["hip_abd_hhd_n", "left", 300]]), visit(day(20), hhd(100, 200))]),
    );
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe("left:moderate");
  });

  it("both assessments must be within 180 days of the latest assessment", () => {
    const e = evaluate(history([visit(day(0), hhd(100, 200)), visit(day(181), hhd(100, 200))]));
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe("");
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.skippedStale).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
  });

  it("is not evaluated with one both-side assessment, naming both inputs", () => {
    const n = notEvaluatedOf(evalOne(hhd(100, 200)), "HIP_ABD_ASYM_HIGH");
    expect(n?.missing).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
    expect(n?.reason).toMatch(/2 are needed/);
  });

  it("regions, link and grade per v2, and the population of Li 2025 in words", () => {
    const e = visits([hhd(100, 200), hhd(100, 200)]);
    const [f] = flagsOf(e, "HIP_ABD_ASYM_HIGH");
    expect(f).toMatchObject({ regions: ["hip", "back"], link: "pelvis", grade: "B" });
    expect(f?.explanation).toMatch(/healthy male amateur marathon runners/);
    const [g] = flagsOf(visits([hhd(150, 200), hhd(150, 200)]), "HIP_ABD_ASYM");
    expect(g).toMatchObject({ regions: ["hip"], link: "pelvis", grade: "H" });
  });
});

describe("TRENDELENBURG: hold < 30 s and pelvis dropped = 1 moderate; dropped not recorded low; dropped = 0 no flag", () => {
  const table: [V[], string][] = [
    [[["trendelenburg_hold_s", "left", 30], ["trendelenburg_pelvis_dropped", "left", 1]], ""],
    [[["trendelenburg_hold_s", "left", 29], ["trendelenburg_pelvis_dropped", "left", 1]], "left:moderate"],
    [[["trendelenburg_hold_s", "left", 29]], "left:low"],
    [[["trendelenburg_hold_s", "left", 29], ["trendelenburg_pelvis_dropped", "left", 0]], ""],
    [[["trendelenburg_hold_s", "right", 5], ["trendelenburg_pelvis_dropped", "right", 1], ["trendelenburg_pelvis_dropped", "left", 1]], "right:moderate"],
    [[["trendelenburg_hold_s", "right", 5], ["trendelenburg_pelvis_dropped", "left", 1]], "right:low"], // the other side's answer does not count
    [[["trendelenburg_hold_s", "left", 45], ["trendelenburg_pelvis_dropped", "left", 1]], ""],
  ];
  it.each(table)("%j → %s", (values, expected) => {
    expect(fired(evalOne(values), "TRENDELENBURG")).toBe(expected);
  });

  it("takes the pelvis answer from the same assessment as the hold", () => {
    const e = evaluate(
      history([
        visit(day(0), [["trendelenburg_hold_s", "left", 10], ["trendelenburg_pelvis_dropped", "left", 0]]),
        visit(day(10), [["trendelenburg_hold_s", "left", 12]]),
      ]),
    );
    expect(fired(e, "TRENDELENBURG")).toBe("left:low");
    expect(flagsOf(e, "TRENDELENBURG")[0]?.explanation).toMatch(/stop reason was not recorded/);
  });

  it("does not flag an old positive test once a later pelvis answer was recorded alone: not evaluated, saying why", () => {
    for (const later of [0, 1]) {
      const e = evaluate(
        history([
          visit(day(0), [["trendelenburg_hold_s", "left", 10], ["trendelenburg_pelvis_dropped", "left", 1]]),
          visit(day(30), [["trendelenburg_pelvis_dropped", "left", later]]),
          visit(day(60), [["pain_hip_nprs", "none", 2]]),
        ]),
      );
      expect(fired(e, "TRENDELENBURG")).toBe("");
      const skipped = e.notEvaluated.find((n) => n.id === "TRENDELENBURG");
      expect(skipped?.missing).toEqual(expect.arrayContaining(["trendelenburg_hold_s:left", "trendelenburg_pelvis_dropped:left"]));
      expect(skipped?.reason).toMatch(/pelvis dropped.*recorded alone.*out of date/i);
    }
  });

  it("names hip and back on the pelvis link, grade B", () => {
    const [f] = flagsOf(evalOne([["trendelenburg_hold_s", "left", 10], ["trendelenburg_pelvis_dropped", "left", 1]]), "TRENDELENBURG");
    expect(f).toMatchObject({ regions: ["hip", "back"], link: "pelvis", grade: "B", severity: "moderate" });
  });
});

describe("PELVIC_DROP_RISING (≥ 3.0° above baseline, low, hip), HIP_FLEXOR_TIGHT (> 0°, low, back), LEG_LENGTH (≥ 20 mm, moderate, hip+back)", () => {
  const table: [RuleId, V[][], string][] = [
    ["PELVIC_DROP_RISING", [[["pelvic_drop_deg", "left", 4]], [["pelvic_drop_deg", "left", 6.5]]], ""],
    ["PELVIC_DROP_RISING", [[["pelvic_drop_deg", "left", 4]], [["pelvic_drop_deg", "left", 7]]], "left:low"],
    ["PELVIC_DROP_RISING", [[["pelvic_drop_deg", "right", 4]], [["pelvic_drop_deg", "right", 7.5]]], "right:low"],
    ["PELVIC_DROP_RISING", [[["pelvic_drop_deg", "right", 8]], [["pelvic_drop_deg", "right", 4]]], ""],
    ["HIP_FLEXOR_TIGHT", [[["thomas_hip_deg", "left", 0]]], ""],
    ["HIP_FLEXOR_TIGHT", [[["thomas_hip_deg", "left", 1]]], "left:low"],
    ["HIP_FLEXOR_TIGHT", [[["thomas_hip_deg", "right", -1]]], ""],
    ["LEG_LENGTH", [[["leg_length_diff_mm", "left", 19]]], ""],
    ["LEG_LENGTH", [[["leg_length_diff_mm", "left", 20]]], "left:moderate"],
    ["LEG_LENGTH", [[["leg_length_diff_mm", "right", 21]]], "right:moderate"],
    ["LEG_LENGTH", [[["leg_length_diff_mm", "left", 25]], [["leg_length_diff_mm", "right", 5]]], ""], // most recent recording wins
  ];
  it.each(table)("%s %j → %s", (id, perVisit, expected) => {
    expect(fired(visits(perVisit), id)).toBe(expected);
  });

  it("regions and grades", () => {
    expect(flagsOf(series("pelvic_drop_deg", "left", [2, 6]), "PELVIC_DROP_RISING")[0]).toMatchObject({ regions: ["hip"], link: "pelvis", grade: "B" });
    expect(flagsOf(evalOne([["thomas_hip_deg", "left", 4]]), "HIP_FLEXOR_TIGHT")[0]).toMatchObject({ regions: ["back"], link: "pelvis", grade: "H" });
    expect(flagsOf(evalOne([["leg_length_diff_mm", "left", 25]]), "LEG_LENGTH")[0]).toMatchObject({ regions: ["hip", "back"], link: "pelvis", grade: "B" });
  });

  it("one pelvic drop value is not evaluated", () => {
    expect(notEvaluatedOf(series("pelvic_drop_deg", "left", [8]), "PELVIC_DROP_RISING")?.missing).toContain("pelvic_drop_deg:left");
  });
});
