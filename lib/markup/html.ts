// The one way Stride builds markup as strings (the trends chart section, its charts and tables,
// the status badge's shapes): the tagged templates `html` and `svg`. Every interpolated value is
// escaped unless it is itself the result of one of these templates (built, hence escaped, already);
// arrays are joined; null, undefined and false leave nothing. A plain string cannot be inserted
// unescaped, so no builder can forget to escape a text that comes from data.
//
// A server component inserts the result with dangerouslySetInnerHTML={innerHtml(markup)}: the only
// place a Markup value becomes raw HTML.

const BRAND = Symbol.for("stride.markup");

/** Markup built by `html`/`svg`: every text in it was escaped when it was built. */
export class Markup {
  readonly [BRAND] = true;
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Markup | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;

/** Text made safe inside HTML or SVG text and quoted attribute values. */
function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

export function isMarkup(value: unknown): value is Markup {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value === true) return "true";
  if (isMarkup(value)) return value.value;
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value as readonly Interpolation[]) out += render(item);
    return out;
  }
  // Anything else that slipped past the types is data: its text, escaped.
  return escapeText(String(value));
}

/** HTML built from a template: every interpolation escaped unless it is Markup. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Markup(out);
}

/** SVG built from a template: the same rules as `html`, named for what is being built. */
export const svg = html;

/** For React's dangerouslySetInnerHTML: only Markup is accepted, never a plain string. */
export function innerHtml(markup: Markup): { __html: string } {
  return { __html: markup.value };
}
