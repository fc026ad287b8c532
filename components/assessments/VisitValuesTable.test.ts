// One visit's values table (JSX, escaped by React): a row per measure with left | right (or one
// cell across both for a whole-body measure), methods, dashes for what is missing, and hostile
// text shown as text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VisitValuesTable, type VisitValuesTableProps } from "./VisitValuesTable";

const render = (props: VisitValuesTableProps) => renderToStaticMarkup(createElement(VisitValuesTable, props));

describe("VisitValuesTable", () => {
  it("lists each measure with its sides, a whole-body value across both, and methods", () => {
    const html = render({
      dateText: "29 Nov 2026",
      values: [
        { code: "ankle_df_wblt_cm", label: "Lunge test distance", left: "10 cm", right: "8.1 cm", methods: "tape" },
        { code: "pain_back_nprs", label: "Low-back pain", whole: "4/10", methods: "" },
        { code: "hip_abd_hhd_n", label: "Hip abduction strength", left: "169 N", methods: "" },
      ],
    });
    expect(html).toContain('<caption class="visually-hidden">Values of the visit on 29 Nov 2026</caption>');
    expect(html).toContain('<tr><th scope="row">Lunge test distance</th><td>10 cm</td><td>8.1 cm</td><td>tape</td></tr>');
    expect(html).toMatch(/<tr><th scope="row">Low-back pain<\/th><td colSpan="2" class="[^"]*wholeBody[^"]*">4\/10<\/td><td><span class="muted">—<\/span><\/td><\/tr>/);
    expect(html).toContain('<tr><th scope="row">Hip abduction strength</th><td>169 N</td><td><span class="muted">—</span></td><td><span class="muted">—</span></td></tr>');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(3);
  });

  it("shows hostile methods, labels and dates as text, and says so when a visit has no values", () => {
    const html = render({ dateText: "<b>d</b>", values: [{ code: "x", label: "A & B", left: "<i>1</i>", right: "2 cm", methods: '<img src=x onerror="alert(1)">' }] });
    expect(html).toContain("Values of the visit on &lt;b&gt;d&lt;/b&gt;");
    expect(html).toContain('<th scope="row">A &amp; B</th>');
    expect(html).toContain("<td>&lt;i&gt;1&lt;/i&gt;</td>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(render({ dateText: "d", values: [] })).toBe("<p>No measure values recorded at this visit.</p>");
  });
});
