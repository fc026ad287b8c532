// One visit's values table as markup: a row per measure with left | right (or one cell across
// both for a whole-body measure), methods, dashes for what is missing, and escaping throughout.
import { describe, expect, it } from "vitest";
import { valuesTableMarkup } from "./values-table-markup";

describe("valuesTableMarkup", () => {
  it("lists each measure with its sides, a whole-body value across both, and methods", () => {
    const html = valuesTableMarkup({
      dateText: "29 Nov 2026",
      values: [
        { code: "ankle_df_wblt_cm", label: "Lunge test distance", left: "10 cm", right: "8.1 cm", methods: "tape" },
        { code: "pain_back_nprs", label: "Low-back pain", whole: "4/10", methods: "" },
        { code: "hip_abd_hhd_n", label: "Hip abduction strength", left: "169 N", methods: "" },
      ],
    });
    expect(html).toContain('<caption class="visually-hidden">Values of the visit on 29 Nov 2026</caption>');
    expect(html).toContain('<tr><th scope="row">Lunge test distance</th><td>10 cm</td><td>8.1 cm</td><td>tape</td></tr>');
    expect(html).toContain('<tr><th scope="row">Low-back pain</th><td colspan="2">4/10</td><td><span class="muted">—</span></td></tr>');
    expect(html).toContain('<tr><th scope="row">Hip abduction strength</th><td>169 N</td><td><span class="muted">—</span></td><td><span class="muted">—</span></td></tr>');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(3);
  });

  it("escapes methods and labels, and says so when a visit has no values", () => {
    const html = valuesTableMarkup({ dateText: "<b>d</b>", values: [{ code: "x", label: "A & B", left: "1 cm", right: "2 cm", methods: '<img src=x onerror="alert(1)">' }] });
    expect(html).toContain("Values of the visit on &lt;b&gt;d&lt;/b&gt;");
    expect(html).toContain("<th scope=\"row\">A &amp; B</th>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
    expect(valuesTableMarkup({ dateText: "d", values: [] })).toBe("<p>No measure values recorded at this visit.</p>");
  });
});
