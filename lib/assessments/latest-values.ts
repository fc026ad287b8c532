// "Latest values" at the top of the patient page: for every (code, side) the patient has, the
// latest value and the one before it (deleted visits left out), read in one query, plus the change
// between the two judged by the engine's trend-label functions with the previous value as the
// reference (rules.md: "since the previous visit" uses the previous value, percentages of it too).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { subtract } from "@/lib/clinical/decimal";
import { MEASURES, MEASURE_CODES, isMeasureCode, stepDecimals, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { directionFor, labelFor, mcidFor, mdcFor } from "@/lib/clinical/trends";
import type { TrendDirection, TrendLabel } from "@/lib/clinical/types";
import { isUuid } from "@/lib/validation/parse";

export interface DatedValue {
  value: number;
  takenAt: string;
}

export interface ChangeSincePrevious {
  /** latest − previous, at the measure's step. */
  delta: number;
  label: TrendLabel;
  direction: TrendDirection;
}

export interface LatestValue {
  code: MeasureCode;
  side: Side;
  latest: DatedValue;
  previous: DatedValue | null;
  change: ChangeSincePrevious | null;
  /** "below" / "above" the catalog's normal range, or null when inside it or when there is none. */
  outsideNormal: "below" | "above" | null;
}

/** The change from `previous` to `latest`, labelled by the engine with `previous` as the reference. */
export function changeSincePrevious(code: MeasureCode, previous: number, latest: number): ChangeSincePrevious {
  const delta = subtract(latest, previous, stepDecimals(code));
  return {
    delta,
    label: labelFor(Math.abs(delta), mdcFor(code, previous), mcidFor(code, previous)),
    direction: directionFor(code, previous, latest),
  };
}

export function outsideNormal(code: MeasureCode, value: number): "below" | "above" | null {
  const normal = MEASURES[code].normal;
  if (normal?.low !== undefined && value < normal.low) return "below";
  if (normal?.high !== undefined && value > normal.high) return "above";
  return null;
}

const SIDE_ORDER: Record<Side, number> = { left: 0, right: 1, none: 2 };
const CATALOG_ORDER = new Map<string, number>(MEASURE_CODES.map((code, index) => [code, index]));

/** Rows (newest first within each code and side) → one LatestValue per series, in catalog order. */
export function latestValuesFromRows(rows: readonly { code: string; side: Side; value: number; takenAt: Date | string }[]): LatestValue[] {
  const bySeries = new Map<string, DatedValue[]>();
  for (const row of rows) {
    if (!isMeasureCode(row.code)) continue; // a code retired from the catalog is not shown
    const key = `${row.code}:${row.side}`;
    const list = bySeries.get(key) ?? [];
    list.push({ value: row.value, takenAt: row.takenAt instanceof Date ? row.takenAt.toISOString() : row.takenAt });
    bySeries.set(key, list);
  }
  const out: LatestValue[] = [];
  for (const [key, values] of bySeries) {
    const [code, side] = key.split(":") as [MeasureCode, Side];
    const [latest, previous] = values;
    if (!latest) continue;
    out.push({
      code,
      side,
      latest,
      previous: previous ?? null,
      change: previous ? changeSincePrevious(code, previous.value, latest.value) : null,
      outsideNormal: outsideNormal(code, latest.value),
    });
  }
  return out.sort((a, b) => (CATALOG_ORDER.get(a.code) ?? 999) - (CATALOG_ORDER.get(b.code) ?? 999) || SIDE_ORDER[a.side] - SIDE_ORDER[b.side]);
}

/** The patient's latest values (clinic-scoped: another clinic's patient is a NotFoundError). */
export async function latestMeasureValues(actor: Actor, patientId: string): Promise<LatestValue[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  // The two most recent values of each series; ties on takenAt go to the later-recorded visit.
  const rows = await db.$queryRaw<{ code: string; side: Side; value: number; takenAt: Date }[]>`
    SELECT code, side::text AS side, value, "takenAt" FROM (
      SELECT mv.code, mv.side, mv.value, a."takenAt",
             row_number() OVER (PARTITION BY mv.code, mv.side ORDER BY a."takenAt" DESC, a."createdAt" DESC, a.id DESC) AS n
      FROM "MeasureValue" mv
      JOIN "Assessment" a ON a.id = mv."assessmentId"
      WHERE a."clinicId" = ${actor.clinicId}::uuid AND a."patientId" = ${patientId}::uuid
        AND mv."clinicId" = ${actor.clinicId}::uuid AND a."deletedAt" IS NULL
    ) ranked
    WHERE n <= 2
    ORDER BY code, side, n`;
  return latestValuesFromRows(rows);
}
