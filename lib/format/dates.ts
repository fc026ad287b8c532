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

function formatter(kind: "date" | "time", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date" ? { year: "numeric", month: "numeric", day: "numeric" } : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    try {
      f = new Intl.DateTimeFormat(kind === "date" ? "en-US" : "en-GB", { ...options, timeZone });
    } catch (error) {
      // An unknown zone name in STRIDE_TIME_ZONE: say so once, and use the server's zone.
      console.error(`[stride] unknown time zone "${timeZone}" (STRIDE_TIME_ZONE); using the server's zone.`, error);
      f = new Intl.DateTimeFormat(kind === "date" ? "en-US" : "en-GB", options);
    }
    formatters.set(key, f);
  }
  return f;
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
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const parts = formatter("date", timeZone).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return `${get("day")} ${MONTHS[get("month") - 1]} ${get("year")}`;
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
