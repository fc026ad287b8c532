// CSV writing for exports (RFC 4180), pure. Values are never localised: numbers as String(n) (dot
// decimals, no grouping), dates as ISO 8601. Text cells that a spreadsheet would read as a formula
// (=, +, -, @, tab, CR at the start) get a leading apostrophe so that a note such as
// `=HYPERLINK(...)` is shown as text and never executes. Numbers are not neutralised: `-5` in the
// value column stays a number.

export type CsvCell = { text: string | null | undefined } | { number: number } | { date: Date | string };

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quote when the cell holds a comma, quote or line break; double inner quotes. */
function quote(raw: string): string {
  return NEEDS_QUOTES.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

/** A free-text cell, made safe to open in a spreadsheet. */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const neutralised = FORMULA_START.test(value) ? `'${value}` : value;
  return quote(neutralised);
}

/** A number as JavaScript writes it: dot decimals, no thousands separators, never localised. */
export function numberCell(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/** An instant as ISO 8601 UTC (`2026-03-01T09:30:00.000Z`); a string is taken as already ISO. */
export function dateCell(value: Date | string): string {
  return quote(typeof value === "string" ? value : value.toISOString());
}

export function cell(c: CsvCell): string {
  if ("number" in c) return numberCell(c.number);
  if ("date" in c) return dateCell(c.date);
  return textCell(c.text);
}

/** One CSV record with its CRLF terminator. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(cell).join(",") + "\r\n";
}

/** A header line: column names are ours and plain, so they are written as they are. */
export function csvHeader(columns: readonly string[]): string {
  return columns.join(",") + "\r\n";
}

export const PATIENT_MEASURES_COLUMNS = ["takenAt", "code", "side", "value", "unit", "method", "rater"] as const;
/** The clinic-wide export puts the patient first so rows from many patients can be told apart. */
export const CLINIC_MEASURES_COLUMNS = ["patientId", ...PATIENT_MEASURES_COLUMNS] as const;

export interface MeasureCsvRow {
  takenAt: Date | string;
  code: string;
  side: string;
  value: number;
  unit: string;
  method: string | null;
  rater: string;
}

export function measureCsvCells(row: MeasureCsvRow): CsvCell[] {
  return [
    { date: row.takenAt },
    { text: row.code },
    { text: row.side },
    { number: row.value },
    { text: row.unit },
    { text: row.method },
    { text: row.rater },
  ];
}

/** The whole per-patient file (contract section 3): header, then one row per measure value. */
export function patientMeasuresCsv(rows: readonly MeasureCsvRow[]): string {
  return csvHeader(PATIENT_MEASURES_COLUMNS) + rows.map((r) => csvRow(measureCsvCells(r))).join("");
}
