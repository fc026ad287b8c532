// The patient page's history reads: each visit's summary (no values: those load when the visit is
// opened) in one statement, and each measure's latest and previous value for the "Latest values"
// table. Scoped by clinic like every query; the caller has checked the patient.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { MeasureCode, Side } from "@/lib/clinical/measures";
import { isUuid } from "@/lib/validation/parse";
import { VISIT_ORDER } from "@/lib/patients/history-read";
import type { AssessmentView } from "./queries";
import { VISIT_PEOPLE_JOINS, personOrNull } from "./view-sql";

/** A visit as the history table lists it: everything but its values, and how many there are. */
export type VisitSummary = Omit<AssessmentView, "measures" | "footwear" | "questionnaires"> & { valueCount: number };

type SummaryRow = {
  id: string;
  patientId: string;
  takenAt: Date;
  redFlags: string[];
  notes: string | null;
  raterId: string;
  raterName: string;
  createdAt: Date;
  amendedAt: Date | null;
  amendedById: string | null;
  amendedByName: string | null;
  amendReason: string | null;
  deletedAt: Date | null;
  deletedById: string | null;
  deletedByName: string | null;
  deleteReason: string | null;
  valueCount: number;
};

/** The patient's visits without their values, oldest first; deleted ones only when asked. */
export async function readVisitSummaries(clinicId: string, patientId: string, options: { includeDeleted?: boolean } = {}): Promise<VisitSummary[]> {
  const rows = await db.$queryRawUnsafe<SummaryRow[]>(
    `SELECT a."id"::text AS "id", a."patientId"::text AS "patientId", a."takenAt", a."redFlags", a."notes",
           a."raterId"::text AS "raterId", r."name" AS "raterName", a."createdAt",
           a."amendedAt", a."amendedById"::text AS "amendedById", am."name" AS "amendedByName", a."amendReason",
           a."deletedAt", a."deletedById"::text AS "deletedById", de."name" AS "deletedByName", a."deleteReason",
           (SELECT count(*)::int FROM "MeasureValue" m WHERE m."assessmentId" = a."id") AS "valueCount"
      FROM "Assessment" a${VISIT_PEOPLE_JOINS}
     WHERE a."clinicId" = $1::uuid AND a."patientId" = $2::uuid AND ($3::boolean OR a."deletedAt" IS NULL)
     ORDER BY ${VISIT_ORDER}`,
    clinicId,
    patientId,
    options.includeDeleted === true,
  );
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    takenAt: row.takenAt.toISOString(),
    redFlags: row.redFlags,
    notes: row.notes,
    rater: { id: row.raterId, name: row.raterName },
    createdAt: row.createdAt.toISOString(),
    amendedAt: row.amendedAt?.toISOString() ?? null,
    amendedBy: personOrNull(row.amendedById, row.amendedByName),
    amendReason: row.amendReason,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedBy: personOrNull(row.deletedById, row.deletedByName),
    deleteReason: row.deleteReason,
    valueCount: row.valueCount,
  }));
}

export interface DatedValue {
  value: number;
  method: string | null;
  takenAt: string;
  assessmentId: string;
}

export interface LatestValue {
  code: MeasureCode;
  side: Side;
  latest: DatedValue;
  /** The value at the visit before the latest one that recorded this (code, side); null when there is none. */
  previous: DatedValue | null;
}

/**
 * Each (code, side) the patient has a value for, with its latest and previous value and their
 * dates (visits that are not deleted; ties in time keep the history's order). One statement,
 * whatever the number of visits. Catalog order is the caller's (MEASURE_CODES).
 * NotFoundError for another clinic's or a missing patient.
 */
export async function latestValues(actor: Actor, patientId: string): Promise<LatestValue[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const rows = await db.$queryRaw<{ known: boolean; code: MeasureCode | null; side: Side | null; value: number | null; method: string | null; takenAt: Date | null; assessmentId: string | null; rank: number | null }[]>`
    SELECT true AS "known", v."code", v."side"::text AS "side", v."value", v."method", v."takenAt", v."assessmentId", v."rank"
      FROM (SELECT 1) one
      JOIN "Patient" p ON p."id" = ${patientId}::uuid AND p."clinicId" = ${actor.clinicId}::uuid
      LEFT JOIN LATERAL (
        SELECT * FROM (
          SELECT m."code", m."side", m."value", m."method", a."takenAt", a."id"::text AS "assessmentId",
                 row_number() OVER (PARTITION BY m."code", m."side" ORDER BY a."takenAt" DESC, a."createdAt" DESC, a."id" DESC)::int AS "rank"
            FROM "Assessment" a JOIN "MeasureValue" m ON m."assessmentId" = a."id"
           WHERE a."clinicId" = p."clinicId" AND a."patientId" = p."id" AND a."deletedAt" IS NULL
        ) ranked WHERE ranked."rank" <= 2
      ) v ON true`;
  if (rows.length === 0) throw new NotFoundError("patient");
  const byKey = new Map<string, LatestValue>();
  for (const row of rows) {
    if (!row.code || !row.side || row.value === null || !row.takenAt || !row.assessmentId) continue;
    const dated: DatedValue = { value: row.value, method: row.method, takenAt: row.takenAt.toISOString(), assessmentId: row.assessmentId };
    const key = `${row.code}:${row.side}`;
    const entry = byKey.get(key) ?? { code: row.code, side: row.side, latest: dated, previous: null };
    if (row.rank === 1) entry.latest = dated;
    else entry.previous = dated;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
