// Reading whole visit histories in ONE SQL statement each, shaped for their readers: PostgreSQL
// builds each visit's values as a JSON array, so 300 visits with ~6,000 values are 300 small rows
// (or one row per patient) instead of the ORM's nested include mapped field by field.
// Every read is scoped by clinic (the batch recompute passes each patient's own clinic).
// Instants travel as epoch milliseconds (the columns are timestamptz(3), so exact) and come out as
// ISO strings exactly as Date#toISOString writes them, whatever the session's time zone.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MeasureCode, RedFlagCode, Side } from "@/lib/clinical/measures";
import type { PatientHistory } from "@/lib/clinical/types";
import { parsedJson } from "@/lib/db/raw-json";

type Tx = Prisma.TransactionClient | PrismaClient;

/** The order of a patient's visits everywhere (history table, flags, exports): ties keep entry order. */
export const VISIT_ORDER = `a."takenAt" ASC, a."createdAt" ASC, a."id" ASC`;

type ValueTuple = [code: MeasureCode, side: Side, value: number, method: string | null, id: string];

/** One visit's values as `[code, side, value, method, id]` tuples, in (code, side) order. */
const VALUES_JSON = `COALESCE((SELECT json_agg(json_build_array(m."code", m."side", m."value", m."method", m."id") ORDER BY m."code", m."side")
                       FROM "MeasureValue" m WHERE m."assessmentId" = a."id"), '[]'::json)`;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The flag engine's input for each of these patients (deleted visits left out, visits in the
 * history's order), keyed by patient id. `clinicId` restricts the read to one clinic; without it
 * (the operator's batch recompute) each patient is read within its own clinic.
 */
export async function readPatientHistories(tx: Tx, patientIds: readonly string[], clinicId?: string): Promise<Map<string, PatientHistory>> {
  return new Map([...(await readHistoryRows(tx, patientIds, clinicId, false)).entries()].map(([id, row]) => [id, row.history]));
}

export interface HistoryWithStored {
  history: PatientHistory;
  /** The stored evaluation and its rules version, read in the same statement as the history. */
  stored: { evaluation: unknown; rulesVersion: number | null };
}

/** One patient's history and stored evaluation from one statement (one snapshot: they agree). */
export async function readHistoryWithStored(tx: Tx, clinicId: string, patientId: string): Promise<HistoryWithStored | undefined> {
  return (await readHistoryRows(tx, [patientId], clinicId, true)).get(patientId);
}

type HistoryRow = { id: string; heightCm: number; sex: string; birthDate: string; visits: string; evaluation?: unknown; rulesVersion?: number | null };

async function readHistoryRows(tx: Tx, patientIds: readonly string[], clinicId: string | undefined, withStored: boolean): Promise<Map<string, HistoryWithStored>> {
  const histories = new Map<string, HistoryWithStored>();
  if (patientIds.length === 0) return histories;
  const rows = await tx.$queryRawUnsafe<HistoryRow[]>(
    `SELECT p."id"::text AS "id", p."heightCm", p."sex"::text AS "sex", to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate",
            ${withStored ? `p."evaluation", p."rulesVersion",` : ""}
            COALESCE((SELECT json_agg(json_build_array(
                                (extract(epoch FROM a."takenAt") * 1000)::float8, a."redFlags", ${VALUES_JSON}) ORDER BY ${VISIT_ORDER})
                        FROM "Assessment" a
                       WHERE a."clinicId" = p."clinicId" AND a."patientId" = p."id" AND a."deletedAt" IS NULL), '[]'::json)::text AS "visits"
       FROM "Patient" p
      WHERE p."id" = ANY($1::uuid[]) AND ($2::uuid IS NULL OR p."clinicId" = $2::uuid)`,
    patientIds,
    clinicId ?? null,
  );
  for (const row of rows) {
    const visits = JSON.parse(row.visits) as [number, RedFlagCode[], ValueTuple[]][];
    const history: PatientHistory = {
      patient: { heightCm: row.heightCm, sex: row.sex, birthDate: row.birthDate },
      assessments: visits.map(([takenAt, redFlags, values]) => ({
        takenAt: iso(takenAt),
        redFlags,
        measures: values.map(([code, side, value, method]) => ({ code, side, value, ...(method ? { method } : {}) })),
      })),
    };
    const evaluation = parsedJson(row.evaluation) ?? null;
    histories.set(row.id, { history, stored: { evaluation, rulesVersion: row.rulesVersion ?? null } });
  }
  return histories;
}

export interface VisitWithValues {
  id: string;
  takenAt: string;
  raterId: string;
  rater: string;
  redFlags: RedFlagCode[];
  measures: { id: string; code: MeasureCode; side: Side; value: number; method: string | null }[];
}

/**
 * One patient's visits that are not deleted, oldest first, each with its rater and values: the
 * read behind the CSV and FHIR exports. The caller has checked the patient belongs to `clinicId`.
 */
export async function readVisitsWithValues(tx: Tx, clinicId: string, patientId: string): Promise<VisitWithValues[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string; takenAt: number; raterId: string; rater: string; redFlags: RedFlagCode[]; measures: string }[]>(
    `SELECT a."id"::text AS "id", (extract(epoch FROM a."takenAt") * 1000)::float8 AS "takenAt", a."raterId"::text AS "raterId",
            u."name" AS "rater", a."redFlags", ${VALUES_JSON}::text AS "measures"
       FROM "Assessment" a JOIN "User" u ON u."id" = a."raterId"
      WHERE a."clinicId" = $1::uuid AND a."patientId" = $2::uuid AND a."deletedAt" IS NULL
      ORDER BY ${VISIT_ORDER}`,
    clinicId,
    patientId,
  );
  return rows.map((row) => ({
    id: row.id,
    takenAt: iso(Number(row.takenAt)),
    raterId: row.raterId,
    rater: row.rater,
    redFlags: row.redFlags,
    measures: (JSON.parse(row.measures) as ValueTuple[]).map(([code, side, value, method, id]) => ({ id, code, side, value, method })),
  }));
}
