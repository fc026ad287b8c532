// The trends page's chart section (every group, figure, chart, sentence and table toggle) as one
// HTML string, inserted once by the page (components/markup/ServerMarkup). As React elements it
// was ~20 elements per chart, each rendered on the server, serialised into the RSC payload and
// rendered again to HTML, for content with no interactivity of its own: the values tables are
// native <details>, and the hover of long series is delegated (components/trends/ChartsHover,
// which finds the charts by data-hover-src). Every text is escaped here.
import { escapeXml } from "@/lib/markup/escape";
import type { ChartView, TrendsView } from "./view";

/** The page's CSS module class names for the parts of the section. */
export interface SectionClasses {
  group: string;
  grid: string;
  figure: string;
  figureTitle: string;
  normalText: string;
  chartBox: string;
  caption: string;
  tableToggle: string;
  tableBox: string;
}

export interface SectionLinks {
  /** ?table=code was asked for: that chart's table is open. */
  requestedTable: string | null;
  /** This page with the chart's table rendered (long tables are one link away). */
  fullTableHref: (code: string) => string;
  /** Where the hover text of a chart with a dense series is fetched from. */
  hoverSrc: (code: string) => string;
}

function figureMarkup(chart: ChartView, css: SectionClasses, links: SectionLinks): string {
  const id = `chart-${escapeXml(chart.code)}`;
  const out: string[] = [
    `<figure id="${id}" class="${css.figure}" aria-labelledby="${id}-title" data-testid="${id}">`,
    `<h3 id="${id}-title" class="${css.figureTitle}">${escapeXml(chart.title)} <span class="muted">(${escapeXml(chart.unit)})</span></h3>`,
  ];
  if (chart.normalText) out.push(`<p class="${css.normalText}">Normal: ${escapeXml(chart.normalText)}</p>`);
  // Fixed viewBox and aspect ratio: the server HTML is the final layout.
  const hover = chart.hover ? ` data-hover-src="${escapeXml(links.hoverSrc(chart.code))}"` : "";
  // No svg: a yes/no finding, shown as its sentence and an open table rather than a line.
  const tableOnly = chart.svg === "";
  if (!tableOnly) out.push(`<div class="${css.chartBox}"${hover}>${chart.svg}</div>`);
  out.push(`<figcaption class="${css.caption}">`);
  for (const s of chart.sentences) {
    out.push(
      `<p data-testid="trend-sentence">${escapeXml(s.text)}` +
        (s.mdcNote ? `<span class="muted"> ${escapeXml(s.mdcNote)}</span>` : "") +
        (s.baselineNote ? `<span class="muted"> ${escapeXml(s.baselineNote)}</span>` : "") +
        "</p>",
    );
  }
  out.push("</figcaption>");
  // The same numbers as the chart, in a native <details> (keyboard-operable, no JavaScript).
  out.push(`<details class="${css.tableToggle}"${links.requestedTable === chart.code || tableOnly ? " open" : ""}><summary>Show table</summary>`);
  if (chart.tableHtml !== null) out.push(`<div class="${css.tableBox}">${chart.tableHtml}</div>`);
  else {
    out.push(
      `<p><a href="${escapeXml(links.fullTableHref(chart.code))}">Show all ${chart.valueCount} values as a table</a> (reloads the page with this table).</p>`,
    );
  }
  out.push("</details></figure>");
  return out.join("");
}

/** Every chart group of the view, in order, as sections with a heading and a grid of figures. */
export function chartSectionMarkup(view: Pick<TrendsView, "groups">, css: SectionClasses, links: SectionLinks): string {
  return view.groups
    .map((group) => {
      const headingId = `group-${escapeXml(group.group)}`;
      const figures = group.charts.map((chart) => figureMarkup(chart, css, links)).join("");
      return `<section class="${css.group}" aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeXml(group.title)}</h2><div class="${css.grid}">${figures}</div></section>`;
    })
    .join("");
}
