// The measure explorer's data (lib/trends/explorer-data) and the one-measure chart other documents
// reuse (lib/trends/view's measureChart): one row per visit with both sides, the bands, treatments;
// rating scales on their whole axis.
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import { day } from "@/lib/clinical/test-helpers";
import type { AssessmentInput } from "@/lib/clinical/types";
import { buildTrendsChartData, type ChartAssessment } from "./chart-data";
import { explorerData } from "./explorer-data";
import { parseTrendsParams, resolveRange } from "./range";
import { measureChart } from "./view";

const ALL = resolveRange(parseTrendsParams({}), Date.parse(day(200)));

const VISITS: ChartAssessment[] = [
  { id: "v1", takenAt: day(9), rater: "Alex <Morgan>", measures: [{ code: "ankle_df_wblt_cm", side: "left", value: 8.2, method: "tape" }, { code: "ankle_df_wblt_cm", side: "right", value: 11.8 }, { code: "pain_heel_nprs", side: "left", value: 1 }] },
  { id: "v2", takenAt: day(60), rater: "Jordan Lee", measures: [{ code: "ankle_df_wblt_cm", side: "left", value: 9.4, method: "app" }, { code: "pain_heel_nprs", side: "left", value: 1.5 }] },
];

function evaluationOf(assessments: ChartAssessment[]) {
  const input: AssessmentInput[] = assessments.map((a) => ({
    takenAt: a.takenAt,
    redFlags: [],
    measures: a.measures.map((m) => ({ code: m.code as AssessmentInput["measures"][number]["code"], side: m.side, value: m.value, ...(m.method ? { method: m.method } : {}) })),
  }));
  return evaluate({ patient: { heightCm: 170 }, assessments: input });
}

const input = { assessments: VISITS, evaluation: evaluationOf(VISITS), treatments: [{ occurredAt: day(30), label: "Orthoses" }], range: ALL };

describe("explorerData", () => {
  it("gives one row per visit with each side's value, method and rater, and the visit to open", () => {
    const data = buildTrendsChartData({ ...input, codes: ["ankle_df_wblt_cm"] });
    const chart = data.groups[0]!.charts[0]!;
    const explorer = explorerData("p1", chart, data.treatments);
    expect(explorer.sides).toEqual(["left", "right"]);
    expect(explorer.rows.map((r) => [r.visitId, r.rater, r.values.left?.display, r.values.right?.display ?? null])).toEqual([
      ["v1", "Alex <Morgan>", "8.2 cm", "11.8 cm"],
      ["v2", "Jordan Lee", "9.4 cm", null],
    ]);
    expect(explorer.rows[1]!.values.left).toMatchObject({ method: "app", methodChanged: true });
    expect(explorer.normal).toMatchObject({ low: 9.2, high: 14.8 });
    expect(explorer.mdc.map((m) => m.side)).toEqual(["left", "right"]);
    expect(explorer.mdc[0]!.low).toBeCloseTo(8.2 - 1.9, 5);
    expect(explorer.treatments).toEqual([{ time: Date.parse(day(30)), date: expect.any(String), label: "Orthoses" }]);
  });
});

describe("rating scales and the one-measure chart", () => {
  it("draws a 0-10 pain scale on its whole axis, not around its values", () => {
    const data = buildTrendsChartData({ ...input, codes: ["pain_heel_nprs"] });
    expect(data.groups[0]!.charts[0]!.yDomain).toEqual([0, 10]);
    const lunge = buildTrendsChartData({ ...input, codes: ["ankle_df_wblt_cm"] }).groups[0]!.charts[0]!;
    expect(lunge.yDomain[1] - lunge.yDomain[0]).toBeLessThan(20);
  });

  it("gives one measure's chart over a window as markup, or null when it has no value", () => {
    const one = measureChart("ankle_df_wblt_cm", input);
    expect(one!.chart.code).toBe("ankle_df_wblt_cm");
    expect(one!.svg.value).toMatch(/^<svg viewBox="0 0 460 220"[^>]* data-chart="ankle_df_wblt_cm">/);
    expect(measureChart("hip_abd_hhd_n", input)).toBeNull();
  });
});
