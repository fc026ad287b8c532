// Everything the trends page needs: the patient (an audited look at the record), their visits with
// rater names, methods and red flags, and their treatment events, evaluated once (the engine's
// trends and flags) and built into the page's view (view.ts). A built view is kept (view-cache.ts)
// under a fingerprint of its data that the database computes on every request, so a repeat view
// of an unchanged history skips the read, the evaluation and the drawing, and any change is seen
// at once.
//
// The visits come from one SQL statement that returns a row per visit with its values as a JSON
// array, built by PostgreSQL. Through the ORM, 300 visits are 300 rows plus ~6,000 value rows
// mapped field by field in JavaScript, which was a large part of the page's time; this read
// returns only what the charts draw. It is scoped by clinic like every other query.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { evaluate } from "@/lib/clinical/evaluate";
import type { MeasureCode, RedFlagCode, Side } from "@/lib/clinical/measures";
import { NotFoundError } from "@/lib/errors/app-errors";
import { historyOfVisits } from "@/lib/assessments/queries";
import { VISIT_ORDER } from "@/lib/patients/history-read";
import { readPatientTreatments } from "@/lib/treatments/queries";
import { TREATMENT_LABELS } from "@/lib/treatments/labels";
import { getPatient, readPatientAudited, type PatientView } from "@/lib/patients/queries";
import { isUuid } from "@/lib/validation/parse";
import { buildTrendsChartData, type ChartAssessment, type ChartTreatment, type MeasureChart, type TreatmentMarker } from "./chart-data";
import { resolveRange, type ResolvedRange } from "./range";
import { buildTrendsView, type TrendsView } from "./view";
import { TrendsViewCache } from "./view-cache";

interface TrendVisit extends ChartAssessment {
  id: string;
  takenAt: string;
  rater: string;
  redFlags: RedFlagCode[];
  measures: { code: MeasureCode; side: Side; value: number; method: string | null }[];
}

type VisitRow = { id: string; takenAt: Date; redFlags: string[]; rater: string; measures: string };

/** The patient's visits that are not deleted, oldest first (the history page's order). */
export async function readTrendVisits(clinicId: string, patientId: string): Promise<TrendVisit[]> {
  const rows = await db.$queryRawUnsafe<VisitRow[]>(
    `SELECT a."id", a."takenAt", a."redFlags", u."name" AS "rater",
           COALESCE((SELECT json_agg(json_build_array(m."code", m."side", m."value", m."method"))
                       FROM "MeasureValue" m
                      WHERE m."assessmentId" = a."id"), '[]'::json)::text AS "measures"
      FROM "Assessment" a
      JOIN "User" u ON u."id" = a."raterId"
     WHERE a."clinicId" = $1::uuid AND a."patientId" = $2::uuid AND a."deletedAt" IS NULL
     ORDER BY ${VISIT_ORDER}`,
    clinicId,
    patientId,
  );
  return rows.map((row) => ({
    id: row.id,
    takenAt: row.takenAt.toISOString(),
    rater: row.rater,
    redFlags: row.redFlags as RedFlagCode[],
    measures: (JSON.parse(row.measures) as [MeasureCode, Side, number, string | null][]).map(([code, side, value, method]) => ({ code, side, value, method })),
  }));
}

/**
 * A digest of the versions of everything the trends view is built from besides the patient's own
 * fields: each visit that is not deleted (its id and updatedAt: a correction rewrites the values
 * and updates the visit in one transaction, lib/assessments/mutations) with its rater's updatedAt
 * (a renamed rater), and each treatment event in full (they are few, and have no updatedAt).
 * Computed by the database from the indexes' rows, so checking that a kept view is still exact
 * costs one small answer instead of the whole history. Writes made outside the app's mutations
 * (by hand, in SQL) are seen after a restart.
 */
export async function readTrendsFingerprint(clinicId: string, patientId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT md5(concat_ws('#',
      (SELECT string_agg(a."id"::text || '@' || a."updatedAt"::text || '@' || u."updatedAt"::text, ',' ORDER BY a."id")
         FROM "Assessment" a
         JOIN "User" u ON u."id" = a."raterId"
        WHERE a."clinicId" = ${clinicId}::uuid AND a."patientId" = ${patientId}::uuid AND a."deletedAt" IS NULL),
      (SELECT string_agg(json_build_array(t."id", t."occurredAt", t."kind", t."text")::text, ',' ORDER BY t."id")
         FROM "TreatmentEvent" t
        WHERE t."clinicId" = ${clinicId}::uuid AND t."patientId" = ${patientId}::uuid AND t."deletedAt" IS NULL)
    )) AS "fingerprint"`;
  return row!.fingerprint;
}

/**
 * One cache per server process: Next builds pages and route handlers as separate module instances,
 * so a module-level cache would be two caches (the hover route rebuilt every view the page had
 * just built). Kept on globalThis under a registered symbol.
 */
const CACHE_KEY = Symbol.for("stride.trends-view-cache");
function viewCache(): TrendsViewCache {
  const holder = globalThis as unknown as Record<symbol, TrendsViewCache | undefined>;
  return (holder[CACHE_KEY] ??= new TrendsViewCache());
}

export interface TrendsPageData {
  patient: PatientView;
  view: TrendsView;
}

/**
 * The trends page's view for these controls: reused from this server's cache when the data's
 * fingerprint and the patient's fields match, built (and kept) otherwise. An audited look at the
 * record unless `audit` is false (the hover route: its page view was audited, and a hover is not
 * a new look at the record). NotFoundError for another clinic's or a missing patient.
 */
export async function loadTrendsView(
  actor: Actor,
  patientId: string,
  options: { range: ResolvedRange; requestedTable: string | null; audit?: boolean },
): Promise<TrendsPageData> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const readPatient = options.audit === false ? getPatient : readPatientAudited;
  const [patient, fingerprint] = await Promise.all([readPatient(actor, patientId), readTrendsFingerprint(actor.clinicId, patientId)]);
  const { range, requestedTable } = options;
  const key = [
    actor.clinicId,
    patient.id,
    patient.heightCm,
    patient.sex,
    patient.birthDate,
    fingerprint,
    range.show,
    range.start,
    range.end,
    requestedTable,
  ].join("|");
  const kept = viewCache().get(key);
  if (kept) return { patient, view: kept };
  // A write between the fingerprint and this read only makes the kept view newer than its key,
  // and that key is never asked for again once the write is visible.
  const source = await readTrendsData(actor.clinicId, patientId);
  const evaluation = evaluate(historyOfVisits(patient, source.assessments));
  const view = buildTrendsView({ ...source, evaluation, range, requestedTable });
  viewCache().set(key, view);
  return { patient, view };
}

async function readTrendsData(clinicId: string, patientId: string): Promise<{ assessments: TrendVisit[]; treatments: ChartTreatment[] }> {
  const [visits, treatments] = await Promise.all([readTrendVisits(clinicId, patientId), readPatientTreatments(clinicId, patientId)]);
  return {
    assessments: visits,
    treatments: treatments.map((t) => {
      const kind = TREATMENT_LABELS[t.kind];
      // "other" carries its own name; for the rest the text is detail, kept short for a chart label.
      const label = t.kind === "other" && t.text ? t.text : kind;
      return { occurredAt: t.occurredAt, label: label.length > 40 ? `${label.slice(0, 39)}…` : label };
    }),
  };
}

export interface MeasureHistory {
  patient: PatientView;
  chart: MeasureChart;
  treatments: TreatmentMarker[];
}

/**
 * One measure over the patient's whole history, for the measure explorer: every value with its
 * visit, side, method, rater and flags, the normal band, and the MDC band of each side from the
 * engine's evaluation (as on the trends page). An audited look at the record. NotFoundError for
 * another clinic's or a missing patient, and for a measure the history has no value of.
 */
export async function loadMeasureHistory(actor: Actor, patientId: string, code: MeasureCode): Promise<MeasureHistory> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await readPatientAudited(actor, patientId);
  const source = await readTrendsData(actor.clinicId, patientId);
  const evaluation = evaluate(historyOfVisits(patient, source.assessments));
  const all = resolveRange({ preset: "all", from: null, to: null, show: "both" }, Date.now());
  const data = buildTrendsChartData({ ...source, evaluation, range: all, codes: [code] });
  const chart = data.groups.flatMap((g) => g.charts).find((c) => c.code === code);
  if (!chart) throw new NotFoundError("measure");
  return { patient, chart, treatments: data.treatments };
}
