// The hover text of a chart's values (value with unit, date, method, rater, notes) at their
// positions in the chart's viewBox. Built only when the hover route is asked for one chart
// (app/(app)/patients/[id]/trends/hover): the page itself carries no per-value text, so a long
// history does not pay for hover texts nobody reads.
//
// What the route needs is kept in the view cache as a HoverIndex: columns (typed arrays and one
// table of distinct texts) instead of an object per value. A 300-visit view held ~50,000 small
// objects for the hover route, and every full garbage collection of the server walked all of them
// for every view in the cache: first views of the trends page cost 58 vs 47 ms of CPU with and
// without them (docs/performance.md, "Trends page").
import type { Side } from "@/lib/clinical/measures";
import type { ChartPoint } from "./chart-data";
import type { SeriesGeometry } from "./svg-geometry";

export interface HoverPoint {
  x: number;
  y: number;
  text: string;
}

/** The parts of a value that its hover text shows. */
export type PointFacts = Pick<ChartPoint, "display" | "date" | "method" | "rater" | "flags" | "methodChangedFromPrevious">;

/** One side's values: positions, and per value the indexes of its texts in HoverIndex.texts. */
interface HoverSeries {
  side: Side;
  xs: Float64Array;
  ys: Float64Array;
  /** FIELDS entries per value: display, date, method (-1: not recorded), rater, flags ("" when none). */
  facts: Int32Array;
  /** 1 where the method differs from the previous value's. */
  methodChanged: Uint8Array;
}

export interface HoverIndex {
  series: HoverSeries[];
  /** Every distinct text of the chart's values, once. */
  texts: string[];
}

const FIELDS = 5;
const SIDE_LABELS: Record<Side, string> = { left: "Left", right: "Right", none: "" };

/** The hover text of one value: value with unit, date, method, rater, notes. */
export function pointText(side: Side, p: PointFacts): string {
  const parts = [`${SIDE_LABELS[side] ? `${SIDE_LABELS[side]}: ` : ""}${p.display}`, p.date, p.method ?? "method not recorded", `rated by ${p.rater}`];
  if (p.methodChangedFromPrevious) parts.push("method changed");
  if (p.flags.length > 0) parts.push(`flag: ${p.flags.join(", ")}`);
  return parts.join(" · ");
}

/** The compact form of a chart's placed values, kept with the view. */
export function hoverIndex(series: readonly Pick<SeriesGeometry, "side" | "points">[]): HoverIndex {
  const texts: string[] = [];
  const known = new Map<string, number>();
  const textIndex = (text: string) => {
    let index = known.get(text);
    if (index === undefined) known.set(text, (index = texts.push(text) - 1));
    return index;
  };
  return {
    texts,
    series: series.map(({ side, points }) => {
      const n = points.length;
      const s: HoverSeries = { side, xs: new Float64Array(n), ys: new Float64Array(n), facts: new Int32Array(n * FIELDS), methodChanged: new Uint8Array(n) };
      for (let i = 0; i < n; i++) {
        const { x, y, point } = points[i]!;
        s.xs[i] = x;
        s.ys[i] = y;
        const at = i * FIELDS;
        s.facts[at] = textIndex(point.display);
        s.facts[at + 1] = textIndex(point.date);
        s.facts[at + 2] = point.method === null ? -1 : textIndex(point.method);
        s.facts[at + 3] = textIndex(point.rater);
        s.facts[at + 4] = textIndex(point.flags.join(", "));
        s.methodChanged[i] = point.methodChangedFromPrevious ? 1 : 0;
      }
      return s;
    }),
  };
}

/** How many values the index holds. */
export function hoverValueCount(index: HoverIndex): number {
  return index.series.reduce((sum, s) => sum + s.xs.length, 0);
}

/** Every value of a chart with its hover text, at its position in the SVG's viewBox. */
export function hoverPoints(index: HoverIndex): HoverPoint[] {
  const { texts } = index;
  return index.series.flatMap((s) =>
    Array.from(s.xs, (x, i) => {
      const at = i * FIELDS;
      const flags = texts[s.facts[at + 4]!]!;
      const facts: PointFacts = {
        display: texts[s.facts[at]!]!,
        date: texts[s.facts[at + 1]!]!,
        method: s.facts[at + 2]! < 0 ? null : texts[s.facts[at + 2]!]!,
        rater: texts[s.facts[at + 3]!]!,
        flags: flags === "" ? [] : [flags],
        methodChangedFromPrevious: s.methodChanged[i] === 1,
      };
      return { x, y: s.ys[i]!, text: pointText(s.side, facts) };
    }),
  );
}
