// The chart and table markup: structure the page and its tests rely on (bands, one path per method
// segment, markers, coinciding markers apart, dense series thinned), hover texts built apart, and
// escaping of hostile data text, since the markup is inserted into the page as it is.
import { describe, expect, it } from "vitest";
import { day } from "@/lib/clinical/test-helpers";
import type { ChartPoint, MeasureChart } from "./chart-data";
import { chartGeometry } from "./svg-geometry";
import { chartMarkup } from "./svg-markup";
import { hoverIndex, hoverPoints, pointText } from "./hover";
import { DENSE_SERIES_POINTS } from "./svg-geometry";
import { valuesTableHtml } from "./table-markup";
import { drawsThrough } from "./path-test-helpers";
import { TrendsViewCache } from "./view-cache";
import type { TrendsView } from "./view";

const T0 = Date.parse(day(0));
const DAY = 86_400_000;

function point(i: number, value: number, extra: Partial<ChartPoint> = {}): ChartPoint {
  return { visitId: null, time: T0 + i * DAY, takenAt: day(i), date: `d${i}`, value, display: `${value} cm`, method: "tape", rater: "Alex <Morgan>", flags: [], methodChangedFromPrevious: false, segment: 0, ...extra };
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

/** Vertices of the markers path in a marks group: the first point, then one per relative step. */
function vertexCount(marks: string): number {
  const d = /<path d="(M[^"]+)" fill="none" stroke="none"/.exec(marks)![1]!;
  return (d.match(/-?\d*\.?\d+/g) ?? []).length / 2;
}

const geometryOf = (c: MeasureChart, treatments: { time: number; date: string; label: string }[] = []) => chartGeometry(c, [T0, T0 + 100 * DAY], [], treatments);
const svgOf = (c: MeasureChart, treatments: { time: number; date: string; label: string }[] = []) => chartMarkup(c, geometryOf(c, treatments));

describe("chart markup", () => {
  it("escapes every data text: description, treatment labels (hostile text)", () => {
    const hostile = '</text><script>alert("x")</script>';
    const c = { ...chart([point(0, 8), point(10, 9)]), description: hostile, code: "ankle_df_wblt_cm" as const };
    const svg = svgOf(c, [{ time: T0 + 5 * DAY, date: "d5", label: hostile }]).value;
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain('aria-label="&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
  });

  it("draws the bands, one line per method segment and a marker per point, without per-point hover text", () => {
    const left = [point(0, 8), point(10, 9), point(20, 11, { segment: 1, method: "app", methodChangedFromPrevious: true, flags: ["DF_LOW"] })];
    const svg = svgOf(chart(left, [point(0, 12), point(10, 12.5)])).value;
    expect(svg.match(/data-band="normal"/g)).toHaveLength(1);
    expect(svg.match(/data-band="mdc" data-side="left"/g)).toHaveLength(1);
    expect(svg).not.toContain('data-band="mdc" data-side="right"');
    expect(svg.match(/<g data-series="left"><path data-segment="0"[^>]*stroke="#0072B2"/g)).toHaveLength(1);
    expect(svg.match(/<g data-series="right"><path data-segment="0"[^>]*stroke="#D55E00"/g)).toHaveLength(1);
    expect(svg).toMatch(/<path data-segment="1" d="M[\d.]+ [\d.]+"/);
    expect(svg).not.toContain("<title>");
    // Filled markers sit on the vertices of one path per side (two here), the hollow one is its own element.
    const marks = (side: string) => new RegExp(`<g data-marks="${side}">(.*?)</g>`).exec(svg)![1]!;
    expect(marks("left")).toMatch(/<path d="M[\d.]+ [\d.]+l[\d. -]+" fill="none" stroke="none" marker-start="url\(#mk-left\)" marker-mid="url\(#mk-left\)" marker-end="url\(#mk-left\)"><\/path>/);
    expect(vertexCount(marks("left"))).toBe(2);
    expect(vertexCount(marks("right"))).toBe(2);
    // The flagged, method-changed point: outlined (ring) and hollow.
    expect(marks("left")).toContain('r="8.5" fill="none" stroke="#000000"');
    expect(marks("left")).toMatch(/<path d="M[^"]+a4.5 4.5[^"]+" fill="#ffffff" stroke="#0072B2" stroke-width="2">/);
  });

  it("moves a left and a right marker at the same place apart, so both show", () => {
    const svg = svgOf(chart([point(0, 12), point(10, 9)], [point(0, 12), point(10, 14)])).value;
    const firstX = (side: string) => Number(new RegExp(`<g data-marks="${side}"><path d="M([\\d.]+) `).exec(svg)![1]);
    const line = Number(/<g data-series="left"><path data-segment="0" d="M([\d.]+) /.exec(svg)![1]);
    // Same value, same date: the left marker 4 units left of the line's point, the right one 4 right.
    expect(firstX("left")).toBeCloseTo(line - 4, 5);
    expect(firstX("right")).toBeCloseTo(line + 4, 5);
  });

  it("keeps only meaningful markers on a dense series, and the line through every value", () => {
    const many = Array.from({ length: DENSE_SERIES_POINTS + 20 }, (_, i) => point(i, 8 + (i % 5), i === 30 ? { flags: ["DF_LOW"] } : {}));
    const svg = svgOf(chart(many)).value;
    expect(vertexCount(/<g data-marks="left">(.*?)<\/g>/.exec(svg)![1]!)).toBe(2);
    const d = /data-segment="0" d="([^"]+)"/.exec(svg)![1]!;
    expect(drawsThrough(d, geometryOf(chart(many)).series[0]!.points)).toBe(true);
  });
});

describe("hover points (the hover route's texts)", () => {
  it("gives every value its text at its marker's position, the text as data (escaped by whoever shows it)", () => {
    const many = Array.from({ length: DENSE_SERIES_POINTS + 20 }, (_, i) => point(i, 8 + (i % 5), i === 30 ? { flags: ["DF_LOW"] } : {}));
    const hover = hoverPoints(hoverIndex(geometryOf(chart(many)).series));
    expect(hover).toHaveLength(many.length);
    expect(hover[30]).toEqual({ x: expect.any(Number), y: expect.any(Number), text: "Left: 8 cm · d30 · tape · rated by Alex <Morgan> · flag: DF_LOW" });
  });

  it("keeps what the texts need compactly and gives back the same texts and positions as the values", () => {
    const left = [
      point(0, 8),
      point(1, 9, { method: null }),
      point(2, 9, { method: "app", methodChangedFromPrevious: true, flags: ["DF_LOW", "R2"], rater: "Sam Lee" }),
      point(3, 8),
    ];
    const right = [point(0, 12, { date: "first" }), point(3, 11.5)];
    const series = geometryOf(chart(left, right)).series;
    const index = hoverIndex(series);
    expect(hoverPoints(index)).toEqual(series.flatMap((s) => s.points.map((p) => ({ x: p.x, y: p.y, text: pointText(s.side, p.point) }))));
    expect(hoverPoints(index).map((p) => p.text)).toEqual([
      "Left: 8 cm · d0 · tape · rated by Alex <Morgan>",
      "Left: 9 cm · d1 · method not recorded · rated by Alex <Morgan>",
      "Left: 9 cm · d2 · app · rated by Sam Lee · method changed · flag: DF_LOW, R2",
      "Left: 8 cm · d3 · tape · rated by Alex <Morgan>",
      "Right: 12 cm · first · tape · rated by Alex <Morgan>",
      "Right: 11.5 cm · d3 · tape · rated by Alex <Morgan>",
    ]);
    // Each distinct text once: 4 values, 5 dates, 2 methods, 2 raters, 2 flag lists ("" and one).
    expect(index.texts).toHaveLength(15);
  });
});

describe("values table markup", () => {
  it("lists every value by date, sides within a date, with escaped text and notes", () => {
    const html = valuesTableHtml(
      chart([point(0, 8), point(10, 9, { flags: ["DF_LOW"], methodChangedFromPrevious: true, method: "<app>" })], [point(0, 12)]),
    ).value;
    const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => m.slice(1, 4));
    expect(rows).toEqual([["d0", "Left", "8 cm"], ["d0", "Right", "12 cm"], ["d10", "Left", "9 cm"]]);
    expect(html).toContain("<td>&lt;app&gt;</td><td>Alex &lt;Morgan&gt;</td><td>method changed; flagged (DF_LOW)</td>");
    expect(html).toContain('<caption class="visually-hidden">Lunge test distance: values shown in the chart</caption>');
  });

  it("escapes hostile text in every cell and the caption", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const c = { ...chart([point(0, 8, { method: hostile, rater: hostile, date: hostile, display: hostile, flags: [hostile] })]), title: hostile };
    const html = valuesTableHtml(c).value;
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("says so when the dates shown hold no value", () => {
    expect(valuesTableHtml(chart([])).value).toBe('<p class="muted">No values in the selected dates.</p>');
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
