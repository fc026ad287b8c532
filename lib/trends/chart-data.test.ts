import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import type { AssessmentInput } from "@/lib/clinical/types";
import { day } from "@/lib/clinical/test-helpers";
import { buildTrendsChartData, type ChartAssessment, type ChartTreatment } from "./chart-data";
import { monthsBefore, parseTrendsParams, resolveRange, trendsQuery } from "./range";
import { timeTicks, valueDomain } from "./axis";

type M = ChartAssessment["measures"][number];
const v = (takenAt: string, measures: M[], rater = "Alex Morgan"): ChartAssessment => ({ takenAt, rater, measures });

function evaluationOf(assessments: ChartAssessment[]) {
  const input: AssessmentInput[] = assessments.map((a) => ({
    takenAt: a.takenAt,
    redFlags: [],
    measures: a.measures.map((m) => ({ code: m.code as AssessmentInput["measures"][number]["code"], side: m.side, value: m.value, ...(m.method ? { method: m.method } : {}) })),
  }));
  return evaluate({ patient: { heightCm: 170 }, assessments: input });
}

const ALL = resolveRange(parseTrendsParams({}), Date.parse(day(200)));

function build(assessments: ChartAssessment[], options: { range?: typeof ALL; treatments?: ChartTreatment[] } = {}) {
  return buildTrendsChartData({
    assessments,
    evaluation: evaluationOf(assessments),
    treatments: options.treatments ?? [],
    range: options.range ?? ALL,
  });
}

// Lunge test (MDC 1.9 cm, normal 9.2-14.8), left improving, right steady, heel pain (MCID only).
const LUNGE: ChartAssessment[] = [
  v(day(9), [
    { code: "ankle_df_wblt_cm", side: "left", value: 8.2 },
    { code: "ankle_df_wblt_cm", side: "right", value: 11.8 },
    { code: "pain_heel_nprs", side: "left", value: 7 },
    { code: "lefs_score", side: "none", value: 50 },
  ]),
  v(day(60), [
    { code: "ankle_df_wblt_cm", side: "left", value: 9.4 },
    { code: "ankle_df_wblt_cm", side: "right", value: 11.9 },
  ], "Jordan Lee"),
  v(day(120), [
    { code: "ankle_df_wblt_cm", side: "left", value: 10.2 },
    { code: "ankle_df_wblt_cm", side: "right", value: 11.6 },
    { code: "pain_heel_nprs", side: "left", value: 3 },
    { code: "hip_abd_hhd_n", side: "left", value: 200 },
  ]),
];

describe("buildTrendsChartData", () => {
  it("groups one chart per recorded measure by link of the chain, in chain and catalog order", () => {
    const data = build(LUNGE);
    expect(data.groups.map((g) => [g.title, g.charts.map((c) => c.code)])).toEqual([
      ["Foot and ankle", ["ankle_df_wblt_cm"]],
      ["Hip and pelvis", ["hip_abd_hhd_n"]],
      ["Symptoms and function", ["pain_heel_nprs", "lefs_score"]],
    ]);
  });

  it("gives left and right as separate series with value, method, rater and date per point", () => {
    const chart = build(LUNGE).groups[0]!.charts[0]!;
    expect(chart.series.map((s) => s.side)).toEqual(["left", "right"]);
    const left = chart.series[0]!;
    expect(left.points.map((p) => p.display)).toEqual(["8.2 cm", "9.4 cm", "10.2 cm"]);
    expect(left.points[1]).toMatchObject({ rater: "Jordan Lee", date: "2 Mar 2026", method: null, flags: [] });
    expect(chart.series.map((s) => s.points.map((p) => [p.time, p.value]))).toEqual([
      [[Date.parse(day(9)), 8.2], [Date.parse(day(60)), 9.4], [Date.parse(day(120)), 10.2]],
      [[Date.parse(day(9)), 11.8], [Date.parse(day(60)), 11.9], [Date.parse(day(120)), 11.6]],
    ]);
  });

  it("writes the trend sentence from the engine's trend, whole history", () => {
    const [foot, , symptoms] = build(LUNGE).groups;
    const [left, right] = foot!.charts[0]!.series;
    expect(left!.sentence).toBe("Left lunge test distance +2.0 cm since 10 Jan 2026: real change, better.");
    expect(right!.sentence).toBe("Right lunge test distance \u22120.2 cm since 10 Jan 2026: no change beyond measurement error. Plateau: the last three values lie within measurement error of each other.");
    expect(symptoms!.charts[0]!.series[0]!.sentence).toBe("Left heel pain \u22124 points since 10 Jan 2026: important change, better.");
    expect(symptoms!.charts[1]!.series[0]!.sentence).toMatch(/^LEFS: one value so far \(50\/80 on 10 Jan 2026\), no trend yet\.$|^LEFS: one value so far/);
  });

  it("draws the normal band from the catalog and the MDC band around the baseline", () => {
    const chart = build(LUNGE).groups[0]!.charts[0]!;
    expect(chart.normalBand).toEqual({ low: 9.2, high: 14.8, text: "12 ± 2.8 cm" });
    expect(chart.series[0]!.mdcBand).toEqual({ low: 8.2 - 1.9, high: 8.2 + 1.9, mdc: 1.9 });
    expect(chart.yDomain[0]).toBeLessThanOrEqual(8.2 - 1.9);
    expect(chart.yDomain[1]).toBeGreaterThanOrEqual(14.8);
  });

  it("takes a percentage MDC of the baseline (hip abduction: 15 % of 200 N)", () => {
    const hip = build(LUNGE).groups[1]!.charts[0]!;
    expect(hip.series[0]!.mdcBand).toEqual({ low: 170, high: 230, mdc: 30 });
    expect(hip.normalBand).toBeNull(); // "compare to other side and to self": no band
  });

  it("clamps an open-ended normal range to the chart (single-leg stance: 30 s or more)", () => {
    const data = build([
      v(day(0), [{ code: "trendelenburg_hold_s", side: "left", value: 20 }]),
      v(day(30), [{ code: "trendelenburg_hold_s", side: "left", value: 25 }]),
    ]);
    const chart = data.groups[0]!.charts[0]!;
    expect(chart.normalBand).toEqual({ low: 30, high: chart.yDomain[1], text: "30 s or more" });
    expect(chart.series[0]!.sentence).toContain("unrated");
  });

  it("marks flagged points with the plain names of the rules that used them (never a rule id)", () => {
    const data = build([
      v(day(0), [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 12 }]),
      v(day(30), [{ code: "ankle_df_nwb_ext_deg", side: "left", value: -1 }]),
    ]);
    const points = data.groups[0]!.charts[0]!.series[0]!.points;
    expect(points[0]!.flags).toEqual([]);
    expect(points[1]!.flags).toContain("Severely limited ankle dorsiflexion (0° or less)");
    expect(points[1]!.flags.join(" ")).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });

  it("splits the line where the method changes and never joins across it", () => {
    const gonio = (t: string, value: number, method: string) => v(t, [{ code: "ankle_df_nwb_ext_deg", side: "right", value, method }]);
    const data = build([gonio(day(0), 5, "goniometer"), gonio(day(30), 6, "goniometer"), gonio(day(60), 8, "iPhone inclinometer"), gonio(day(90), 9.5, "iPhone inclinometer")]);
    const chart = data.groups[0]!.charts[0]!;
    expect(chart.series[0]!.points.map((p) => [p.segment, p.value])).toEqual([[0, 5], [0, 6], [1, 8], [1, 9.5]]);
    expect(chart.series[0]!.points.map((p) => p.methodChangedFromPrevious)).toEqual([false, false, true, false]);
    expect(chart.methodChanges).toEqual([{ time: Date.parse(day(60)), side: "right", method: "iPhone inclinometer", date: "2 Mar 2026" }]);
    expect(chart.series[0]!.sentence).toContain("The method changed during this series");
  });

  it("does not count a missing method note as a change (as the engine does)", () => {
    const data = build([
      v(day(0), [{ code: "gait_speed_mps", side: "none", value: 1.1, method: "10 m walk test" }]),
      v(day(30), [{ code: "gait_speed_mps", side: "none", value: 1.15 }]),
      v(day(60), [{ code: "gait_speed_mps", side: "none", value: 1.2, method: "10 m walk test" }]),
    ]);
    expect(data.groups[0]!.charts[0]!.series[0]!.points.map((p) => p.segment)).toEqual([0, 0, 0]);
  });

  it("filters points by the date range but keeps the whole-history sentence and baseline", () => {
    const now = Date.parse(day(200));
    const range = resolveRange(parseTrendsParams({ range: "3m" }), now);
    const data = build(LUNGE, { range });
    const left = data.groups[0]!.charts[0]!.series[0]!;
    expect(left.points.map((p) => p.value)).toEqual([10.2]);
    expect(left.totalCount).toBe(3);
    expect(left.baselineBeforeRange).toBe(true);
    expect(left.sentence).toContain("+2.0 cm since 10 Jan 2026");
    expect(data.xDomain[0]).toBeLessThanOrEqual(monthsBefore(now, 3));
    expect(data.pointsShown).toBeLessThan(build(LUNGE).pointsShown);
  });

  it("shows one side only when asked, keeping whole-body measures", () => {
    const range = resolveRange(parseTrendsParams({ show: "right" }), Date.parse(day(200)));
    const data = build(LUNGE, { range });
    expect(data.groups.flatMap((g) => g.charts.map((c) => [c.code, c.series.map((s) => s.side)]))).toEqual([
      ["ankle_df_wblt_cm", ["right"]],
      ["lefs_score", ["none"]],
    ]);
  });

  it("shares one time domain and places treatments inside it", () => {
    const data = build(LUNGE, { treatments: [{ occurredAt: day(30), label: "Orthoses" }, { occurredAt: day(-400), label: "Old" }] });
    const first = Date.parse(day(9));
    expect(data.xDomain[0]).toBeLessThan(Date.parse(day(-400)) + 1);
    expect(data.treatments.map((t) => t.label)).toEqual(["Old", "Orthoses"]);
    const narrowed = build(LUNGE, { treatments: [{ occurredAt: day(30), label: "Orthoses" }], range: resolveRange(parseTrendsParams({ range: "custom", from: "2026-04-01" }), Date.parse(day(200))) });
    expect(narrowed.treatments).toEqual([]);
    expect(narrowed.xDomain[0]).toBeGreaterThan(first);
  });

  it("describes every chart in words for a text alternative", () => {
    const chart = build(LUNGE).groups[0]!.charts[0]!;
    expect(chart.description).toContain("Lunge test distance (cm). Normal: 12 ± 2.8 cm.");
    expect(chart.description).toContain("Left: 3 values shown from 10 Jan 2026 to 1 May 2026.");
  });
});

describe("range parameters", () => {
  it("falls back to all and both sides for unknown values", () => {
    expect(parseTrendsParams({ range: "5y", show: "middle" })).toEqual({ preset: "all", from: null, to: null, show: "both" });
  });

  it("keeps custom dates only when they are real dates, and includes the whole 'to' day", () => {
    const p = parseTrendsParams({ range: "custom", from: "2026-02-30", to: "2026-03-10" });
    expect(p).toEqual({ preset: "custom", from: null, to: "2026-03-10", show: "both" });
    const r = resolveRange(p, 0);
    expect(r.start).toBeNull();
    expect(r.end).toBe(Date.parse("2026-03-10T23:59:59.999Z"));
  });

  it("swaps a reversed custom range", () => {
    const r = resolveRange(parseTrendsParams({ range: "custom", from: "2026-03-10", to: "2026-03-01" }), 0);
    expect([r.start, r.end]).toEqual([Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-03-10T23:59:59.999Z")]);
  });

  it("counts calendar months back, clamped to the month's end", () => {
    expect(new Date(monthsBefore(Date.parse("2026-05-31T12:00:00Z"), 3)).toISOString()).toBe("2026-02-28T12:00:00.000Z");
  });

  it("builds shareable query strings without defaults", () => {
    const p = parseTrendsParams({ range: "6m" });
    expect(trendsQuery(p)).toBe("?range=6m");
    expect(trendsQuery(p, { show: "left" })).toBe("?range=6m&show=left");
    expect(trendsQuery(p, { preset: "all" })).toBe("");
  });
});

describe("axes", () => {
  it("labels month ticks unambiguously and keeps at most six", () => {
    const ticks = timeTicks([Date.parse("2025-01-15T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z")]);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]!.label).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  });

  it("spreads year ticks over a long window instead of crowding its first years", () => {
    for (const [from, to] of [
      ["2016-03-01", "2026-11-30"], // ten years: every other January
      ["2000-06-01", "2026-11-30"], // a custom range from long before the first visit
      ["2019-02-01", "2026-11-30"], // seven years
    ]) {
      const end = Date.parse(`${to}T00:00:00Z`);
      const ticks = timeTicks([Date.parse(`${from}T00:00:00Z`), end]);
      expect(ticks.length, from).toBeGreaterThanOrEqual(3);
      expect(ticks.length, from).toBeLessThanOrEqual(7);
      expect(ticks.every((t) => /^Jan \d{4}$/.test(t.label)), ticks.map((t) => t.label).join()).toBe(true);
      const gap = ticks[1]!.time - ticks[0]!.time;
      // The last tick is within one step of the window's end: the recent years are labelled.
      expect(end - ticks.at(-1)!.time, from).toBeLessThan(gap);
    }
  });

  it("pads the value domain and stays inside the valid range", () => {
    expect(valueDomain([0, 10], 0, 10)).toEqual([0, 10]);
    const [low, high] = valueDomain([8.2, 10.2], 0, 25);
    expect(low).toBeLessThan(8.2);
    expect(high).toBeGreaterThan(10.2);
  });
});
