// Reading patients. Every query takes the acting user first and scopes by actor.clinicId: a
// patient of another clinic is indistinguishable from one that does not exist.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import type { Actor } from "@/lib/auth/actor";
import { zodIssues } from "@/lib/http/responses";

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

const patientSelect = {
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
});

export type ListPatientsOptions = z.input<typeof listPatientsInput>;

export interface PatientPage {
  items: PatientView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Search terms: every whitespace-separated word must match a name or the MRN. */
export function searchWhere(q: string | undefined): Prisma.PatientWhereInput[] {
  const terms = (q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  return terms.map((term) => ({
    OR: [
      { givenName: { contains: term, mode: "insensitive" as const } },
      { familyName: { contains: term, mode: "insensitive" as const } },
      { mrn: { contains: term, mode: "insensitive" as const } },
    ],
  }));
}

export async function listPatients(actor: Actor, options: ListPatientsOptions = {}): Promise<PatientPage> {
  const parsed = listPatientsInput.safeParse(options);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const { q, page, pageSize, includeArchived } = parsed.data;
  const where: Prisma.PatientWhereInput = {
    clinicId: actor.clinicId,
    ...(includeArchived ? {} : { archived: false }),
    AND: searchWhere(q),
  };
  const [total, rows] = await db.$transaction([
    db.patient.count({ where }),
    db.patient.findMany({
      where,
      select: patientSelect,
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { items: rows.map(toPatientView), total, page, pageSize };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** One patient of the actor's clinic; NotFoundError for a bad id, a missing one or another clinic's. */
export async function getPatient(actor: Actor, id: string): Promise<PatientView> {
  if (typeof id !== "string" || !isUuid(id)) throw new NotFoundError("patient");
  const row = await db.patient.findFirst({ where: { id, clinicId: actor.clinicId }, select: patientSelect });
  if (!row) throw new NotFoundError("patient");
  return toPatientView(row);
}
