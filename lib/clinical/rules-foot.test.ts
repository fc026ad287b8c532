// Foot and ankle rules, from rules.md: each threshold at, just inside and just outside, each side.
// Expected values are written by hand from the rule table.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, visit } from "./test-helpers";

const SIDES = ["left", "right"] as const;

describe("DF_NWB_SEVERE (≤ 0°, high) and DF_NWB_LIMITED (> 0° and ≤ 10°, moderate)", () => {
  // [knee-extended dorsiflexion, expected SEVERE, expected LIMITED]
  const table: [number, boolean, boolean][] = [
    [-30, true, false],
    [-0.5, true, false], // just inside severe
    [0, true, false], // at the severe threshold
    [0.5, false, true], // just outside severe, just inside limited
    [4, false, true],
    [9.5, false, true],
    [10, false, true], // at the limited threshold
    [10.5, false, false], // just outside limited
    [45, false, false],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %s° → severe %s, limited %s`, (value, severe, limited) => {
      const e = evalOne([["ankle_df_nwb_ext_deg", side, value]]);
      expect(fired(e, "DF_NWB_SEVERE")).toBe(severe ? `${side}:high` : "");
      expect(fired(e, "DF_NWB_LIMITED")).toBe(limited ? `${side}:moderate` : "");
    });
  }

  it("fires once per side when both sides qualify, each with its own side", () => {
    const e = evalOne([
      ["ankle_df_nwb_ext_deg", "left", 0],
      ["ankle_df_nwb_ext_deg", "right", -5],
    ]);
    expect(fired(e, "DF_NWB_SEVERE")).toBe("left:high,right:high");
    expect(notEvaluatedOf(e, "DF_NWB_SEVERE")).toBeUndefined();
  });

  it("carries regions, link, grade, inputs with dates, source and a plain explanation", () => {
    const e = evalOne([
      ["ankle_df_nwb_ext_deg", "left", 4],
      ["ankle_df_nwb_ext_deg", "right", 15],
    ]);
    const [f] = flagsOf(e, "DF_NWB_LIMITED");
    expect(f).toMatchObject({
      id: "DF_NWB_LIMITED",
      side: "left",
      severity: "moderate",
      regions: ["hip", "back"],
      link: "foot",
      grade: "A",
      inputs: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4, takenAt: "2026-01-01T09:30:00Z" }],
    });
    expect(f?.source).toContain("Riddle et al. 2003");
    expect(f?.explanation).toContain("4°");
    expect(f?.explanation).toContain("1 Jan 2026");
    expect(f?.explanation).toContain("10°");
    expect(f?.explanation).toMatch(/hip and lower back/);
    expect(f?.explanation).toMatch(/worth monitoring/);
    // The right side was measured and did not fire: it is evaluated, not listed as missing.
    expect(notEvaluatedOf(e, "DF_NWB_LIMITED")).toBeUndefined();
  });

  it("lists the side never measured under notEvaluated", () => {
    const e = evalOne([["ankle_df_nwb_ext_deg", "left", 20]]);
    expect(e.flags).toEqual([]);
    expect(notEvaluatedOf(e, "DF_NWB_SEVERE")?.missing).toEqual(["ankle_df_nwb_ext_deg:right"]);
    expect(notEvaluatedOf(e, "DF_NWB_LIMITED")?.missing).toEqual(["ankle_df_nwb_ext_deg:right"]);
  });
});

describe("DF_WBLT_LOW (< 9.0 cm, low)", () => {
  const table: [number, boolean][] = [
    [0, true],
    [8.9, true], // just inside
    [9, false], // at the threshold: not below it
    [9.1, false], // just outside
    [25, false],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %s cm → %s`, (value, fires) => {
      const e = evalOne([["ankle_df_wblt_cm", side, value]]);
      expect(fired(e, "DF_WBLT_LOW")).toBe(fires ? `${side}:low` : "");
    });
  }
});

describe("DF_WBLT_ASYM (|L − R| > 1.5 cm moderate, > 3.0 cm high, same assessment)", () => {
  // [left, right, expected "side:severity" (the more limited side) or ""]
  const table: [number, number, string][] = [
    [10, 11.5, ""], // 1.5 at the threshold
    [10, 11.6, "left:moderate"], // just inside
    [11.6, 10, "right:moderate"],
    [10, 11.4, ""], // just outside
    [10.1, 8.6, ""], // 1.5 again, with float-unfriendly decimals
    [12.3, 10.7, "right:moderate"], // 1.6
    [10, 13, "left:moderate"], // 3.0 at the high threshold: still moderate
    [10, 13.1, "left:high"], // just inside high
    [13.1, 10, "right:high"],
    [0, 25, "left:high"],
    [12, 12, ""],
  ];
  it.each(table)("L %s cm, R %s cm → %s", (left, right, expected) => {
    const e = evalOne([
      ["ankle_df_wblt_cm", "left", left],
      ["ankle_df_wblt_cm", "right", right],
    ]);
    expect(fired(e, "DF_WBLT_ASYM")).toBe(expected);
    expect(notEvaluatedOf(e, "DF_WBLT_ASYM")).toBeUndefined();
  });

  it("uses the most recent assessment that measured both sides", () => {
    const e = evaluate(
      history([
        visit(day(0), [["ankle_df_wblt_cm", "left", 8], ["ankle_df_wblt_cm", "right", 12]]),
        visit(day(30), [["ankle_df_wblt_cm", "left", 11], ["ankle_df_wblt_cm", "right", 12]]),
        visit(day(60), [["ankle_df_wblt_cm", "left", 6]]), // one side only: not a pair
      ]),
    );
    expect(fired(e, "DF_WBLT_ASYM")).toBe("");
    expect(notEvaluatedOf(e, "DF_WBLT_ASYM")).toBeUndefined();
  });

  it("does not compare sides from different assessments", () => {
    const e = evaluate(
      history([
        visit(day(0), [["ankle_df_wblt_cm", "left", 5]]),
        visit(day(7), [["ankle_df_wblt_cm", "right", 12]]),
      ]),
    );
    expect(fired(e, "DF_WBLT_ASYM")).toBe("");
    expect(notEvaluatedOf(e, "DF_WBLT_ASYM")?.missing).toEqual([
      "ankle_df_wblt_cm:left",
      "ankle_df_wblt_cm:right",
    ]);
  });

  it("lists both sides as missing when never measured", () => {
    const e = evalOne([["ankle_df_wblt_cm", "left", 5]]);
    expect(notEvaluatedOf(e, "DF_WBLT_ASYM")?.missing).toEqual(["ankle_df_wblt_cm:right"]);
  });
});

describe("CALF_GASTROC (ext ≤ 0° and flex − ext ≥ 13°, same side, same assessment)", () => {
  // [knee extended, knee flexed, fires]
  const table: [number, number, boolean][] = [
    [0, 13, true], // both at their thresholds
    [0, 12.5, false], // gap just outside
    [0, 13.5, true],
    [0.5, 14, false], // extended just outside
    [-0.5, 12.5, true], // gap 13
    [-5, 8, true], // gap 13
    [-5, 7.5, false], // gap 12.5
    [-10, 20, true],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side}: ext %s°, flex %s° → %s`, (ext, flex, fires) => {
      const e = evalOne([
        ["ankle_df_nwb_ext_deg", side, ext],
        ["ankle_df_nwb_flex_deg", side, flex],
      ]);
      expect(fired(e, "CALF_GASTROC")).toBe(fires ? `${side}:moderate` : "");
    });
  }

  it("does not pair the two knee positions across sides or across assessments", () => {
    const e = evaluate(
      history([
        visit(day(0), [["ankle_df_nwb_ext_deg", "left", -2], ["ankle_df_nwb_flex_deg", "right", 15]]),
        visit(day(10), [["ankle_df_nwb_flex_deg", "left", 15]]),
      ]),
    );
    expect(fired(e, "CALF_GASTROC")).toBe("");
    const ne = notEvaluatedOf(e, "CALF_GASTROC");
    expect(ne?.missing).toEqual([
      "ankle_df_nwb_ext_deg:left",
      "ankle_df_nwb_flex_deg:left",
      "ankle_df_nwb_ext_deg:right",
    ]);
    expect(ne?.sides).toEqual(["left", "right"]);
  });

  it("says the test has low reliability", () => {
    const e = evalOne([
      ["ankle_df_nwb_ext_deg", "right", -2],
      ["ankle_df_nwb_flex_deg", "right", 12],
    ]);
    expect(flagsOf(e, "CALF_GASTROC")[0]?.explanation).toMatch(/low-reliability/);
  });
});

describe("FPI_PRONATED (≥ +6 moderate, ≥ +10 high)", () => {
  const table: [number, string][] = [
    [-12, ""],
    [5, ""], // just outside
    [6, "moderate"], // at the moderate threshold
    [7, "moderate"],
    [9, "moderate"], // just outside high
    [10, "high"], // at the high threshold
    [12, "high"],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} FPI %s → %s`, (value, severity) => {
      const e = evalOne([["fpi6_total", side, value]]);
      expect(fired(e, "FPI_PRONATED")).toBe(severity ? `${side}:${severity}` : "");
    });
  }
});

describe("NAVICULAR_DROP (> 10 mm, low)", () => {
  const table: [number, boolean][] = [
    [9.5, false],
    [10, false], // at the threshold: not above it
    [10.5, true], // just inside
    [30, true],
  ];
  for (const side of SIDES) {
    it.each(table)(`${side} %s mm → %s`, (value, fires) => {
      const e = evalOne([["navicular_drop_mm", side, value]]);
      expect(fired(e, "NAVICULAR_DROP")).toBe(fires ? `${side}:low` : "");
    });
  }
});

describe("BMI_HIGH (BMI ≥ 30.0 from latest body mass and patient height, low)", () => {
  // [height cm, body mass kg, BMI by hand, fires]
  const table: [number, number, string, boolean][] = [
    [200, 119.9, "29.975", false], // just outside
    [200, 120, "30.0", true], // at the threshold
    [200, 120.1, "30.025", true], // just inside
    [170, 86.7, "30.0 (2.89 m²)", true], // at the threshold with float-unfriendly decimals
    [170, 86.6, "29.97", false],
    [168, 60, "21.3", false],
  ];
  it.each(table)("%s cm, %s kg (BMI %s) → %s", (height, mass, _bmi, fires) => {
    const e = evalOne([["body_mass_kg", "none", mass]], height);
    expect(fired(e, "BMI_HIGH")).toBe(fires ? "none:low" : "");
    expect(notEvaluatedOf(e, "BMI_HIGH")).toBeUndefined();
  });

  it("names BMI, mass, height and date in the explanation", () => {
    const e = evalOne([["body_mass_kg", "none", 90]], 168);
    const f = flagsOf(e, "BMI_HIGH")[0];
    expect(f?.link).toBe("foot");
    expect(f?.derived?.bmi).toBe(31.9);
    expect(f?.explanation).toContain("90 kg");
    expect(f?.explanation).toContain("168 cm");
    expect(f?.explanation).toContain("31.9");
  });

  it("is not evaluated without the patient's height", () => {
    const e = evalOne([["body_mass_kg", "none", 150]]);
    expect(fired(e, "BMI_HIGH")).toBe("");
    expect(notEvaluatedOf(e, "BMI_HIGH")?.missing).toEqual(["patient.heightCm"]);
  });

  it("is not evaluated without a body mass", () => {
    const e = evalOne([], 170);
    expect(notEvaluatedOf(e, "BMI_HIGH")?.missing).toEqual(["body_mass_kg:none"]);
  });

  it("uses the latest body mass", () => {
    const e = evaluate(
      history([visit(day(0), [["body_mass_kg", "none", 100]]), visit(day(30), [["body_mass_kg", "none", 80]])], 170),
    );
    expect(fired(e, "BMI_HIGH")).toBe("");
  });
});
