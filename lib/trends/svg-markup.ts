// One trends chart as SVG markup (lib/markup/html's `svg` template: every interpolation escaped),
// built from lib/trends/svg-geometry. The page inserts it as it is: as React elements, a 300-visit
// history was thousands of elements per chart, rendered, serialised and rendered again.
//
// Markers carry no hover text of their own (a <title> per value was 41 % of a 60-visit page): the
// page's ChartsHover asks the hover route for a chart's values when the pointer first enters it,
// and every value is in the chart's table and in the measure explorer.
import type { Side } from "@/lib/clinical/measures";
import { svg, type Markup } from "@/lib/markup/html";
import type { MeasureChart } from "./chart-data";
import { markerPath, SIDE_COLOURS } from "./palette";
import { isDense, r1, relativeStep, SVG_HEIGHT, SVG_WIDTH, type ChartGeometry, type PlacedPoint } from "./svg-geometry";

/** How far (viewBox units) a left and a right marker at the same place are moved apart, so both show. */
const COINCIDE_SHIFT = 4;

function shownPoints(points: readonly PlacedPoint[]): readonly PlacedPoint[] {
  return isDense(points) ? points.filter((p, i) => p.point.flags.length > 0 || p.point.methodChangedFromPrevious || i === points.length - 1) : points;
}

/** "x|y" of every shown marker of the other side, to find markers that would hide each other. */
function placesOf(points: readonly PlacedPoint[]): Set<string> {
  const out = new Set<string>();
  for (const p of points) out.add(`${Math.round(p.x)}|${Math.round(p.y / 4)}`);
  return out;
}

/** The id of a side's marker (components/trends/markers defines them once per page). */
export function markerId(side: Side): string {
  return `mk-${side}`;
}

/**
 * "M x y l dx dy …" through the given positions (relative steps in whole tenths, like the line), with
 * a zero-length step for a single position so the path has a vertex the markers can sit on.
 */
function vertexPath(positions: readonly { x: number; y: number }[]): string {
  let d = "";
  let last: [number, number] | null = null;
  let steps = 0;
  for (const { x, y } of positions) {
    const tx = Math.round(x * 10);
    const ty = Math.round(y * 10);
    if (!last) d = `M${tx / 10} ${ty / 10}l`;
    else {
      d += relativeStep(steps === 0, tx - last[0], ty - last[1]);
      steps++;
    }
    last = [tx, ty];
  }
  return positions.length === 1 ? `${d}0 0` : d;
}

/**
 * The markers of one side. Filled markers are SVG <marker>s on the vertices of one invisible path
 * (a few characters per value instead of an element each: the 60-visit page's markers were most
 * of its markup); hollow (method changed) markers and flag rings, which are few, are elements.
 */
function seriesMarks(side: Side, points: readonly PlacedPoint[], other: Set<string> | null): Markup {
  const colour = SIDE_COLOURS[side];
  const shift = side === "left" ? -COINCIDE_SHIFT : COINCIDE_SHIFT;
  const placed = shownPoints(points).map((p) => ({ p, x: other?.has(`${Math.round(p.x)}|${Math.round(p.y / 4)}`) ? r1(p.x + shift) : p.x, y: p.y }));
  const filled = placed.filter(({ p }) => !p.point.methodChangedFromPrevious);
  const hollow = placed.filter(({ p }) => p.point.methodChangedFromPrevious);
  const marker = `url(#${markerId(side)})`;
  // Flag rings first, so the markers sit on top of them.
  const rings = placed.filter(({ p }) => p.point.flags.length > 0).map(({ x, y }) => svg`<circle cx="${x}" cy="${y}" r="8.5" fill="none" stroke="#000000" stroke-width="2"></circle>`);
  return svg`<g data-marks="${side}">${rings}${
    filled.length ? svg`<path d="${vertexPath(filled)}" fill="none" stroke="none" marker-start="${marker}" marker-mid="${marker}" marker-end="${marker}"></path>` : null
  }${hollow.map(({ x, y }) => svg`<path d="${markerPath(side, x, y)}" fill="#ffffff" stroke="${colour}" stroke-width="2"></path>`)}</g>`;
}

/**
 * The chart's whole <svg> from its geometry (svg-geometry's chartGeometry): grid, normal band, MDC
 * bands (hatched, per side), baselines, treatment and method-change markers, axes, then per side
 * the line (one path per method segment) and the markers. Fixed viewBox, so the server HTML is the
 * final layout.
 */
export function chartMarkup(chart: MeasureChart, g: ChartGeometry): Markup {
  const { plot } = g;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const b = g.normalBand;
  const mdcBands = g.series.map((s) =>
    s.mdcBand
      ? svg`<rect data-band="mdc" data-side="${s.side}" x="${s.mdcBand.x}" y="${s.mdcBand.y}" width="${s.mdcBand.width}" height="${s.mdcBand.height}" fill="url(#mdc-hatch-${s.side})" stroke="${SIDE_COLOURS[s.side]}" stroke-opacity="0.3" stroke-dasharray="3 3"></rect>`
      : null,
  );
  const baselines = g.series.map((s) =>
    s.baselineY === null
      ? null
      : svg`<line x1="${plot.x}" x2="${right}" y1="${s.baselineY}" y2="${s.baselineY}" stroke="${SIDE_COLOURS[s.side]}" stroke-opacity="0.6" stroke-dasharray="2 3"></line>`,
  );
  const treatments = g.treatments.map(
    (t) =>
      svg`<g data-treatment=""><line x1="${t.x}" x2="${t.x}" y1="${plot.y - 8}" y2="${bottom}" stroke="#555555" stroke-dasharray="5 3"></line><text x="${t.labelX}" y="${plot.y - 2}" text-anchor="${t.anchor}" font-size="10" fill="#333333">${t.label}</text></g>`,
  );
  const methodChanges = g.methodChanges.map(
    (m) =>
      svg`<g data-method-change="${m.side}"><line x1="${m.x}" x2="${m.x}" y1="${plot.y}" y2="${bottom}" stroke="${SIDE_COLOURS[m.side]}" stroke-dasharray="1 3" stroke-width="2"></line><text x="${m.labelX}" y="${bottom - 4}" text-anchor="${m.anchor}" font-size="10" fill="#333333">method changed</text></g>`,
  );
  const yLabels = g.yTicks.map((t) => svg`<text x="${plot.x - 5}" y="${r1(t.y + 4)}">${t.value}</text>`);
  const xLabels = g.xTicks.map((t) => svg`<text x="${t.x}" y="${bottom + 16}" text-anchor="${t.anchor}">${t.label}</text>`);
  // Where a left and a right marker would cover each other, both move a little apart.
  const left = g.series.find((s) => s.side === "left");
  const rightSeries = g.series.find((s) => s.side === "right");
  const othersOf = (side: Side) =>
    side === "left" && rightSeries ? placesOf(shownPoints(rightSeries.points)) : side === "right" && left ? placesOf(shownPoints(left.points)) : null;
  const series = g.series.map(
    (s) =>
      svg`<g data-series="${s.side}">${s.segments.map((seg) => svg`<path data-segment="${seg.segment}" d="${seg.d}" fill="none" stroke="${SIDE_COLOURS[s.side]}" stroke-width="2"></path>`)}${seriesMarks(s.side, s.points, othersOf(s.side))}</g>`,
  );
  return svg`<svg viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" width="100%" role="img" aria-label="${chart.description}" data-chart="${chart.code}"><path d="${g.yTicks.map((t) => `M${plot.x} ${t.y}H${right}`).join("")}" stroke="#e5e7eb"></path>${b ? svg`<rect data-band="normal" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#c8e6c9" fill-opacity="0.45"></rect>` : null}${mdcBands}${baselines}${treatments}${methodChanges}<path d="M${plot.x} ${plot.y}V${bottom}H${right}" stroke="#6b7280" fill="none"></path><g font-size="11" fill="#4b5563" text-anchor="end">${yLabels}</g><g font-size="11" fill="#4b5563">${xLabels}</g>${series}</svg>`;
}
