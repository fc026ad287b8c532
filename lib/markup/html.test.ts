// The tagged template every string-built markup goes through: data text is always escaped, markup
// built by the template is not escaped twice, and nothing else can get in raw.
import { describe, expect, it } from "vitest";
import { html, innerHtml, isMarkup, Markup, svg } from "./html";

const HOSTILE = `</text><script>alert("x")</script><img src=x onerror='y'>&amp;`;
const ESCAPED = "&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;";

describe("html / svg tagged templates", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    expect(html`<p title="${HOSTILE}">${HOSTILE}</p>`.value).toBe(`<p title="${ESCAPED}">${ESCAPED}</p>`);
    expect(svg`<text>${"a & b"}</text>`.value).toBe("<text>a &amp; b</text>");
  });

  it("inserts template results as they are (escaped once, when they were built)", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe("<p><b>&lt;i&gt;</b></p>");
  });

  it("joins arrays, nested arrays included, escaping each string", () => {
    const rows = ["<a>", "b"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${rows}</ul>`.value).toBe("<ul><li>&lt;a&gt;</li><li>b</li></ul>");
    expect(html`${["<", [html`<br>`, ">"]]}`.value).toBe("&lt;<br>&gt;");
  });

  it("prints numbers, leaves nothing for null, undefined, false and non-finite numbers", () => {
    expect(html`${1.5}|${0}|${-2}|${null}|${undefined}|${false}|${Number.NaN}|${true}`.value).toBe("1.5|0|-2|||||true");
  });

  it("escapes a look-alike object that is not Markup (a string cannot pose as markup)", () => {
    const fake = { value: "<script>", toString: () => "<script>" } as unknown as Markup;
    expect(html`${fake}`.value).toBe("&lt;script&gt;");
    expect(isMarkup(fake)).toBe(false);
    expect(isMarkup(html`x`)).toBe(true);
  });

  it("hands only Markup to dangerouslySetInnerHTML", () => {
    expect(innerHtml(html`<p>${"<x>"}</p>`)).toEqual({ __html: "<p>&lt;x&gt;</p>" });
    expect(String(html`<p>${"&"}</p>`)).toBe("<p>&amp;</p>");
  });
});
