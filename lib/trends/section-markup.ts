// The trends page's chart section (every group, figure, chart, sentence, table toggle and Explore
// link) as one piece of markup (lib/markup/html: every text escaped), inserted by the page. As
// React elements it was ~20 elements per chart, each rendered on the server, serialised into the
// RSC payload and rendered again to HTML, for content with no interactivity of its own: the values
// tables are native <details>, and the hover is delegated (components/trends/ChartsHover, which
// finds the charts by data-hover-src).
import { html, type Markup } from "@/lib/markup/html";
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
  figureLinks: string;
}

export interface SectionLinks {
  /** ?table=code was asked for: that chart's table is open. */
  requestedTable: string | null;
  /** This page with the chart's table rendered (long tables are one link away). */
  fullTableHref: (code: string) => string;
  /** Where a chart's hover texts are fetched from (lib/trends/hover, on the pointer's first entry). */
  hoverSrc: (code: string) => string;
  /** The measure explorer of one measure (its whole history, interactive). */
  exploreHref: (code: string) => string;
}

/** The id of a chain group's section, for the page's jump links. */
export function groupAnchor(group: string): string {
  return `group-${group}`;
}

function figureMarkup(chart: ChartView, css: SectionClasses, links: SectionLinks): Markup {
  const id = `chart-${chart.code}`;
  const sentences = chart.sentences.map(
    (s) =>
      html`<p data-testid="trend-sentence">${s.text}${s.mdcNote ? html`<span class="muted"> ${s.mdcNote}</span>` : null}${s.baselineNote ? html`<span class="muted"> ${s.baselineNote}</span>` : null}</p>`,
  );
  // The same numbers as the chart, in a native <details> (keyboard-operable, no JavaScript), named
  // for its measure so a list of the page's controls tells the 20 toggles apart.
  const table =
    chart.tableHtml !== null
      ? html`<div class="${css.tableBox}">${chart.tableHtml}</div>`
      : html`<p><a href="${links.fullTableHref(chart.code)}">Show all ${chart.valueCount} values as a table</a> (reloads the page with this table).</p>`;
  // Fixed viewBox and aspect ratio: the server HTML is the final layout.
  return html`<figure id="${id}" class="${css.figure}" aria-labelledby="${id}-title" data-testid="${id}"><h3 id="${id}-title" class="${css.figureTitle}">${chart.title} <span class="muted">(${chart.unit})</span></h3>${chart.normalText ? html`<p class="${css.normalText}">Normal: ${chart.normalText}</p>` : null}<div class="${css.chartBox}" data-hover-src="${links.hoverSrc(chart.code)}">${chart.svg}</div><figcaption class="${css.caption}">${sentences}</figcaption><p class="${css.figureLinks} no-print"><a href="${links.exploreHref(chart.code)}">Explore <span class="visually-hidden">${chart.title}</span></a></p><details class="${css.tableToggle}"${links.requestedTable === chart.code ? html` open` : null}><summary>Show ${chart.title} table</summary>${table}</details></figure>`;
}

/** Every chart group of the view, in order, as sections with a heading and a grid of figures. */
export function chartSectionMarkup(view: Pick<TrendsView, "groups">, css: SectionClasses, links: SectionLinks): Markup {
  return html`${view.groups.map((group) => {
    const headingId = groupAnchor(group.group);
    return html`<section class="${css.group}" aria-labelledby="${headingId}"><h2 id="${headingId}">${group.title}</h2><div class="${css.grid}">${group.charts.map((chart) => figureMarkup(chart, css, links))}</div></section>`;
  })}`;
}
