// Colours and marker shapes of the series (ui.md: Okabe-Ito, left blue with one marker, right
// another colour with another marker), shared by the chart markup, the legend, the measure
// explorer and the referral PDF's charts, so they never disagree.
//
// Right is Okabe-Ito vermillion (#D55E00, 3.9:1 against white): the orange (#E69F00) was 2.25:1,
// below the 3:1 that WCAG asks of graphics a reader needs. Left blue is 5.2:1.
import type { Side } from "@/lib/clinical/measures";

export const SIDE_COLOURS: Record<Side, string> = { left: "#0072B2", right: "#D55E00", none: "#333333" };
export const SIDE_NAMES: Record<Side, string> = { left: "Left", right: "Right", none: "Value" };
export const SIDE_SHAPE_NAMES: Record<Side, string> = { left: "circle", right: "triangle", none: "diamond" };

/** One decimal, and never "-0" (path text stays short). */
function d1(n: number): number {
  const v = Math.round(n * 10) / 10;
  return v === 0 ? 0 : v;
}

/**
 * The marker of a side centred on (x, y), as SVG path data: circle (left), triangle (right),
 * diamond (whole-body). `size` is the circle's radius; the other shapes are scaled to look as big.
 */
export function markerPath(side: Side, x: number, y: number, size = 4.5): string {
  if (side === "left") return `M${d1(x - size)} ${d1(y)}a${size} ${size} 0 1 0 ${d1(2 * size)} 0a${size} ${size} 0 1 0 ${d1(-2 * size)} 0z`;
  if (side === "right") {
    const s = d1(size * 1.25);
    return `M${d1(x)} ${d1(y - s)}l${s} ${d1(s * 1.8)}h${d1(-2 * s)}z`;
  }
  const s = d1(size * 1.2);
  return `M${d1(x)} ${d1(y - s)}l${s} ${s}l${-s} ${s}l${-s} ${-s}z`;
}
