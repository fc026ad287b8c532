// Dates as clinicians read them: "12 Mar 2026", never 03/12 vs 12/03. Fixed month names (ICU's
// en-GB prints "Sept"), so the output is the same on every machine. This is the one formatDate:
// every page, the flag explanations (lib/clinical/format) and the documents show an instant as its
// calendar date in the clinic's time zone, so a visit at 23:30 has the same date everywhere.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The clinic's time zone (IANA name): STRIDE_TIME_ZONE, else the server's own zone (TZ). Read on
 * every call (a string lookup), so tests and the CLI can set it. In the browser, the browser's zone.
 */
export function clinicTimeZone(): string | undefined {
  const configured = typeof process !== "undefined" ? process.env?.STRIDE_TIME_ZONE : undefined;
  return configured || undefined;
}

// Building an Intl.DateTimeFormat costs far more than using one, and a page formats a date per
// visit and per row: one formatter per time zone and kind, kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

type FormatterKind = "time" | "offset";

function formatter(kind: FormatterKind, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "offset"
        ? { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    try {
      f = new Intl.DateTimeFormat(kind === "offset" ? "en-US" : "en-GB", { ...options, timeZone });
    } catch (error) {
      // An unknown zone name in STRIDE_TIME_ZONE: say so once, and use the server's zone.
      console.error(`[stride] unknown time zone "${timeZone}" (STRIDE_TIME_ZONE); using the server's zone.`, error);
      f = new Intl.DateTimeFormat(kind === "offset" ? "en-US" : "en-GB", options);
    }
    formatters.set(key, f);
  }
  return f;
}

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** The zone's offset from UTC (ms) at an instant, read from the formatter: exact, and slow (~10 µs). */
function offsetAt(ms: number, timeZone: string | undefined): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatter("offset", timeZone).formatToParts(new Date(whole));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = new Date(0);
  local.setUTCFullYear(get("year"), get("month") - 1, get("day"));
  local.setUTCHours(get("hour"), get("minute"), get("second"), 0);
  return local.getTime() - whole;
}

// A page dates every visit (a 300-visit trends page: 300 dates per view, the flag evidence more), and
// formatToParts was the largest single cost of building a trends view. Offsets change only at a
// zone's transitions, which fall on whole quarter hours, so the offset at the start of each quarter
// hour is kept; when the next quarter's differs (a transition inside), the instant's own offset is
// read instead. Fixed-size entries, so the bound on their number bounds the bytes (~1 MB).
const quarterOffsets = new Map<string, number>();
const MAX_QUARTER_OFFSETS = 10_000;

function quarterOffset(quarter: number, timeZone: string | undefined): number {
  const key = `${timeZone ?? ""}|${quarter}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    if (quarterOffsets.size >= MAX_QUARTER_OFFSETS) quarterOffsets.clear();
    offset = offsetAt(quarter * QUARTER_HOUR_MS, timeZone);
    quarterOffsets.set(key, offset);
  }
  return offset;
}

function zoneOffset(ms: number, timeZone: string | undefined): number {
  if (timeZone === "UTC") return 0;
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const offset = quarterOffset(quarter, timeZone);
  return offset === quarterOffset(quarter + 1, timeZone) ? offset : offsetAt(ms, timeZone);
}

/** Year, month (1–12) and day of a count of days since 1970-01-01 (proleptic Gregorian; H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day];
}

/**
 * Whole calendar days from `earlier` to `later` in the clinic's time zone: a visit yesterday at 23:30
 * is 1 day ago this morning, as its date says, though fewer than 24 hours have passed.
 */
export function calendarDaysBetween(earlier: string | number, later: number, timeZone: string | undefined = clinicTimeZone()): number {
  const from = typeof earlier === "number" ? earlier : Date.parse(earlier);
  const day = (ms: number) => Math.floor((ms + zoneOffset(ms, timeZone)) / DAY_MS);
  return day(later) - day(from);
}

/**
 * "2026-03-12" → "12 Mar 2026" (a calendar date, no time zone involved).
 * An ISO instant is shown as its calendar date in `timeZone` (default: the clinic's, clinicTimeZone).
 */
export function formatDate(value: string | Date | null | undefined, timeZone: string | undefined = clinicTimeZone()): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") {
    const match = DATE_ONLY.exec(value);
    if (match) return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
  }
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) return "";
  const [year, month, day] = civilFromDays(Math.floor((ms + zoneOffset(ms, timeZone)) / DAY_MS));
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "23:30": the time of an instant in `timeZone` (default: the clinic's). */
export function formatTime(value: string | Date, timeZone: string | undefined = clinicTimeZone()): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? "" : formatter("time", timeZone).format(date);
}

/** Whole years between a YYYY-MM-DD birth date and today (or `on`). */
export function ageInYears(birthDate: string, on: Date = new Date()): number | undefined {
  const match = DATE_ONLY.exec(birthDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = on.getFullYear() - year;
  if (on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day)) age -= 1;
  return age;
}
