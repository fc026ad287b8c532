import { describe, expect, it } from "vitest";
import { changeSincePrevious, latestValuesFromRows, outsideNormal } from "./latest-values";

describe("latest values", () => {
  it("labels the change against the previous value, not the baseline", () => {
    // Lunge distance MDC 1.9 cm, no MCID: +2.0 cm is a real change, better.
    expect(changeSincePrevious("ankle_df_wblt_cm", 8.5, 10.5)).toEqual({ delta: 2, label: "real_change", direction: "better" });
    expect(changeSincePrevious("ankle_df_wblt_cm", 8.5, 9.5)).toMatchObject({ label: "within_error" });
    // Hip strength MDC is 15 % of the reference: 15 % of 200 N = 30 N.
    expect(changeSincePrevious("hip_abd_hhd_n", 200, 229.9)).toMatchObject({ label: "within_error" });
    expect(changeSincePrevious("hip_abd_hhd_n", 200, 170)).toMatchObject({ label: "real_change", direction: "worse" });
    // ODI: MDC 10, MCID 10 points; lower is better.
    expect(changeSincePrevious("odi_percent", 40, 26)).toMatchObject({ delta: -14, label: "important_change", direction: "better" });
    // Pain (rules.md v2): a worsening is important at +2 whatever the reference; an improvement
    // from 7 needs 3 points. The caseload's label for the same step is the same.
    expect(changeSincePrevious("pain_heel_nprs", 7, 9)).toMatchObject({ delta: 2, label: "important_change", direction: "worse" });
    expect(changeSincePrevious("pain_heel_nprs", 7, 5)).toMatchObject({ delta: -2, label: "real_change", direction: "better" });
  });

  it("marks values outside the catalog's normal range", () => {
    expect(outsideNormal("ankle_df_wblt_cm", 8.5)).toBe("below");
    expect(outsideNormal("navicular_drop_mm", 12)).toBe("above");
    expect(outsideNormal("navicular_drop_mm", 6)).toBeNull();
    expect(outsideNormal("body_mass_kg", 300)).toBeNull(); // no normal range
  });

  it("keeps one row per series, newest first, in catalog order with left before right", () => {
    const rows = latestValuesFromRows([
      { code: "odi_percent", side: "none", value: 30, takenAt: "2026-03-12T09:00:00.000Z" },
      { code: "ankle_df_wblt_cm", side: "right", value: 11, takenAt: "2026-03-12T09:00:00.000Z" },
      { code: "ankle_df_wblt_cm", side: "left", value: 10.5, takenAt: "2026-03-12T09:00:00.000Z" },
      { code: "ankle_df_wblt_cm", side: "left", value: 8.5, takenAt: "2026-02-12T09:00:00.000Z" },
      { code: "retired_code", side: "none", value: 1, takenAt: "2026-03-12T09:00:00.000Z" },
    ]);
    expect(rows.map((r) => `${r.code}:${r.side}`)).toEqual(["ankle_df_wblt_cm:left", "ankle_df_wblt_cm:right", "odi_percent:none"]);
    expect(rows[0]).toMatchObject({ latest: { value: 10.5 }, previous: { value: 8.5 }, change: { label: "real_change", direction: "better" } });
    expect(rows[1]).toMatchObject({ previous: null, change: null });
  });
});
