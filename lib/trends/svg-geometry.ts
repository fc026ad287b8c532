// Where everything of one trends chart sits in its SVG: scales from the shaped data's domains
// (lib/trends/chart-data) to a fixed 460×220 viewBox, band rectangles, one path per line segment
// (segments already split at method changes), marker positions and tick positions. Pure, so the
// server component only emits elements and the numbers can be unit-tested.
//
// Coordinates are rounded to one decimal: a tenth of a viewBox unit is below a screen pixel, and a
// 300-visit history has thousands of points, so every character counts twice (HTML and RSC payload).

import type { Side } from "@/lib/clinical/measures";
import { roundTo } from "@/lib/clinical/decimal";
import type { ChartPoint, MeasureChart, TreatmentMarker } from "./chart-data";
import type { TimeTick } from "./axis";

export const SVG_WIDTH = 460;
export const SVG_HEIGHT = 220;
/** Room for the y labels (left), the x labels (bottom) and the treatment labels (top). */
export const PLOT_MARGIN = { top: 18, right: 12, bottom: 24, left: 48 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

/**
 * Above this many points a series' markers sit closer than their own width and cannot be told
 * apart (the plot is ~400 px wide), yet each costs an element and a hover text in every response.
 * Dense series then draw the line through every value and keep markers only where they carry
 * meaning: flagged points, changes of method and the latest value. Every value stays on the
 * line, in the chart's hover (lib/trends/hover, shown by the page's ChartsHover), in its table and
 * in the measure explorer.
 */
export const DENSE_SERIES_POINTS = 60;

/** A series this long is drawn without a marker per value, and on whole units (see DENSE_SERIES_POINTS). */
export function isDense(points: readonly unknown[]): boolean {
  return points.length > DENSE_SERIES_POINTS;
}

/** Whole units, and never "-0". */
function r0(n: number): number {
  const v = Math.round(n);
  return v === 0 ? 0 : v;
}

/** One decimal, and never "-0". */
export function r1(n: number): number {
  const v = Math.round(n * 10) / 10;
  return v === 0 ? 0 : v;
}

/** Linear map of domain onto range; a degenerate domain maps to the middle of the range. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1v] = range;
  const span = d1 - d0;
  const scale = ((value: number) => (span === 0 ? (r0 + r1v) / 2 : r0 + ((value - d0) / span) * (r1v - r0))) as Scale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** About `count` round values (steps of 1, 2, 2.5 or 5 × 10^k) inside [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step) ticks.push(roundTo(t, 6));
  return ticks;
}

export interface PlacedPoint {
  x: number;
  y: number;
  point: ChartPoint;
}

export interface SeriesGeometry {
  side: Side;
  /** One path per segment (the line is broken where the method changed), oldest segment first. */
  segments: { segment: number; d: string }[];
  points: PlacedPoint[];
  /** Baseline ± MDC, clipped to the plot; null when the measure has no MDC/MCID. */
  mdcBand: Rect | null;
  /** y of the baseline value, or null when it lies outside the value axis. */
  baselineY: number | null;
}

export type TextAnchor = "start" | "middle" | "end";

export interface ChartGeometry {
  plot: Rect;
  /** Date labels: centred on their tick, but kept inside the viewBox near its edges (never clipped). */
  xTicks: { x: number; label: string; anchor: TextAnchor }[];
  yTicks: { y: number; value: number }[];
  normalBand: Rect | null;
  series: SeriesGeometry[];
  /** Each label runs away from the nearer edge of the plot, so it is never cut off. */
  treatments: { x: number; label: string; labelX: number; anchor: TextAnchor }[];
  methodChanges: { x: number; side: Side; labelX: number; anchor: TextAnchor }[];
}

/** Room (viewBox units) a date label needs either side of its tick when centred ("Sep 2026" at 11 px). */
const X_LABEL_HALF_WIDTH = 26;
/** Room a treatment label (up to 40 characters at 10 px) or "method changed" needs beside its line. */
const SIDE_LABEL_WIDTH = 90;

/**
 * Date labels left to right, without one that would run into the one before it: the last month's
 * label, pulled inside the viewBox near the right edge, overlapped its neighbour ("Nov 2026Dec 2026").
 */
export function withoutOverlaps<T extends { x: number; anchor: TextAnchor }>(ticks: readonly T[]): T[] {
  const extent = (t: T): [number, number] =>
    t.anchor === "middle" ? [t.x - X_LABEL_HALF_WIDTH, t.x + X_LABEL_HALF_WIDTH] : t.anchor === "end" ? [t.x - 2 * X_LABEL_HALF_WIDTH, t.x] : [t.x, t.x + 2 * X_LABEL_HALF_WIDTH];
  const kept: T[] = [];
  for (const tick of ticks) {
    const previous = kept.at(-1);
    if (previous && extent(tick)[0] < extent(previous)[1] + 4) continue;
    kept.push(tick);
  }
  return kept;
}

/** The part of [a, b] (in any order) inside the plot's vertical extent, as a rectangle; null if none. */
export function bandRect(plot: Rect, y: Scale, low: number, high: number): Rect | null {
  const top = Math.max(plot.y, Math.min(y(low), y(high)));
  const bottom = Math.min(plot.y + plot.height, Math.max(y(low), y(high)));
  if (!(bottom > top)) return null;
  return { x: plot.x, y: r1(top), width: plot.width, height: r1(bottom - top) };
}

/** A length in tenths of a unit as path text: 13 → "1.3", -5 → "-0.5". */
function tenths(n: number): string {
  return String(n / 10);
}

/**
 * One step "dx dy" of an "M x y l …" path from whole tenths: a separator before it unless it is the
 * first after the "l" or starts with a minus sign, and none inside before a negative dy. Counted by
 * the caller, never read back from the path (asking a growing string about its end copies it).
 */
export function relativeStep(first: boolean, dxTenths: number, dyTenths: number): string {
  const dx = tenths(dxTenths);
  const dy = tenths(dyTenths);
  return `${first || dx.startsWith("-") ? "" : " "}${dx}${dy.startsWith("-") ? "" : " "}${dy}`;
}

/**
 * "M x y l dx dy dx dy …" per segment, in time order (segment numbers come from chart-data).
 * Relative steps are shorter than absolute points (a 300-visit series is most of a chart's
 * markup), and are taken between the already rounded positions, in whole tenths, so the line
 * passes exactly through the markers and never drifts. Steps in the same direction (a run of equal
 * values, common on whole-number scales) are drawn as one: the line and every value on it are
 * where they were, with fewer characters. Built in one pass (the path text is only appended to:
 * asking a growing string about its contents made every step copy it).
 */
export function segmentPaths(points: readonly PlacedPoint[]): { segment: number; d: string }[] {
  interface Path {
    d: string;
    x: number;
    y: number;
    /** The step not yet written (tenths), so that the next one can extend it. */
    dx: number;
    dy: number;
    steps: number;
  }
  const write = (path: Path) => {
    if (path.dx === 0 && path.dy === 0) return;
    path.d += `${path.steps === 0 ? "l" : ""}${relativeStep(path.steps === 0, path.dx, path.dy)}`;
    path.steps++;
  };
  const bySegment = new Map<number, Path>();
  for (const p of points) {
    const x = Math.round(p.x * 10);
    const y = Math.round(p.y * 10);
    const path = bySegment.get(p.point.segment);
    if (!path) {
      bySegment.set(p.point.segment, { d: `M${p.x} ${p.y}`, x, y, dx: 0, dy: 0, steps: 0 });
      continue;
    }
    const dx = x - path.x;
    const dy = y - path.y;
    path.x = x;
    path.y = y;
    if (dx === 0 && dy === 0) continue;
    // Same direction as the pending step (parallel and not reversed): one longer step.
    if (path.dx * dy === path.dy * dx && path.dx * dx + path.dy * dy > 0) {
      path.dx += dx;
      path.dy += dy;
      continue;
    }
    write(path);
    path.dx = dx;
    path.dy = dy;
  }
  for (const path of bySegment.values()) write(path);
  return [...bySegment].sort((a, b) => a[0] - b[0]).map(([segment, { d }]) => ({ segment, d }));
}

export function chartGeometry(chart: MeasureChart, xDomain: [number, number], xTicks: readonly TimeTick[], treatments: readonly TreatmentMarker[]): ChartGeometry {
  const plot: Rect = {
    x: PLOT_MARGIN.left,
    y: PLOT_MARGIN.top,
    width: SVG_WIDTH - PLOT_MARGIN.left - PLOT_MARGIN.right,
    height: SVG_HEIGHT - PLOT_MARGIN.top - PLOT_MARGIN.bottom,
  };
  const x = linearScale(xDomain, [plot.x, plot.x + plot.width]);
  // SVG y grows downwards: the domain's low end maps to the plot's bottom.
  const y = linearScale(chart.yDomain, [plot.y + plot.height, plot.y]);
  const insideX = (t: number) => t >= xDomain[0] && t <= xDomain[1];
  const [yLow, yHigh] = chart.yDomain;

  const series: SeriesGeometry[] = chart.series.map((s) => {
    // A dense series is placed on whole units: its steps are ~1 unit apart, so tenths would be most
    // of its markup for a difference under half a pixel (a lunge chart's unit is 0.06 cm, its MDC
    // 1.9 cm); its few markers sit on the same rounded positions, so the line still meets them.
    const place = isDense(s.points) ? r0 : r1;
    const points = s.points.map((point) => ({ x: place(x(point.time)), y: place(y(point.value)), point }));
    return {
      side: s.side,
      segments: segmentPaths(points),
      points,
      mdcBand: s.mdcBand ? bandRect(plot, y, s.mdcBand.low, s.mdcBand.high) : null,
      baselineY: s.baseline.value >= yLow && s.baseline.value <= yHigh ? r1(y(s.baseline.value)) : null,
    };
  });

  const xTickAnchor = (tx: number): TextAnchor => (tx + X_LABEL_HALF_WIDTH > SVG_WIDTH ? "end" : tx - X_LABEL_HALF_WIDTH < 0 ? "start" : "middle");
  // Labels beside a vertical line: to its right (treatments) or left (method changes) unless that runs off the viewBox.
  const besideLine = (lx: number, prefer: "right" | "left") => {
    const right = prefer === "right" ? lx + 3 + SIDE_LABEL_WIDTH <= SVG_WIDTH : lx - 3 - SIDE_LABEL_WIDTH < 0;
    return right ? { labelX: r1(lx + 3), anchor: "start" as const } : { labelX: r1(lx - 3), anchor: "end" as const };
  };
  return {
    plot,
    xTicks: withoutOverlaps(xTicks.filter((t) => insideX(t.time)).map((t) => ({ x: r1(x(t.time)), label: t.label, anchor: xTickAnchor(x(t.time)) }))),
    yTicks: niceTicks(yLow, yHigh).map((value) => ({ y: r1(y(value)), value })),
    normalBand: chart.normalBand ? bandRect(plot, y, chart.normalBand.low, chart.normalBand.high) : null,
    series,
    treatments: treatments.filter((t) => insideX(t.time)).map((t) => ({ x: r1(x(t.time)), label: t.label, ...besideLine(x(t.time), "right") })),
    methodChanges: chart.methodChanges.filter((m) => insideX(m.time)).map((m) => ({ x: r1(x(m.time)), side: m.side, ...besideLine(x(m.time), "left") })),
  };
}
