/** An instant as "2026-03-01 09:30 UTC": unambiguous for audit reading, whatever the locale. */
export function formatDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
