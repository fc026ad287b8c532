// The caseload dashboard's reads: counts per status, the patients that need attention (most
// urgent first) and those overdue for review. SQL on stored columns only (Patient.status,
// lastAssessedAt, visitChanges are refreshed with every write), bounded by LIMIT, so the cost
// does not grow with the histories: a clinic of 5,000 patients reads a few dozen rows.
// Index used: Patient(clinicId, archived, status, lastAssessedAt DESC).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors/app-errors";
import { zodIssues } from "@/lib/validation/parse";
import type { PatientStatus } from "@/lib/patients/queries";
import { parseVisitChanges, type VisitChanges } from "./changes";

/** Flagged and not seen for this long: overdue for review. */
export const OVERDUE_AFTER_DAYS = 42;
export const STATUS_ORDER: readonly PatientStatus[] = ["refer", "high", "moderate", "low", "none"];

export interface CaseloadPatient {
  id: string;
  givenName: string;
  familyName: string;
  status: PatientStatus;
  /** ISO instant of the latest visit. */
  lastAssessedAt: string | null;
  changes: VisitChanges;
}

export interface Caseload {
  counts: Record<PatientStatus, number>;
  total: number;
  attention: CaseloadPatient[];
  /** Patients with a status other than none (the attention list's length before paging). */
  attentionTotal: number;
  overdue: CaseloadPatient[];
  overdueTotal: number;
  page: number;
  pageSize: number;
}

export const caseloadInput = z.object({
  page: z.coerce.number().int("page must be a whole number").min(1, "page must be 1 or more").max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  overdueLimit: z.coerce.number().int().min(1).max(100).default(10),
});

/** A listed patient as the caseload statement returns it (JSON: the instant is a string). */
interface Row {
  id: string;
  givenName: string;
  familyName: string;
  status: PatientStatus;
  lastAssessedAt: string | null;
  visitChanges: unknown;
}

interface CaseloadRow {
  counts: { status: PatientStatus; n: number }[];
  attention: Row[];
  overdue: Row[];
  overdueTotal: number;
}

function toCaseloadPatient(row: Row): CaseloadPatient {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    status: row.status,
    // timestamptz in JSON carries its offset; normalised to the ISO form the rest of the app uses.
    lastAssessedAt: row.lastAssessedAt ? new Date(row.lastAssessedAt).toISOString() : null,
    changes: parseVisitChanges(row.visitChanges),
  };
}

/** A listed patient's columns as one JSON object (p is the subquery's alias). */
const listed = (p: string) =>
  Prisma.raw(
    `json_build_object('id', ${p}.id, 'givenName', ${p}."givenName", 'familyName', ${p}."familyName", 'status', ${p}.status, ` +
      `'lastAssessedAt', ${p}."lastAssessedAt", 'visitChanges', ${p}."visitChanges")`,
  );

/** `now` is a parameter so tests can pin the overdue cut-off. */
export async function getCaseload(actor: Actor, options: z.input<typeof caseloadInput> = {}, now: Date = new Date()): Promise<Caseload> {
  const parsed = caseloadInput.safeParse(options);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const { page, pageSize, overdueLimit } = parsed.data;
  const clinicId = actor.clinicId;
  const cutoff = new Date(now.getTime() - OVERDUE_AFTER_DAYS * 86_400_000);

  // One statement, so one snapshot (the counts and the lists agree) in one round trip. It was a
  // four-query transaction: that holds a pooled connection across six round trips (and, on the
  // embedded database, the whole database: pglite-queue keeps a transaction's messages together),
  // and under load Prisma gave up waiting to start it (maxWait, 2 s) and the page answered 500.
  // Each subquery is planned on its own and keeps its index scan and LIMIT.
  // The enum's declaration order is refer, high, moderate, low, none: ORDER BY status is the
  // urgency order and follows the index (qualified: the bare name would be the text alias); the
  // most recently seen first within a status. json_agg repeats the order: a subquery's order is
  // not guaranteed to survive aggregation.
  const [row] = await db.$queryRaw<CaseloadRow[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('status', c.status, 'n', c.n)), '[]'::json)
         FROM (SELECT status::text AS status, count(*)::int AS n FROM "Patient"
               WHERE "clinicId" = ${clinicId}::uuid AND archived = false
               GROUP BY status) c) AS counts,
      (SELECT coalesce(json_agg(${listed("a")} ORDER BY a.status, a."lastAssessedAt" DESC, a.id), '[]'::json)
         FROM (SELECT id, "givenName", "familyName", status, "lastAssessedAt", "visitChanges" FROM "Patient"
               WHERE "clinicId" = ${clinicId}::uuid AND archived = false AND status <> 'none'
               ORDER BY "Patient".status, "lastAssessedAt" DESC, id
               LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) a) AS attention,
      (SELECT coalesce(json_agg(${listed("o")} ORDER BY o.status, o."lastAssessedAt", o.id), '[]'::json)
         FROM (SELECT id, "givenName", "familyName", status, "lastAssessedAt", "visitChanges" FROM "Patient"
               WHERE "clinicId" = ${clinicId}::uuid AND archived = false AND status <> 'none' AND "lastAssessedAt" < ${cutoff}
               ORDER BY "Patient".status, "lastAssessedAt", id
               LIMIT ${overdueLimit}) o) AS overdue,
      (SELECT count(*)::int FROM "Patient"
         WHERE "clinicId" = ${clinicId}::uuid AND archived = false AND status <> 'none' AND "lastAssessedAt" < ${cutoff}) AS "overdueTotal"`;
  const counted = row?.counts ?? [];
  const attention = row?.attention ?? [];
  const overdue = row?.overdue ?? [];

  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<PatientStatus, number>;
  for (const row of counted) counts[row.status] = row.n;
  const total = STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
  return {
    counts,
    total,
    attention: attention.map(toCaseloadPatient),
    attentionTotal: total - counts.none,
    overdue: overdue.map(toCaseloadPatient),
    overdueTotal: row?.overdueTotal ?? 0,
    page,
    pageSize,
  };
}
