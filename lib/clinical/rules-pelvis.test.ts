// Hip and pelvis rules, from rules.md, with hand-computed asymmetries and changes.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { asymmetryPercent } from "./rules-pelvis";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, visit, type V } from "./test-helpers";

const SIDES = ["left", "right"] as const;
const hhd = (left: number, right: number): V[] => [
  ["hip_abd_hhd_n", "left", left],
  ["hip_abd_hhd_n", "right", right],
];

describe("asymmetry = (stronger − weaker) / stronger × 100", () => {
  it.each([
    [200, 135, 32.5],
    [135, 200, 32.5],
    [100, 90, 10],
    [100, 0, 100],
    [0, 0, 0],
    [150, 150, 0],
  ])("L %s N, R %s N → %s %%", (l, r, pct) => {
    expect(asymmetryPercent(l, r)).toBeCloseTo(pct, 9);
  });
});

describe("HIP_ABD_ASYM_HIGH (asymmetry > 32.5 %, same assessment, high)", () => {
  // [left N, right N, asymmetry by hand, expected]
  const table: [number, number, string, string][] = [
    [200, 135, "32.5", ""], // at the threshold
    [200, 134.9, "32.55", "right:high"], // just inside; the weaker side carries the flag
    [134.9, 200, "32.55", "left:high"],
    [200, 135.1, "32.45", ""], // just outside
    [100, 0, "100", "right:high"],
    [0, 0, "0", ""],
    [150, 150, "0", ""],
  ];
  it.each(table)("L %s N, R %s N (%s %%) → %s", (l, r, _pct, expected) => {
    const e = evalOne(hhd(l, r));
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe(expected);
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")).toBeUndefined();
  });

  it("explains values, dates, the weaker side and the threshold", () => {
    const e = evalOne(hhd(150, 250));
    const f = flagsOf(e, "HIP_ABD_ASYM_HIGH")[0];
    expect(f).toMatchObject({ side: "left", regions: ["hip", "back"], link: "pelvis", grade: "A" });
    expect(f?.derived?.asymmetryPercent).toBe(40);
    expect(f?.explanation).toContain("150 N");
    expect(f?.explanation).toContain("250 N");
    expect(f?.explanation).toContain("40.0 %");
    expect(f?.explanation).toContain("32.5 %");
    expect(f?.explanation).toContain("1 Jan 2026");
  });

  it("uses the most recent assessment that measured both sides", () => {
    const e = evaluate(
      history([
        visit(day(0), hhd(100, 200)),
        visit(day(20), hhd(190, 200)),
        visit(day(40), [["hip_abd_hhd_n", "left", 50]]),
      ]),
    );
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe("");
  });

  it("is not evaluated when the sides were never measured together", () => {
    const e = evaluate(
      history([visit(day(0), [["hip_abd_hhd_n", "left", 100]]), visit(day(1), [["hip_abd_hhd_n", "right", 200]])]),
    );
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.missing).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
  });

  it("is not evaluated with no strength values at all (contract example)", () => {
    const e = evalOne([]);
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.missing).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
  });
});

describe("HIP_ABD_ASYM (10 % < asymmetry ≤ 32.5 % in each of the two most recent both-side assessments, low)", () => {
  // [pairs oldest first, expected HIP_ABD_ASYM, expected HIP_ABD_ASYM_HIGH]
  const table: [string, [number, number][], string, string][] = [
    ["10 % then 20 %: lower bound not included", [[100, 90], [100, 80]], "", ""],
    ["10.1 % twice: just inside", [[100, 89.9], [100, 89.9]], "right:low", ""],
    ["20 % then 32.5 %: upper bound included", [[100, 80], [100, 67.5]], "right:low", ""],
    ["20 % then 32.6 %: latest is high instead", [[100, 80], [100, 67.4]], "", "right:high"],
    ["32.6 % then 20 %: earlier outside the band", [[100, 67.4], [100, 80]], "", ""],
    ["20 % then 9.9 %: latest outside the band", [[100, 80], [100, 90.1]], "", ""],
    ["left weaker then right weaker: the latest's weaker side", [[80, 100], [100, 80]], "right:low", ""],
    ["only the two most recent count", [[100, 100], [100, 80], [85, 100]], "left:low", ""],
    ["a middle visit outside the band breaks it", [[100, 80], [100, 100], [100, 80]], "", ""],
  ];
  it.each(table)("%s", (_name, pairs, low, high) => {
    const e = evaluate(history(pairs.map(([l, r], i) => visit(day(i * 14), hhd(l, r)))));
    expect(fired(e, "HIP_ABD_ASYM")).toBe(low);
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe(high);
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM")).toBeUndefined();
  });

  it("skips assessments that measured one side only", () => {
    const e = evaluate(
      history([
        visit(day(0), hhd(100, 80)),
        visit(day(10), [["hip_abd_hhd_n", "left", 300]]),
        visit(day(20), hhd(100, 85)),
      ]),
    );
    expect(fired(e, "HIP_ABD_ASYM")).toBe("right:low");
    expect(flagsOf(e, "HIP_ABD_ASYM")[0]?.inputs.map((i) => i.value)).toEqual([100, 80, 100, 85]);
  });

  it("is not evaluated with only one both-side assessment (two-visit rule)", () => {
    const e = evalOne(hhd(100, 80));
    expect(fired(e, "HIP_ABD_ASYM")).toBe("");
    const ne = notEvaluatedOf(e, "HIP_ABD_ASYM");
    expect(ne?.missing).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
    expect(ne?.reason).toMatch(/only 1 assessment/);
  });
});

describe("TRENDELENBURG (< 30 s, moderate)", () => {
  const table: [number, boolean][] = [
    [0, true],
    [29, true], // just inside
    [30, false], // at the threshold
    [31, false],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %s s → %s`, (value, fires) => {
      const e = evalOne([["trendelenburg_hold_s", side, value]]);
      expect(fired(e, "TRENDELENBURG")).toBe(fires ? `${side}:moderate` : "");
    });
  }
});

describe("PELVIC_DROP_RISING (latest − baseline ≥ 2.0°, low, hip only)", () => {
  // [values oldest first, fires]
  const table: [number[], boolean][] = [
    [[4, 6], true], // at the threshold
    [[4, 5.5], false], // just outside
    [[4, 6.5], true], // just inside
    [[6, 4], false], // falling
    [[4, 10, 5.5], false], // latest vs baseline, not the peak
    [[4, 3, 6], true],
    [[0.5, 2.5], true],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %j → %s`, (values, fires) => {
      const e = evaluate(history(values.map((v, i) => visit(day(i * 10), [["pelvic_drop_deg", side, v]]))));
      expect(fired(e, "PELVIC_DROP_RISING")).toBe(fires ? `${side}:low` : "");
      if (fires) expect(flagsOf(e, "PELVIC_DROP_RISING")[0]?.regions).toEqual(["hip"]);
    });
  }

  it("needs two values: one value is not evaluated", () => {
    const e = evalOne([["pelvic_drop_deg", "left", 8]]);
    const ne = notEvaluatedOf(e, "PELVIC_DROP_RISING");
    expect(ne?.missing).toEqual(["pelvic_drop_deg:left", "pelvic_drop_deg:right"]);
    expect(ne?.reason).toMatch(/recorded only once/);
  });
});

describe("HIP_FLEXOR_TIGHT (thigh > 0°, low, back only)", () => {
  const table: [number, boolean][] = [
    [-1, false],
    [0, false], // at the threshold
    [1, true], // just inside
    [40, true],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %s° → %s`, (value, fires) => {
      const e = evalOne([["thomas_hip_deg", side, value]]);
      expect(fired(e, "HIP_FLEXOR_TIGHT")).toBe(fires ? `${side}:low` : "");
      if (fires) expect(flagsOf(e, "HIP_FLEXOR_TIGHT")[0]?.regions).toEqual(["back"]);
    });
  }
});

describe("LEG_LENGTH (≥ 20 mm on the shorter side, moderate)", () => {
  const table: [number, boolean][] = [
    [19, false], // just outside
    [20, true], // at the threshold
    [21, true],
    [0, false],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} shorter by %s mm → %s`, (value, fires) => {
      const e = evalOne([["leg_length_diff_mm", side, value]]);
      expect(fired(e, "LEG_LENGTH")).toBe(fires ? `${side}:moderate` : "");
      // Only the shorter side is recorded: the other side is not "missing".
      expect(notEvaluatedOf(e, "LEG_LENGTH")).toBeUndefined();
    });
  }

  it("reads the most recent recording, whichever side it names", () => {
    const e = evaluate(
      history([
        visit(day(0), [["leg_length_diff_mm", "left", 25]]),
        visit(day(30), [["leg_length_diff_mm", "right", 5]]),
      ]),
    );
    expect(fired(e, "LEG_LENGTH")).toBe("");
  });

  it("is not evaluated when never recorded", () => {
    const e = evalOne([]);
    expect(notEvaluatedOf(e, "LEG_LENGTH")?.missing).toEqual(["leg_length_diff_mm:left", "leg_length_diff_mm:right"]);
  });
});
