import { describe, expect, it } from "vitest";
import { day } from "@/lib/clinical/test-helpers";
import type { MeasureChart } from "./chart-data";
import { pointText } from "./hover";
import { drawsThrough, pathVertices as vertices } from "./path-test-helpers";
import { bandRect, chartGeometry, DENSE_SERIES_POINTS, linearScale, niceTicks, PLOT_MARGIN, r1, SVG_HEIGHT, SVG_WIDTH, withoutOverlaps } from "./svg-geometry";

const T0 = Date.parse(day(0));
const DAY = 86_400_000;
const PLOT = { x: PLOT_MARGIN.left, y: PLOT_MARGIN.top, width: SVG_WIDTH - PLOT_MARGIN.left - PLOT_MARGIN.right, height: SVG_HEIGHT - PLOT_MARGIN.top - PLOT_MARGIN.bottom };

function point(i: number, value: number, segment = 0, method: string | null = "tape", extra: Partial<MeasureChart["series"][number]["points"][number]> = {}) {
  return { visitId: null, time: T0 + i * 10 * DAY, takenAt: day(i * 10), date: `d${i}`, value, display: `${value} cm`, method, rater: "Alex Morgan", flags: [], methodChangedFromPrevious: false, segment, ...extra };
}

// Left: three values, the method changes at the third (segment 1). Normal 10-15, MDC ±2.
const CHART = {
  code: "ankle_df_wblt_cm",
  yDomain: [0, 20],
  normalBand: { low: 10, high: 15, text: "" },
  methodChanges: [{ time: T0 + 20 * DAY, side: "left", method: "app", date: "d2" }],
  series: [
    {
      side: "left",
      points: [point(0, 8), point(1, 10), point(2, 12, 1, "app", { methodChangedFromPrevious: true, flags: ["R1"] })],
      baseline: { value: 8, date: "d0" },
      mdcBand: { low: 6, high: 10, mdc: 2 },
    },
  ],
} as unknown as MeasureChart;
const X_DOMAIN: [number, number] = [T0, T0 + 20 * DAY];

describe("svg geometry", () => {
  it("scales linearly, maps a degenerate domain to the middle, rounds to one decimal", () => {
    const s = linearScale([0, 10], [100, 0]);
    expect([s(0), s(5), s(10)]).toEqual([100, 50, 0]);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
    expect([r1(1.26), r1(-0.04), r1(12.349)]).toEqual([1.3, 0, 12.3]);
  });

  it("picks round y ticks inside the domain", () => {
    expect(niceTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(9.5, 14.5)).toEqual([10, 11, 12, 13, 14]);
    expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it("places points on the plot: oldest at the left edge, the domain's low end at the bottom", () => {
    const g = chartGeometry(CHART, X_DOMAIN, [], []);
    expect(g.plot).toEqual(PLOT);
    const [a, b, c] = g.series[0]!.points;
    expect([a!.x, a!.y]).toEqual([PLOT.x, r1(PLOT.y + PLOT.height * (1 - 8 / 20))]);
    expect(b!.x).toBe(r1(PLOT.x + PLOT.width / 2));
    expect(c!.x).toBe(PLOT.x + PLOT.width);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20]);
    expect(g.yTicks[0]!.y).toBe(PLOT.y + PLOT.height);
  });

  it("draws the normal and MDC bands as rectangles across the plot, clipped to it", () => {
    const g = chartGeometry(CHART, X_DOMAIN, [], []);
    const y = (v: number) => PLOT.y + PLOT.height * (1 - v / 20);
    expect(g.normalBand).toEqual({ x: PLOT.x, y: r1(y(15)), width: PLOT.width, height: r1(y(10) - y(15)) });
    expect(g.series[0]!.mdcBand).toEqual({ x: PLOT.x, y: r1(y(10)), width: PLOT.width, height: r1(y(6) - y(10)) });
    const scale = linearScale([0, 20], [PLOT.y + PLOT.height, PLOT.y]);
    expect(bandRect(PLOT, scale, 18, 30)).toEqual({ x: PLOT.x, y: PLOT.y, width: PLOT.width, height: r1(y(18) - PLOT.y) });
    expect(bandRect(PLOT, scale, 25, 30)).toBeNull();
  });

  it("splits the line at the change of method: one path per segment, never joined", () => {
    const g = chartGeometry(CHART, X_DOMAIN, [], []);
    const [a, b, c] = g.series[0]!.points;
    expect(g.series[0]!.segments.map((s) => s.segment)).toEqual([0, 1]);
    expect(vertices(g.series[0]!.segments[0]!.d)).toEqual([[a!.x, a!.y], [b!.x, b!.y]]);
    expect(g.series[0]!.segments[1]!.d).toBe(`M${c!.x} ${c!.y}`);
    // Near the right edge, "method changed" runs leftwards from its line (never clipped).
    expect(g.methodChanges).toEqual([{ x: c!.x, side: "left", labelX: r1(c!.x - 3), anchor: "end" }]);
  });

  it("draws a long series with relative steps that pass exactly through every marker", () => {
    const values = Array.from({ length: 300 }, (_, i) => 10 + 7 * Math.sin(i / 3) + (i % 7) / 10);
    const long = { ...CHART, series: [{ ...CHART.series[0]!, points: values.map((v, i) => point(i, v)) }] } as MeasureChart;
    const g = chartGeometry(long, [T0, T0 + 2990 * DAY], [], []);
    const [only] = g.series[0]!.segments;
    // A dense series is placed on whole units (its steps are ~1 unit apart): no decimals at all.
    expect(only!.d).toMatch(/^M\d+ \d+l[-\d ]+$/);
    expect(drawsThrough(only!.d, g.series[0]!.points)).toBe(true);
    for (const p of g.series[0]!.points) expect(Math.abs(p.y - (PLOT.y + PLOT.height - ((p.point.value - 0) / 20) * PLOT.height))).toBeLessThanOrEqual(0.5);
  });

  it("keeps tenths on a series short enough for a marker per value", () => {
    const short = { ...CHART, series: [{ ...CHART.series[0]!, points: Array.from({ length: DENSE_SERIES_POINTS }, (_, i) => point(i, 10 + (i % 3) / 7)) }] } as MeasureChart;
    const g = chartGeometry(short, [T0, T0 + 100 * DAY], [], []);
    expect(g.series[0]!.points.some((p) => !Number.isInteger(p.y))).toBe(true);
    expect(drawsThrough(g.series[0]!.segments[0]!.d, g.series[0]!.points)).toBe(true);
  });

  it("draws a run of equal values (and any steps in one direction) as one step through them all", () => {
    const values = [3, 3, 3, 3, 5, 7, 9, 9, 2, 2];
    const flat = { ...CHART, series: [{ ...CHART.series[0]!, points: values.map((v, i) => point(i, v)) }] } as MeasureChart;
    const g = chartGeometry(flat, [T0, T0 + 90 * DAY], [], []);
    const [only] = g.series[0]!.segments;
    const points = g.series[0]!.points;
    // The flat runs are one step each: no vertex inside them (the rising steps, rounded to tenths,
    // are not exactly in line, so they stay vertices).
    const drawn = vertices(only!.d);
    for (const inside of [1, 2]) expect(drawn).not.toContainEqual([points[inside]!.x, points[inside]!.y]);
    expect(drawn).toContainEqual([points[3]!.x, points[3]!.y]);
    expect(drawn.length).toBeLessThanOrEqual(points.length - 2);
    expect(drawsThrough(only!.d, points)).toBe(true);
    // A value that goes back the way it came is a vertex of its own (never folded into a longer step).
    const back = { ...CHART, series: [{ ...CHART.series[0]!, points: [point(0, 3), point(0, 5), point(0, 3)] }] } as MeasureChart;
    const b = chartGeometry(back, [T0, T0 + 90 * DAY], [], []);
    expect(vertices(b.series[0]!.segments[0]!.d)).toHaveLength(3);
  });

  it("keeps ticks and treatments inside the shared time axis only", () => {
    const ticks = [{ time: T0 - DAY, label: "before" }, { time: T0 + 10 * DAY, label: "mid" }];
    const tx = [{ time: T0 + 10 * DAY, date: "d1", label: "Orthoses" }, { time: T0 + 40 * DAY, date: "x", label: "later" }];
    const g = chartGeometry(CHART, X_DOMAIN, ticks, tx);
    const mid = r1(PLOT.x + PLOT.width / 2);
    expect(g.xTicks).toEqual([{ x: mid, label: "mid", anchor: "middle" }]);
    expect(g.treatments).toEqual([{ x: mid, label: "Orthoses", labelX: r1(mid + 3), anchor: "start" }]);
  });

  it("keeps labels inside the viewBox: the last date label and a late treatment's label run leftwards", () => {
    const end = X_DOMAIN[1];
    const g = chartGeometry(CHART, X_DOMAIN, [{ time: end, label: "Dec 2026" }], [{ time: end, date: "d", label: "Night splint" }]);
    expect(g.xTicks[0]!.anchor).toBe("end");
    expect(g.treatments[0]!.anchor).toBe("end");
    expect(g.treatments[0]!.labelX).toBeLessThan(g.treatments[0]!.x);
  });

  it("says value with unit, date, method and rater in the hover text", () => {
    const p = CHART.series[0]!.points[2]!;
    expect(pointText("left", p)).toBe("Left: 12 cm · d2 · app · rated by Alex Morgan · method changed · flag: R1");
    expect(pointText("none", { ...p, method: null, flags: [], methodChangedFromPrevious: false })).toBe("12 cm · d2 · method not recorded · rated by Alex Morgan");
  });
});

describe("withoutOverlaps: date labels never run into each other", () => {
  it("drops a label that would overlap the one before it, keeping the first", () => {
    const ticks = [
      { x: 60, anchor: "middle" as const, label: "Oct 2026" },
      { x: 300, anchor: "middle" as const, label: "Nov 2026" },
      { x: 330, anchor: "end" as const, label: "Dec 2026" },
    ];
    expect(withoutOverlaps(ticks).map((t) => t.label)).toEqual(["Oct 2026", "Nov 2026"]);
    expect(withoutOverlaps([{ x: 10, anchor: "start" as const }, { x: 120, anchor: "middle" as const }])).toHaveLength(2);
  });
});
