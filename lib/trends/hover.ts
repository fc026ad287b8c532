// The hover text of a chart's values (value with unit, date, method, rater, notes) at their
// positions in the chart's viewBox. Built only when the hover route is asked for one chart
// (app/(app)/patients/[id]/trends/hover): the page itself carries no per-value text, so a long
// history does not pay for hover texts nobody reads.
import type { Side } from "@/lib/clinical/measures";
import type { ChartPoint } from "./chart-data";
import type { SeriesGeometry } from "./svg-geometry";

export interface HoverPoint {
  x: number;
  y: number;
  text: string;
}

const SIDE_LABELS: Record<Side, string> = { left: "Left", right: "Right", none: "" };

/** The hover text of one point: value with unit, date, method, rater, notes. */
export function pointText(side: Side, p: ChartPoint): string {
  const parts = [`${SIDE_LABELS[side] ? `${SIDE_LABELS[side]}: ` : ""}${p.display}`, p.date, p.method ?? "method not recorded", `rated by ${p.rater}`];
  if (p.methodChangedFromPrevious) parts.push("method changed");
  if (p.flags.length > 0) parts.push(`flag: ${p.flags.join(", ")}`);
  return parts.join(" · ");
}

/** Every value of a chart with its hover text, at its position in the SVG's viewBox. */
export function hoverPoints(g: { series: readonly Pick<SeriesGeometry, "side" | "points">[] }): HoverPoint[] {
  return g.series.flatMap((s) => s.points.map((p) => ({ x: p.x, y: p.y, text: pointText(s.side, p.point) })));
}
