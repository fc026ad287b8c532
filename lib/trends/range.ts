// The trends page's controls as URL parameters (?range=6m&show=left, ?range=custom&from=…&to=…), so
// they work as plain links and GET forms without JavaScript and a view can be shared. Pure: the
// caller passes "now", so the server decides the window once and the client never recomputes it.

export const RANGE_PRESETS = ["all", "3m", "6m", "12m", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  all: "All",
  "3m": "3 months",
  "6m": "6 months",
  "12m": "12 months",
  custom: "Custom",
};

export const SHOW_OPTIONS = ["both", "left", "right"] as const;
export type ShowSides = (typeof SHOW_OPTIONS)[number];

export interface TrendsParams {
  preset: RangePreset;
  /** YYYY-MM-DD, only for custom (either may be missing: open-ended). */
  from: string | null;
  to: string | null;
  show: ShowSides;
}

export interface ResolvedRange extends TrendsParams {
  /** Inclusive window in epoch ms; null = unbounded on that side. */
  start: number | null;
  end: number | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Midnight UTC of a valid YYYY-MM-DD, else null (2026-02-30 is not a date). */
export function parseDateOnly(value: string | null | undefined): number | null {
  const m = value ? DATE_ONLY.exec(value) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? t : null;
}

/** Unknown or malformed values fall back to the defaults (all, both sides) rather than an error page. */
export function parseTrendsParams(params: Record<string, string | string[] | undefined>): TrendsParams {
  const rawPreset = first(params.range);
  const preset: RangePreset = RANGE_PRESETS.includes(rawPreset as RangePreset) ? (rawPreset as RangePreset) : "all";
  const rawShow = first(params.show);
  const show: ShowSides = SHOW_OPTIONS.includes(rawShow as ShowSides) ? (rawShow as ShowSides) : "both";
  const from = parseDateOnly(first(params.from)) !== null ? first(params.from)! : null;
  const to = parseDateOnly(first(params.to)) !== null ? first(params.to)! : null;
  return preset === "custom" ? { preset, from, to, show } : { preset, from: null, to: null, show };
}

/** `now` minus whole calendar months (UTC), clamped to the month's last day (31 May − 3 months = 28/29 Feb). */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/**
 * The "now" the preset windows ("last 3 months") end at: the next whole minute, so that the views
 * of one minute are the same view (lib/trends/view-cache) and the hover data a page asks for
 * matches the page it was drawn for. Decided on the server; the client never recomputes it.
 */
export function windowNow(now: number): number {
  return Math.ceil(now / 60_000) * 60_000;
}

export function resolveRange(params: TrendsParams, now: number): ResolvedRange {
  switch (params.preset) {
    case "all":
      return { ...params, start: null, end: null };
    case "3m":
    case "6m":
    case "12m":
      return { ...params, start: monthsBefore(now, Number.parseInt(params.preset, 10)), end: now };
    case "custom": {
      let start = parseDateOnly(params.from);
      // "to" is a calendar day: include all of it.
      let end = parseDateOnly(params.to);
      if (end !== null) end += DAY_MS - 1;
      if (start !== null && end !== null && start > end) [start, end] = [end - DAY_MS + 1, start + DAY_MS - 1];
      return { ...params, start, end };
    }
  }
}

export function inRange(range: Pick<ResolvedRange, "start" | "end">, time: number): boolean {
  return (range.start === null || time >= range.start) && (range.end === null || time <= range.end);
}

/** Query string for a link to the same page with some controls changed (defaults left out). */
export function trendsQuery(params: TrendsParams, change: Partial<TrendsParams> = {}): string {
  const next = { ...params, ...change };
  const q = new URLSearchParams();
  if (next.preset !== "all") q.set("range", next.preset);
  if (next.preset === "custom" && next.from) q.set("from", next.from);
  if (next.preset === "custom" && next.to) q.set("to", next.to);
  if (next.show !== "both") q.set("show", next.show);
  const s = q.toString();
  return s ? `?${s}` : "";
}
