// Dates as clinicians read them: "12 Mar 2026", never 03/12 vs 12/03. Fixed month names (ICU's
// en-GB prints "Sept"), so the output is the same on every machine.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat costs far more than using one, and a page formats a date per
// visit and per row: one formatter per time zone, kept for the process ("" = the server's zone).
const formatters = new Map<string, Intl.DateTimeFormat>();

function numericFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * "2026-03-12" → "12 Mar 2026" (a calendar date, no time zone involved).
 * An ISO instant is shown as its calendar date in `timeZone` (default: the server's zone).
 */
export function formatDate(value: string | Date | null | undefined, timeZone?: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") {
    const match = DATE_ONLY.exec(value);
    if (match) return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const parts = numericFormatter(timeZone).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return `${get("day")} ${MONTHS[get("month") - 1]} ${get("year")}`;
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
