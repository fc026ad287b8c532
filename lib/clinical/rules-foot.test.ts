// Heel-driver rules of rules.md v2 (foot link, heel region only), table-driven: every threshold
// just below, at and just above, each severity band, and the regions/link/grade of each rule.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, visit, type V } from "./test-helpers";
import type { RuleId } from "./types";

describe("single-value heel drivers: just below, at and above each threshold", () => {
  // [rule, values of one assessment, expected "side:severity" list ("" = no flag)]
  const table: [RuleId, V[], string][] = [
    // DF_NWB_SEVERE: ≤ 0° moderate
    ["DF_NWB_SEVERE", [["ankle_df_nwb_ext_deg", "left", 0.5]], ""],
    ["DF_NWB_SEVERE", [["ankle_df_nwb_ext_deg", "left", 0]], "left:moderate"],
    ["DF_NWB_SEVERE", [["ankle_df_nwb_ext_deg", "right", -0.5]], "right:moderate"],
    ["DF_NWB_SEVERE", [["ankle_df_nwb_ext_deg", "left", -10], ["ankle_df_nwb_ext_deg", "right", -1]], "left:moderate,right:moderate"],
    // DF_NWB_LIMITED: > 0° and ≤ 10° low
    ["DF_NWB_LIMITED", [["ankle_df_nwb_ext_deg", "left", 0]], ""],
    ["DF_NWB_LIMITED", [["ankle_df_nwb_ext_deg", "left", 0.5]], "left:low"],
    ["DF_NWB_LIMITED", [["ankle_df_nwb_ext_deg", "left", 10]], "left:low"],
    ["DF_NWB_LIMITED", [["ankle_df_nwb_ext_deg", "right", 10.5]], ""],
    // DF_WBLT_LOW: < 9.0 cm low
    ["DF_WBLT_LOW", [["ankle_df_wblt_cm", "left", 8.9]], "left:low"],
    ["DF_WBLT_LOW", [["ankle_df_wblt_cm", "left", 9]], ""],
    ["DF_WBLT_LOW", [["ankle_df_wblt_cm", "right", 9.1]], ""],
    // DF_WBLT_ASYM: |L − R| > 3.0 cm low, on the more limited side
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 10], ["ankle_df_wblt_cm", "right", 12.9]], ""],
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 10], ["ankle_df_wblt_cm", "right", 13]], ""],
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 10], ["ankle_df_wblt_cm", "right", 13.1]], "left:low"],
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 14.1], ["ankle_df_wblt_cm", "right", 11]], "right:low"],
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 12], ["ankle_df_wblt_cm", "right", 10]], ""], // 2 cm: v1 fired, v2 does not
    // CALF_GASTROC: ext ≤ 0° and flex − ext ≥ 13° moderate
    ["CALF_GASTROC", [["ankle_df_nwb_ext_deg", "left", 0], ["ankle_df_nwb_flex_deg", "left", 13]], "left:moderate"],
    ["CALF_GASTROC", [["ankle_df_nwb_ext_deg", "left", 0], ["ankle_df_nwb_flex_deg", "left", 12.5]], ""],
    ["CALF_GASTROC", [["ankle_df_nwb_ext_deg", "right", 0.5], ["ankle_df_nwb_flex_deg", "right", 20]], ""],
    ["CALF_GASTROC", [["ankle_df_nwb_ext_deg", "right", -3], ["ankle_df_nwb_flex_deg", "right", 10]], "right:moderate"],
    // FPI_PRONATED: +6..+9 low, ≥ +10 moderate
    ["FPI_PRONATED", [["fpi6_total", "left", 5]], ""],
    ["FPI_PRONATED", [["fpi6_total", "left", 6]], "left:low"],
    ["FPI_PRONATED", [["fpi6_total", "left", 9]], "left:low"],
    ["FPI_PRONATED", [["fpi6_total", "right", 10]], "right:moderate"],
    ["FPI_PRONATED", [["fpi6_total", "right", 12]], "right:moderate"],
    ["FPI_PRONATED", [["fpi6_total", "right", -12]], ""],
    // NAVICULAR_DROP: > 15 mm low
    ["NAVICULAR_DROP", [["navicular_drop_mm", "left", 15]], ""],
    ["NAVICULAR_DROP", [["navicular_drop_mm", "left", 15.5]], "left:low"],
    ["NAVICULAR_DROP", [["navicular_drop_mm", "right", 12]], ""], // fired in v1 (> 10 mm)
  ];
  it.each(table)("%s %j → %s", (id, values, expected) => {
    expect(fired(evalOne(values), id)).toBe(expected);
  });
});

describe("each heel driver names the heel only, on the foot link, with the v2 grade", () => {
  const table: [RuleId, V[], string][] = [
    ["DF_NWB_SEVERE", [["ankle_df_nwb_ext_deg", "left", 0]], "A"],
    ["DF_NWB_LIMITED", [["ankle_df_nwb_ext_deg", "left", 5]], "B"],
    ["DF_WBLT_LOW", [["ankle_df_wblt_cm", "left", 5]], "H"],
    ["DF_WBLT_ASYM", [["ankle_df_wblt_cm", "left", 5], ["ankle_df_wblt_cm", "right", 10]], "B"],
    ["CALF_GASTROC", [["ankle_df_nwb_ext_deg", "left", 0], ["ankle_df_nwb_flex_deg", "left", 15]], "A"],
    ["FPI_PRONATED", [["fpi6_total", "left", 7]], "A"],
    ["NAVICULAR_DROP", [["navicular_drop_mm", "left", 20]], "H"],
  ];
  it.each(table)("%s", (id, values, grade) => {
    const [f] = flagsOf(evalOne(values), id);
    expect(f).toMatchObject({ regions: ["heel"], link: "foot", grade });
  });
});

describe("the single 0° dorsiflexion reading (issue 13)", () => {
  it("is a moderate heel flag; hip and back stay none; status moderate", () => {
    const e = evalOne([["ankle_df_nwb_ext_deg", "left", 0]]);
    expect(e.flags.map((f) => `${f.id}:${f.side}:${f.severity}`)).toEqual(["DF_NWB_SEVERE:left:moderate"]);
    expect(e.regions.heel).toMatchObject({ level: "moderate", escalated: false, links: ["foot"] });
    expect(e.regions.hip).toMatchObject({ level: "none", escalated: false, links: [] });
    expect(e.regions.back).toMatchObject({ level: "none", escalated: false, links: [] });
    expect(e.status).toBe("moderate");
    const text = e.flags[0]!.explanation;
    expect(text).toContain("23.3 times the odds of having plantar fasciitis");
    expect(text).toContain("not evidence about the hip or lower back");
  });
});

describe("CALF_GASTROC reads both values from the same assessment and says the test is unreliable", () => {
  it("does not pair values from different visits", () => {
    const e = evaluate(
      history([visit(day(0), [["ankle_df_nwb_flex_deg", "left", 20]]), visit(day(5), [["ankle_df_nwb_ext_deg", "left", 0]])]),
    );
    expect(fired(e, "CALF_GASTROC")).toBe("");
    expect(notEvaluatedOf(e, "CALF_GASTROC")?.sides).toContain("left");
  });
  it("does not flag a pair that a later value replaced: the pair is out of date, and says so", () => {
    const e = evaluate(
      history([
        visit(day(0), [["ankle_df_nwb_ext_deg", "left", -2], ["ankle_df_nwb_flex_deg", "left", 12], ["ankle_df_wblt_cm", "left", 5], ["ankle_df_wblt_cm", "right", 12]]),
        visit(day(60), [["ankle_df_nwb_ext_deg", "left", 15], ["ankle_df_wblt_cm", "left", 12]]),
      ]),
    );
    expect(fired(e, "CALF_GASTROC")).toBe("");
    expect(fired(e, "DF_WBLT_ASYM")).toBe("");
    expect(notEvaluatedOf(e, "CALF_GASTROC")?.reason).toMatch(/since then dorsiflexion, knee straight \(left\) was recorded alone \(.*\), so that pair is out of date/);
    expect(notEvaluatedOf(e, "DF_WBLT_ASYM")?.reason).toMatch(/out of date/);
  });

  it("says low-reliability test", () => {
    const [f] = flagsOf(evalOne([["ankle_df_nwb_ext_deg", "left", -2], ["ankle_df_nwb_flex_deg", "left", 12]]), "CALF_GASTROC");
    expect(f?.explanation).toMatch(/low-reliability test/);
  });
});
