// "Latest values" at the top of the patient page: for every (code, side) the patient has, the
// latest value and the one before it (deleted visits left out), read in one statement, plus the change
// between the two judged by the engine's trend-label functions with the previous value as the
// reference (rules.md: "since the previous visit" uses the previous value, percentages of it too).
import type { Actor } from "@/lib/auth/actor";
import { MEASURES, MEASURE_CODES, isMeasureCode, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { judgeChange } from "@/lib/clinical/trends";
import type { TrendDirection, TrendLabel } from "@/lib/clinical/types";
import { latestValues as readLatestValues } from "./summaries";

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

/**
 * The change from `previous` to `latest`, judged by the engine (judgeChange) with `previous` as
 * the reference: the same label the caseload shows, pain's direction-dependent MCID included.
 */
export function changeSincePrevious(code: MeasureCode, previous: number, latest: number): ChangeSincePrevious {
  const { delta, label, direction } = judgeChange(code, previous, latest);
  return { delta, label, direction };
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

/**
 * The patient's latest values, labelled. The two most recent values of each series are read by
 * the patient page's one-statement query (summaries.latestValues: clinic-scoped, deleted visits
 * left out; another clinic's patient is a NotFoundError).
 */
export async function latestMeasureValues(actor: Actor, patientId: string): Promise<LatestValue[]> {
  const read = await readLatestValues(actor, patientId);
  return latestValuesFromRows(
    read.flatMap((r) => [
      { code: r.code, side: r.side, value: r.latest.value, takenAt: r.latest.takenAt },
      ...(r.previous ? [{ code: r.code, side: r.side, value: r.previous.value, takenAt: r.previous.takenAt }] : []),
    ]),
  );
}
