import { formatDate, formatTime } from "@/lib/format/dates";

/**
 * An instant as "1 Dec 2026 10:58": the date written as on every other page (never 03/12 vs 12/03)
 * and the time, both in the clinic's time zone, so an access log reads like the visits beside it.
 */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)} ${formatTime(iso)}`;
}
