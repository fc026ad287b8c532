// The hover text of a chart's values (value with unit, date, method, rater, notes) at their
// positions in the chart's viewBox. Built only when the hover route is asked for one chart
// (app/(app)/patients/[id]/trends/hover): the page itself carries no per-value text, so a long
// history does not pay for hover texts nobody reads.
//
// What the route needs is kept in the view cache as a HoverIndex: a few flat arrays of numbers and
// one table of distinct texts per chart instead of an object per value. A 300-visit view held
// ~50,000 small objects for the hover route, and every full garbage collection of the server
// walked all of them for every view in the cache: first views of the trends page cost 58 vs 47 ms
// of CPU with and without them (docs/performance.md, "Trends page"). Plain arrays, not typed
// arrays: they stay in the JavaScript heap that the server's heap limit bounds, where each typed
// array would allocate its own buffer outside it.
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
  xs: number[];
  ys: number[];
  /**
   * FIELDS entries per value: display, date, method (-1: not recorded), rater, flags ("" when
   * none), and 1 where the method differs from the previous value's (else 0).
   */
  facts: number[];
}

export interface HoverIndex {
  series: HoverSeries[];
  /** Every distinct text of the chart's values, once. */
  texts: string[];
}

const FIELDS = 6;
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
      const s: HoverSeries = { side, xs: [], ys: [], facts: [] };
      for (const { x, y, point } of points) {
        s.xs.push(x);
        s.ys.push(y);
        s.facts.push(
          textIndex(point.display),
          textIndex(point.date),
          point.method === null ? -1 : textIndex(point.method),
          textIndex(point.rater),
          textIndex(point.flags.join(", ")),
          point.methodChangedFromPrevious ? 1 : 0,
        );
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
    s.xs.map((x, i) => {
      const at = i * FIELDS;
      const flags = texts[s.facts[at + 4]!]!;
      const facts: PointFacts = {
        display: texts[s.facts[at]!]!,
        date: texts[s.facts[at + 1]!]!,
        method: s.facts[at + 2]! < 0 ? null : texts[s.facts[at + 2]!]!,
        rater: texts[s.facts[at + 3]!]!,
        flags: flags === "" ? [] : [flags],
        methodChangedFromPrevious: s.facts[at + 5] === 1,
      };
      return { x, y: s.ys[i]!, text: pointText(s.side, facts) };
    }),
  );
}
