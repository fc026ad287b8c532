// `datetime-local` inputs speak the browser's wall-clock time without an offset; the schema wants
// ISO 8601 with an offset. These helpers convert both ways, with the offset passed in so the
// conversion is testable and the browser's own offset (for that date, DST included) is used.

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, "0");

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-03-12T09:30" + offset east of UTC in minutes (+60 for CET) → "2026-03-12T09:30:00+01:00". */
export function localToIso(local: string, offsetMinutes: number): string | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = offsetMinutes === 0 ? "Z" : `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${offset}`;
}

/** The browser's offset for that wall-clock time (Date parses "YYYY-MM-DDTHH:mm" as local time). */
export function browserOffsetMinutes(local: string): number {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? -new Date().getTimezoneOffset() : -date.getTimezoneOffset();
}

/** A Date as the browser's wall-clock "YYYY-MM-DDTHH:mm", the value a datetime-local input takes. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const TYPED = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The date-time field is one text box (one Tab stop; a datetime-local input is seven in
 * Chromium). It takes "2026-03-12 09:30" or "2026-03-12T09:30"; the answer is the
 * datetime-local form "2026-03-12T09:30", or undefined when the text is not a real date and time.
 */
export function normaliseLocalDateTime(text: string): string | undefined {
  const m = TYPED.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${pad(hour)}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ""}`;
}

/** A Date as the text the date-time field shows: "2026-03-12 09:30" (browser's wall-clock time). */
export function toLocalFieldText(date: Date): string {
  return toLocalInputValue(date).replace("T", " ");
}
