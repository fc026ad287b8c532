// The values table of one chart as markup (lib/markup/html: every text escaped): the same numbers
// as the chart (WCAG: every chart has a table), server-rendered inside the page's <details>
// toggle. Built as a string for the same reason as the chart (svg-markup.ts): a table of 120 rows
// is ~700 React elements, each rendered, serialised and rendered again, for a table most visits
// never open.
import { html, type Markup } from "@/lib/markup/html";
import type { MeasureChart } from "./chart-data";
import { SIDE_NAMES } from "./palette";

/**
 * The tables are rendered in the page (closed) while all of them together hold at most this many
 * values: a short history's tables open at once. Past it, each table is one link away (?table=code
 * reloads the page with that table rendered and opened), as a long history's tables would be most
 * of the page's weight (HTML and RSC payload) for tables most visits never open.
 */
export const INLINE_TABLES_MAX_VALUES = 600;

export function tableRowCount(chart: MeasureChart): number {
  return chart.series.reduce((n, s) => n + s.points.length, 0);
}

/** The chart's values by date, sides in series order (left, right, whole-body) within a date. */
export function valuesTableHtml(chart: MeasureChart): Markup {
  const rows = chart.series.flatMap((s) => s.points.map((point) => ({ side: s.side, point })));
  // Stable sort keeps the series order within one date.
  rows.sort((a, b) => a.point.time - b.point.time);
  if (rows.length === 0) return html`<p class="muted">No values in the selected dates.</p>`;
  const bilateral = chart.series.some((s) => s.side !== "none");
  const body = rows.map(({ side, point: p }) => {
    const notes = [p.methodChangedFromPrevious ? "method changed" : "", p.flags.length ? `flagged (${p.flags.join(", ")})` : ""].filter(Boolean).join("; ");
    return html`<tr><td>${p.date}</td>${bilateral ? html`<td>${SIDE_NAMES[side]}</td>` : null}<td>${p.display}</td><td>${p.method ?? "not recorded"}</td><td>${p.rater}</td><td>${notes}</td></tr>`;
  });
  return html`<table class="data-table"><caption class="visually-hidden">${chart.title}: values shown in the chart</caption><thead><tr><th scope="col">Date</th>${bilateral ? html`<th scope="col">Side</th>` : null}<th scope="col">Value</th><th scope="col">Method</th><th scope="col">Rater</th><th scope="col">Notes</th></tr></thead><tbody>${body}</tbody></table>`;
}
