// Reading patients. Every query takes the acting user first and scopes by actor.clinicId: a
// patient of another clinic is indistinguishable from one that does not exist.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import type { Actor } from "@/lib/auth/actor";
import { isUuid, zodIssues } from "@/lib/validation/parse";
import { recordAuditNow } from "@/lib/audit/record";

export type PatientStatus = "refer" | "high" | "moderate" | "low" | "none";
export type Sex = "female" | "male" | "other" | "unknown";
export type DiagnosisSide = "left" | "right" | "both";

/** A patient as the API and the pages see it: plain JSON, dates as strings. */
export interface PatientView {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  heightCm: number;
  mrn: string | null;
  diagnosisSide: DiagnosisSide;
  archived: boolean;
  status: PatientStatus;
  /** ISO 8601 instant, or null before the first assessment. */
  lastAssessedAt: string | null;
}

/** The fields of a PatientView; mutations select the same so toPatientView accepts their rows. */
export const patientSelect = {
  id: true,
  givenName: true,
  familyName: true,
  birthDate: true,
  sex: true,
  heightCm: true,
  mrn: true,
  diagnosisSide: true,
  archived: true,
  status: true,
  lastAssessedAt: true,
} satisfies Prisma.PatientSelect;

type PatientRow = Prisma.PatientGetPayload<{ select: typeof patientSelect }>;

export function toPatientView(row: PatientRow): PatientView {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    // A DATE column arrives as midnight UTC; the calendar date is its first ten characters.
    birthDate: row.birthDate.toISOString().slice(0, 10),
    sex: row.sex,
    heightCm: row.heightCm,
    mrn: row.mrn,
    diagnosisSide: row.diagnosisSide,
    archived: row.archived,
    status: row.status,
    lastAssessedAt: row.lastAssessedAt ? row.lastAssessedAt.toISOString() : null,
  };
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export const listPatientsInput = z.object({
  q: z.string().trim().max(100, "search text must be at most 100 characters").optional(),
  page: z.coerce.number().int("page must be a whole number").min(1, "page must be 1 or more").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int("pageSize must be a whole number")
    .min(1, "pageSize must be 1 or more")
    .max(MAX_PAGE_SIZE, `pageSize must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  includeArchived: z.boolean().default(false),
  /** name (default): family then given name; status: most urgent first; lastAssessed: most recent first. */
  sort: z
    .enum(["name", "status", "lastAssessed"], { error: (iss) => `sort must be name, status or lastAssessed, not ${JSON.stringify(iss.input)}` })
    .default("name"),
  /** Only patients with this stored status. */
  status: z
    .enum(["refer", "high", "moderate", "low", "none"], {
      error: (iss) => `status must be refer, high, moderate, low or none, not ${JSON.stringify(iss.input)}`,
    })
    .optional(),
});

export type ListPatientsOptions = z.input<typeof listPatientsInput>;

export interface PatientPage {
  items: PatientView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Search terms: every whitespace-separated word must match a name or the MRN (at most 5 words). */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
}

/** A LIKE pattern that matches `term` literally anywhere: %, _ and \ in the term are not wildcards. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listWhere(actor: Actor, q: string | undefined, includeArchived: boolean, status?: PatientStatus): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`"clinicId" = ${actor.clinicId}::uuid`];
  if (!includeArchived) conditions.push(Prisma.sql`"archived" = false`);
  if (status) conditions.push(Prisma.sql`"status" = ${status}::"PatientStatus"`);
  for (const term of searchTerms(q)) {
    const pattern = containsPattern(term);
    conditions.push(
      Prisma.sql`("givenName" ILIKE ${pattern} ESCAPE '\\' OR "familyName" ILIKE ${pattern} ESCAPE '\\' OR "mrn" ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** Sort keys placed before the name order (which breaks ties and keeps pages stable). */
const sortPrefix = {
  name: Prisma.empty,
  status: Prisma.sql`CASE "status" WHEN 'refer' THEN 0 WHEN 'high' THEN 1 WHEN 'moderate' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,`,
  lastAssessed: Prisma.sql`"lastAssessedAt" DESC NULLS LAST,`,
} as const;

/**
 * The clinic's patients, ordered by family then given name ignoring case ("de Souza" sorts with
 * the Ds whatever the database's collation), paged. Raw SQL for the order and the literal search;
 * the rows themselves are read through Prisma with the usual select.
 */
export async function listPatients(actor: Actor, options: ListPatientsOptions = {}): Promise<PatientPage> {
  const parsed = listPatientsInput.safeParse(options);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const { q, page, pageSize, includeArchived, sort, status } = parsed.data;
  const where = listWhere(actor, q, includeArchived, status);
  const [counted, ordered] = await db.$transaction([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Patient" WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Patient" WHERE ${where}
      ORDER BY ${sortPrefix[sort]} lower("familyName"), lower("givenName"), "familyName", "givenName", id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const ids = ordered.map((row) => row.id);
  const rows = ids.length
    ? await db.patient.findMany({ where: { clinicId: actor.clinicId, id: { in: ids } }, select: patientSelect })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPatientView(row)] : [];
  });
  return { items, total: counted[0]?.total ?? 0, page, pageSize };
}

/** One patient of the actor's clinic; NotFoundError for a bad id, a missing one or another clinic's. */
export async function getPatient(actor: Actor, id: string): Promise<PatientView> {
  if (!isUuid(id)) throw new NotFoundError("patient");
  // Every patient page, trends page and per-patient API request starts here: one plain statement
  // (the ORM's model query costs about twice the CPU for the same SELECT).
  const [row] = await db.$queryRaw<(Omit<PatientView, "lastAssessedAt"> & { lastAssessedAt: Date | null })[]>`
    SELECT "id"::text AS "id", "givenName", "familyName", to_char("birthDate", 'YYYY-MM-DD') AS "birthDate", "sex"::text AS "sex",
           "heightCm", "mrn", "diagnosisSide"::text AS "diagnosisSide", "archived", "status"::text AS "status", "lastAssessedAt"
      FROM "Patient" WHERE "id" = ${id}::uuid AND "clinicId" = ${actor.clinicId}::uuid`;
  if (!row) throw new NotFoundError("patient");
  return { ...row, lastAssessedAt: row.lastAssessedAt ? row.lastAssessedAt.toISOString() : null };
}

/**
 * getPatient plus a `patient.read` audit event: for the places where a person looks at the record
 * (the patient page, GET /api/v1/patients/{id}). Internal callers (exports, referrals) keep using
 * getPatient and audit their own action, so one look is one event.
 */
export async function readPatientAudited(actor: Actor, id: string): Promise<PatientView> {
  const patient = await getPatient(actor, id);
  await recordAuditNow(actor, { action: "patient.read", entityType: "Patient", entityId: patient.id });
  return patient;
}
