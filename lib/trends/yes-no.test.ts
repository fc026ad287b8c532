// The yes/no pelvis question (measures.md v2) on the trends page: no line chart of 0s and 1s, an
// open table of "yes"/"no" answers and a sentence in words instead.
import { describe, expect, it } from "vitest";
import { mdcText } from "@/lib/clinical/trends";
import { evaluate } from "@/lib/clinical/evaluate";
import { day } from "@/lib/clinical/test-helpers";
import type { ChartAssessment } from "./chart-data";
import { parseTrendsParams, resolveRange } from "./range";
import { buildTrendsView } from "./view";
import { chartSectionMarkup } from "./section-markup";
import { trendSentence } from "./sentences";

const assessments: ChartAssessment[] = [
  { takenAt: day(0), rater: "Alex Morgan", measures: [{ code: "trendelenburg_hold_s", side: "left", value: 20 }, { code: "trendelenburg_pelvis_dropped", side: "left", value: 0 }] },
  { takenAt: day(30), rater: "Alex Morgan", measures: [{ code: "trendelenburg_hold_s", side: "left", value: 18 }, { code: "trendelenburg_pelvis_dropped", side: "left", value: 1 }] },
];

describe("yes/no measure on the trends page", () => {
  it("is a table of yes/no answers with a sentence, not a chart", () => {
    const evaluation = evaluate({
      patient: { heightCm: 170 },
      assessments: assessments.map((a) => ({ takenAt: a.takenAt, redFlags: [], measures: a.measures.map((m) => ({ code: m.code as never, side: m.side, value: m.value })) })),
    });
    const view = buildTrendsView({ assessments, treatments: [], evaluation, range: resolveRange(parseTrendsParams({}), Date.parse(day(40))), requestedTable: null });
    const charts = view.groups.flatMap((g) => g.charts);
    const pelvis = charts.find((c) => c.code === "trendelenburg_pelvis_dropped")!;
    const hold = charts.find((c) => c.code === "trendelenburg_hold_s")!;
    expect(pelvis.svg).toBeNull();
    expect(hold.svg?.value).toContain("<svg");
    expect(pelvis.tableHtml?.value).toContain("<td>yes</td>");
    expect(pelvis.tableHtml?.value).toContain("<td>no</td>");
    expect(pelvis.sentences[0]!.text).toBe("Left pelvis dropped in stance: yes on 31 Jan 2026 (first recorded: no, 1 Jan 2026).");
    const css = { group: "g", grid: "gr", figure: "f", figureTitle: "ft", normalText: "n", chartBox: "box", caption: "c", tableToggle: "t", tableBox: "tb", figureLinks: "fl" };
    const html = chartSectionMarkup({ groups: view.groups }, css, { requestedTable: null, fullTableHref: () => "#", exploreHref: () => "#" }).value;
    const figure = html.slice(html.indexOf('id="chart-trendelenburg_pelvis_dropped"'));
    expect(figure.slice(0, figure.indexOf("</figure>"))).toContain('<details class="t" open>');
    expect(figure.slice(0, figure.indexOf("</figure>"))).not.toContain('class="box"');
  });
});

describe("the MDC band's error in words (the engine's mdcText)", () => {
  it("prints the MDC, and never one that rounds to 0 at the measure's step", () => {
    expect(mdcText("ankle_df_wblt_cm", 8)).toBe("1.9 cm");
    expect(mdcText("pain_heel_nprs", 5)).toBe("2 points");
    expect(mdcText("hip_abd_hhd_n", 200)).toBe("30.0 N (15 % of the value)");
    // 15 % of 0.2 N is 0.03 N: "0.0 N" would read as no error at all.
    expect(mdcText("hip_abd_hhd_n", 0.2)).toBe("15 % of the value");
  });
});

describe("trendSentence", () => {
  it("reads a latest pain rating of 0 as pain-free", () => {
    const e = evaluate({
      assessments: [
        { takenAt: day(0), redFlags: [], measures: [{ code: "pain_heel_nprs", side: "left", value: 5 }] },
        { takenAt: day(30), redFlags: [], measures: [{ code: "pain_heel_nprs", side: "left", value: 0 }] },
      ],
    });
    expect(trendSentence(e.trends[0]!)).toBe("Left heel pain \u22125 points since 1 Jan 2026: important change, better. Latest rating 0/10: pain-free.");
  });
});
