// The chart and table markup strings: structure the page and its tests rely on (bands, one path per
// method segment, markers with hover text, dense series thinned), and escaping of every data text,
// since the strings are inserted into the page as they are.
import { describe, expect, it } from "vitest";
import { day } from "@/lib/clinical/test-helpers";
import type { ChartPoint, MeasureChart } from "./chart-data";
import { chartGeometry } from "./svg-geometry";
import { escapeXml } from "@/lib/markup/escape";
import { chartMarkup, hoverPoints } from "./svg-markup";
import { DENSE_SERIES_POINTS } from "./svg-geometry";
import { valuesTableHtml } from "./table-markup";
import { TrendsViewCache } from "./view-cache";
import type { TrendsView } from "./view";

const T0 = Date.parse(day(0));
const DAY = 86_400_000;

function point(i: number, value: number, extra: Partial<ChartPoint> = {}): ChartPoint {
  return { time: T0 + i * DAY, takenAt: day(i), date: `d${i}`, value, display: `${value} cm`, method: "tape", rater: "Alex <Morgan>", flags: [], methodChangedFromPrevious: false, segment: 0, ...extra };
}

function chart(left: ChartPoint[], right: ChartPoint[] = []): MeasureChart {
  return {
    code: "ankle_df_wblt_cm",
    title: "Lunge test distance",
    unit: "cm",
    unitSymbol: " cm",
    yDomain: [0, 20],
    normalBand: { low: 9.2, high: 14.8, text: "12 ± 2.8 cm" },
    normalText: "12 ± 2.8 cm",
    methodChanges: [],
    description: 'Lunge "test" <distance>',
    series: [
      { side: "left", points: left, totalCount: left.length, baseline: { value: 8, date: "d0" }, mdcBand: { low: 6.1, high: 9.9, mdc: 1.9 }, sentence: "", baselineBeforeRange: false, trend: null },
      ...(right.length ? [{ side: "right" as const, points: right, totalCount: right.length, baseline: { value: 12, date: "d0" }, mdcBand: null, sentence: "", baselineBeforeRange: false, trend: null }] : []),
    ],
  };
}

const geometryOf = (c: MeasureChart, treatments: { time: number; date: string; label: string }[] = []) => chartGeometry(c, [T0, T0 + 100 * DAY], [], treatments);
const svgOf = (c: MeasureChart, treatments: { time: number; date: string; label: string }[] = []) => chartMarkup(c, geometryOf(c, treatments));

describe("chart markup", () => {
  it("escapes every data text: description, hover text, treatment labels", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const svg = svgOf(chart([point(0, 8), point(10, 9)]), [{ time: T0 + 5 * DAY, date: "d5", label: '</text><script>alert("x")</script>' }]);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain('aria-label="Lunge &quot;test&quot; &lt;distance&gt;"');
    expect(svg).toContain("rated by Alex &lt;Morgan&gt;");
  });

  it("draws the bands, one line per method segment and a marker with hover text per point", () => {
    const left = [point(0, 8), point(10, 9), point(20, 11, { segment: 1, method: "app", methodChangedFromPrevious: true, flags: ["DF_LOW"] })];
    const svg = svgOf(chart(left, [point(0, 12), point(10, 12.5)]));
    expect(svg.match(/data-band="normal"/g)).toHaveLength(1);
    expect(svg.match(/data-band="mdc" data-side="left"/g)).toHaveLength(1);
    expect(svg).not.toContain('data-band="mdc" data-side="right"');
    expect(svg.match(/<g data-series="left"><path data-segment="0"[^>]*stroke="#0072B2"/g)).toHaveLength(1);
    expect(svg).toMatch(/<path data-segment="1" d="M[\d.]+ [\d.]+"/);
    expect(svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="4.5"[^>]*><title>Left: /g)).toHaveLength(3);
    expect(svg.match(/<path d="[^"]+"><title>Right: /g)).toHaveLength(2);
    // The flagged, method-changed point: outlined (ring) and hollow.
    expect(svg).toContain('r="8.5" fill="none" stroke="#000000"');
    expect(svg).toMatch(/r="4.5" fill="#ffffff" stroke-width="2"><title>Left: 11 cm · d20 · app · rated by Alex &lt;Morgan&gt; · method changed · flag: DF_LOW<\/title>/);
  });

  it("keeps only meaningful markers on a dense series, and the line through every value", () => {
    const many = Array.from({ length: DENSE_SERIES_POINTS + 20 }, (_, i) => point(i, 8 + (i % 5), i === 30 ? { flags: ["DF_LOW"] } : {}));
    const svg = svgOf(chart(many));
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([expect.stringContaining("d30"), expect.stringContaining(`d${many.length - 1}`)]);
    const d = /data-segment="0" d="([^"]+)"/.exec(svg)![1]!;
    expect((d.match(/-?\d*\.?\d+/g) ?? []).length).toBe(many.length * 2);
    // Every value keeps its hover text for the page's ChartsHover, at its marker's position.
    const hover = hoverPoints(geometryOf(chart(many)));
    expect(hover).toHaveLength(many.length);
    expect(hover[30]).toEqual({ x: expect.any(Number), y: expect.any(Number), text: "Left: 8 cm · d30 · tape · rated by Alex <Morgan> · flag: DF_LOW" });
  });
});

describe("values table markup", () => {
  it("lists every value by date, sides within a date, with escaped text and notes", () => {
    const html = valuesTableHtml(
      chart([point(0, 8), point(10, 9, { flags: ["DF_LOW"], methodChangedFromPrevious: true, method: "<app>" })], [point(0, 12)]),
    );
    const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => m.slice(1, 4));
    expect(rows).toEqual([["d0", "Left", "8 cm"], ["d0", "Right", "12 cm"], ["d10", "Left", "9 cm"]]);
    expect(html).toContain("<td>&lt;app&gt;</td><td>Alex &lt;Morgan&gt;</td><td>method changed; flagged (DF_LOW)</td>");
    expect(html).toContain('<caption class="visually-hidden">Lunge test distance: values shown in the chart</caption>');
  });

  it("says so when the dates shown hold no value", () => {
    expect(valuesTableHtml(chart([]))).toBe('<p class="muted">No values in the selected dates.</p>');
  });
});

describe("trends view cache", () => {
  const view = (size: number) => ({ size }) as TrendsView;

  it("returns what was kept and forgets the least recently used past its budget", () => {
    const cache = new TrendsViewCache(1000); // bytes: a view of size n costs 2n
    const a = view(200);
    const b = view(200);
    cache.set("a", a);
    cache.set("b", b);
    expect(cache.get("a")).toBe(a); // a is now the most recently used
    cache.set("c", view(200));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(a);
    expect(cache.usedBytes).toBe(800);
    cache.set("huge", view(600));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
