// The trends chart section as one markup string: the structure the page, its hover and its tests
// rely on (figures by test id, sentences, table toggles, the hover source only on dense charts),
// and escaping of every text, since the string is inserted as it is.
import { describe, expect, it } from "vitest";
import { html, svg } from "@/lib/markup/html";
import { chartSectionMarkup, type SectionClasses } from "./section-markup";
import type { ChartView, TrendsView } from "./view";

const CLASSES: SectionClasses = {
  group: "g",
  grid: "grid",
  figure: "fig",
  figureTitle: "title",
  normalText: "normal",
  chartBox: "box",
  caption: "cap",
  tableToggle: "toggle",
  tableBox: "tbox",
  figureLinks: "links",
};

function chart(extra: Partial<ChartView> = {}): ChartView {
  return {
    code: "ankle_df_wblt_cm",
    title: "Lunge test distance",
    unit: "cm",
    normalText: "12 ± 2.8 cm",
    svg: svg`<svg role="img" aria-label="chart"></svg>`,
    sentences: [
      { side: "left", text: "Left lunge test distance +2.0 cm since 10 Jan 2026: real change, better.", mdcNote: "MDC band: baseline 8 cm ± 1.9 cm.", baselineNote: null },
      { side: "right", text: "Right <b>lunge</b> & \"more\"", mdcNote: null, baselineNote: "The baseline (1 Jan 2025) is before the dates shown." },
    ],
    valueCount: 4,
    tableHtml: html`<table><tbody><tr><td>1</td></tr></tbody></table>`,
    hover: { series: [], texts: [] },
    ...extra,
  };
}

function view(charts: ChartView[]): Pick<TrendsView, "groups"> {
  return { groups: [{ group: "foot_ankle", title: "Foot & ankle", charts }] };
}

const links = {
  requestedTable: null,
  fullTableHref: (code: string) => `/patients/p/trends?range=3m&table=${code}#chart-${code}`,
  exploreHref: (code: string) => `/patients/p/trends/explore/${code}`,
};

describe("chartSectionMarkup", () => {
  it("draws a section per group and a figure per chart with its title, normal text, chart, sentences and table", () => {
    const html = chartSectionMarkup(view([chart()]), CLASSES, links).value;
    expect(html).toContain('<section class="g" aria-labelledby="group-foot_ankle"><h2 id="group-foot_ankle">Foot &amp; ankle</h2><div class="grid">');
    expect(html).toContain('<figure id="chart-ankle_df_wblt_cm" class="fig" aria-labelledby="chart-ankle_df_wblt_cm-title" data-testid="chart-ankle_df_wblt_cm">');
    expect(html).toContain('<h3 id="chart-ankle_df_wblt_cm-title" class="title">Lunge test distance <span class="muted">(cm)</span></h3>');
    expect(html).toContain('<p class="normal">Normal: 12 ± 2.8 cm</p>');
    expect(html).toContain('<div class="box" data-hover-code="ankle_df_wblt_cm"><svg role="img" aria-label="chart"></svg></div>');
    expect(html).toContain('<p data-testid="trend-sentence">Left lunge test distance +2.0 cm since 10 Jan 2026: real change, better.<span class="muted"> MDC band: baseline 8 cm ± 1.9 cm.</span></p>');
    expect(html).toContain('<details class="toggle"><summary>Show Lunge test distance table</summary><div class="tbox"><table>');
    expect(html).toContain('<p class="links no-print"><a href="/patients/p/trends/explore/ankle_df_wblt_cm">Explore <span class="visually-hidden">Lunge test distance</span></a></p>');
    // A closed toggle.
    expect(html).not.toContain(" open>");
  });

  it("escapes every text it adds (the chart and table markup arrive escaped)", () => {
    const html = chartSectionMarkup(view([chart({ title: "<script>alert(1)</script>", unit: '"u"', normalText: "a < b" })]), CLASSES, links).value;
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"muted\">(&quot;u&quot;)</span>");
    expect(html).toContain("Normal: a &lt; b");
    expect(html).toContain("Right &lt;b&gt;lunge&lt;/b&gt; &amp; &quot;more&quot;<span class=\"muted\"> The baseline (1 Jan 2025) is before the dates shown.</span>");
    expect(html).toContain("<summary>Show &lt;script&gt;alert(1)&lt;/script&gt; table</summary>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
  });

  it("links a long table instead of inlining it, and opens the table that was asked for", () => {
    const long = chartSectionMarkup(view([chart({ tableHtml: null, valueCount: 600 })]), CLASSES, links).value;
    expect(long).toContain('<p><a href="/patients/p/trends?range=3m&amp;table=ankle_df_wblt_cm#chart-ankle_df_wblt_cm">Show all 600 values as a table</a> (reloads the page with this table).</p>');
    const asked = chartSectionMarkup(view([chart()]), CLASSES, { ...links, requestedTable: "ankle_df_wblt_cm" }).value;
    expect(asked).toContain('<details class="toggle" open><summary>Show Lunge test distance table</summary>');
  });

  it("escapes hostile links and codes in attributes", () => {
    const hostile = { ...links, fullTableHref: () => '"><script>x</script>', exploreHref: () => "javascript:'<x>'" };
    const html = chartSectionMarkup(view([chart({ tableHtml: null, code: '"><script>x</script>' as ChartView["code"] })]), CLASSES, hostile).value;
    expect(html).toContain('href="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('data-hover-code="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('href="javascript:&#39;&lt;x&gt;&#39;"');
    expect(html).not.toContain("<script>");
  });

  it("draws nothing for a view without groups", () => {
    expect(chartSectionMarkup({ groups: [] }, CLASSES, links).value).toBe("");
  });
});

