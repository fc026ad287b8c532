// One trends chart as an SVG markup string, built from lib/trends/svg-geometry. The page inserts
// it as it is: as React elements, a 300-visit history was thousands of elements per chart, each
// rendered, serialised into the RSC payload and rendered again to HTML, and that was most of the
// page's time. A string is one value. Every text that comes from data is escaped here (escapeXml),
// and the unit tests check it, because nothing downstream escapes it again.
import type { Side } from "@/lib/clinical/measures";
import { escapeXml } from "@/lib/markup/escape";
import type { MeasureChart } from "./chart-data";
import { SIDE_COLOURS } from "./palette";
import { isDense, pointTitle, r1, SVG_HEIGHT, SVG_WIDTH, type ChartGeometry, type PlacedPoint } from "./svg-geometry";

/** The marker of one point: circle (left), triangle (right), diamond (whole-body), as in the legend. */
function marker(side: Side, x: number, y: number, hollow: boolean, title: string): string {
  // Hollow (method changed): white fill, thicker outline; otherwise the series group's colours apply.
  const own = hollow ? ' fill="#ffffff" stroke-width="2"' : "";
  const t = `<title>${escapeXml(title)}</title>`;
  if (side === "left") return `<circle cx="${x}" cy="${y}" r="4.5"${own}>${t}</circle>`;
  if (side === "right") return `<path d="M${x} ${r1(y - 5.6)}l5.6 10.1h-11.2z"${own}>${t}</path>`;
  return `<path d="M${x} ${r1(y - 5.4)}l5.4 5.4l-5.4 5.4l-5.4-5.4z"${own}>${t}</path>`;
}

function seriesMarks(side: Side, points: PlacedPoint[]): string {
  const colour = SIDE_COLOURS[side];
  const shown = isDense(points)
    ? points.filter((p, i) => p.point.flags.length > 0 || p.point.methodChangedFromPrevious || i === points.length - 1)
    : points;
  let out = `<g fill="${colour}" stroke="${colour}" stroke-width="1">`;
  // Flag rings first, so the markers sit on top of them.
  for (const p of shown) if (p.point.flags.length > 0) out += `<circle cx="${p.x}" cy="${p.y}" r="8.5" fill="none" stroke="#000000" stroke-width="2"></circle>`;
  for (const p of shown) out += marker(side, p.x, p.y, p.point.methodChangedFromPrevious, pointTitle(side, p.point));
  return `${out}</g>`;
}

/**
 * The hover text of every value of a chart, at its position in the SVG's viewBox: for charts with a
 * dense series, whose markers (and native hover text) are thinned out. The page's ChartsHover asks
 * for these when the pointer first enters such a chart.
 */
export function hoverPoints(g: ChartGeometry): HoverPoint[] {
  return g.series.flatMap((s) => s.points.map((p) => ({ x: p.x, y: p.y, text: pointTitle(s.side, p.point) })));
}

export interface HoverPoint {
  x: number;
  y: number;
  text: string;
}

/**
 * The chart's whole <svg> from its geometry (svg-geometry's chartGeometry): grid, normal band, MDC
 * bands (hatched, per side), baselines, treatment and method-change markers, axes, then per side
 * the line (one path per method segment) and the markers with their hover text. Fixed viewBox, so
 * the server HTML is the final layout.
 */
export function chartMarkup(chart: MeasureChart, g: ChartGeometry): string {
  const { plot } = g;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const parts: string[] = [];
  parts.push(
    `<svg viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(chart.description)}" data-chart="${escapeXml(chart.code)}">`,
    `<path d="${g.yTicks.map((t) => `M${plot.x} ${t.y}H${right}`).join("")}" stroke="#e5e7eb"></path>`,
  );
  const b = g.normalBand;
  if (b) parts.push(`<rect data-band="normal" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#c8e6c9" fill-opacity="0.45"></rect>`);
  for (const s of g.series) {
    const m = s.mdcBand;
    if (!m) continue;
    parts.push(
      `<rect data-band="mdc" data-side="${s.side}" x="${m.x}" y="${m.y}" width="${m.width}" height="${m.height}" fill="url(#mdc-hatch-${s.side})" stroke="${SIDE_COLOURS[s.side]}" stroke-opacity="0.3" stroke-dasharray="3 3"></rect>`,
    );
  }
  for (const s of g.series) {
    if (s.baselineY === null) continue;
    parts.push(`<line x1="${plot.x}" x2="${right}" y1="${s.baselineY}" y2="${s.baselineY}" stroke="${SIDE_COLOURS[s.side]}" stroke-opacity="0.6" stroke-dasharray="2 3"></line>`);
  }
  for (const t of g.treatments) {
    parts.push(
      `<g data-treatment=""><line x1="${t.x}" x2="${t.x}" y1="${plot.y - 8}" y2="${bottom}" stroke="#555555" stroke-dasharray="5 3"></line>` +
        `<text x="${r1(t.x + 3)}" y="${plot.y - 2}" font-size="10" fill="#333333">${escapeXml(t.label)}</text></g>`,
    );
  }
  for (const m of g.methodChanges) {
    parts.push(
      `<g data-method-change="${m.side}"><line x1="${m.x}" x2="${m.x}" y1="${plot.y}" y2="${bottom}" stroke="${SIDE_COLOURS[m.side]}" stroke-dasharray="1 3" stroke-width="2"></line>` +
        `<text x="${r1(m.x - 3)}" y="${bottom - 4}" text-anchor="end" font-size="10" fill="#333333">method changed</text></g>`,
    );
  }
  parts.push(`<path d="M${plot.x} ${plot.y}V${bottom}H${right}" stroke="#6b7280" fill="none"></path>`);
  parts.push(`<g font-size="11" fill="#4b5563" text-anchor="end">`);
  for (const t of g.yTicks) parts.push(`<text x="${plot.x - 5}" y="${r1(t.y + 4)}">${t.value}</text>`);
  parts.push(`</g><g font-size="11" fill="#4b5563" text-anchor="middle">`);
  for (const t of g.xTicks) parts.push(`<text x="${t.x}" y="${bottom + 16}">${escapeXml(t.label)}</text>`);
  parts.push("</g>");
  for (const s of g.series) {
    parts.push(`<g data-series="${s.side}">`);
    for (const seg of s.segments) {
      parts.push(`<path data-segment="${seg.segment}" d="${seg.d}" fill="none" stroke="${SIDE_COLOURS[s.side]}" stroke-width="2"></path>`);
    }
    parts.push(seriesMarks(s.side, s.points), "</g>");
  }
  parts.push("</svg>");
  return parts.join("");
}
