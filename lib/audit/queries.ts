// Reading the audit trail: the admin's filtered, paged list and CSV, and the "who accessed this
// record" list on a patient page. Always scoped to the actor's clinic. Reading the trail is not
// itself audited (it would add an event per page view of the audit page, drowning the rest).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { parsedJson } from "@/lib/db/raw-json";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid, zodIssues } from "@/lib/validation/parse";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");

/** Empty strings (an untouched form field) count as "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const auditFilterInput = z.object({
  userId: optional(z.string().refine(isUuid, "not a user id")),
  action: optional(z.string().trim().max(100)),
  entityId: optional(z.string().trim().max(100)),
  from: optional(day),
  to: optional(day),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type AuditFilter = z.input<typeof auditFilterInput>;

export interface AuditEventView {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  sourceAddress: string | null;
  details: unknown;
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can read the audit trail.");
}

function whereFor(actor: Actor, filter: z.output<typeof auditFilterInput>): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  // "to" is inclusive: everything before the start of the next day.
  if (filter.to) at.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000);
  return {
    clinicId: actor.clinicId,
    ...(filter.userId ? { userId: filter.userId } : {}),
    // An action prefix such as "patient." or "auth.signin" selects a family of events.
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

const eventSelect = {
  id: true,
  at: true,
  userId: true,
  action: true,
  entityType: true,
  entityId: true,
  sourceAddress: true,
  details: true,
} satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

async function withUsers(actor: Actor, rows: EventRow[]): Promise<AuditEventView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const users = ids.length
    ? await db.user.findMany({ where: { clinicId: actor.clinicId, id: { in: ids } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => eventView(r, r.userId ? byId.get(r.userId) : undefined));
}

/** An event as the audit pages show it; `user` is its user when one of the clinic (else unnamed). */
function eventView(r: Omit<EventRow, "id"> & { id: bigint | string }, user: { name: string; email: string } | undefined): AuditEventView {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    userId: r.userId,
    userName: r.userId ? (user?.name ?? null) : null,
    userEmail: r.userId ? (user?.email ?? null) : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    sourceAddress: r.sourceAddress,
    details: r.details,
  };
}

export function parseAuditFilter(input: unknown): z.output<typeof auditFilterInput> {
  const parsed = auditFilterInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

/** The clinic's audit events, newest first, paged. Admins only. */
export async function listAuditEvents(actor: Actor, input: AuditFilter = {}) {
  requireAdmin(actor);
  const filter = parseAuditFilter(input);
  const where = whereFor(actor, filter);
  const total = await db.auditEvent.count({ where });
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE,
    skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
    select: eventSelect,
  });
  return { items: await withUsers(actor, rows), total, page: filter.page, pageSize: AUDIT_PAGE_SIZE };
}

/** Every matching event (no paging), newest first, in batches: for the CSV export. Admins only. */
export async function* auditEventBatches(actor: Actor, input: AuditFilter = {}, batchSize = 1000): AsyncGenerator<AuditEventView[]> {
  requireAdmin(actor);
  const where = whereFor(actor, parseAuditFilter(input));
  let before: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: batchSize,
      select: eventSelect,
    });
    if (rows.length === 0) return;
    yield await withUsers(actor, rows);
    before = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** The patient an event is about: the record itself, or the `patientId` in its details; else undefined. */
export function eventPatientId(event: Pick<AuditEventView, "entityType" | "entityId" | "details">): string | undefined {
  const id = event.entityType === "Patient" ? event.entityId : (event.details as { patientId?: unknown } | null)?.patientId;
  return isUuid(id) ? id : undefined;
}

/**
 * "Family, Given" of the patients the events name: the record itself, or the patient in the
 * details of a visit, treatment or referral event. For the audit page, which shows names where the
 * CSV has ids. Admins only; patients of the clinic only.
 */
export async function patientNamesFor(actor: Actor, events: readonly AuditEventView[]): Promise<Map<string, string>> {
  requireAdmin(actor);
  const ids = new Set(events.flatMap((e) => eventPatientId(e) ?? []));
  if (ids.size === 0) return new Map();
  const rows = await db.patient.findMany({ where: { clinicId: actor.clinicId, id: { in: [...ids] } }, select: { id: true, givenName: true, familyName: true } });
  return new Map(rows.map((p) => [p.id, `${p.familyName}, ${p.givenName}`]));
}

/** The clinic's users, for the audit page's user filter. Admins only. */
export async function auditUserOptions(actor: Actor) {
  requireAdmin(actor);
  return db.user.findMany({ where: { clinicId: actor.clinicId }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}

/** Who read, exported or changed one patient's record, newest first (the patient page's list). */
export async function recordAccessFor(actor: Actor, patientId: string, limit = 20): Promise<AuditEventView[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  // Every patient page view reads this: one statement with the users joined (through the ORM, the
  // events and their users were two). Users are named within the clinic, as withUsers does.
  const rows = await db.$queryRaw<(Omit<EventRow, "id"> & { id: string; userName: string | null; userEmail: string | null })[]>`
    SELECT e."id"::text AS "id", e."at", e."userId"::text AS "userId", e."action", e."entityType", e."entityId", e."sourceAddress",
           e."details", u."name" AS "userName", u."email" AS "userEmail"
      FROM "AuditEvent" e
      LEFT JOIN "User" u ON u."id" = e."userId" AND u."clinicId" = e."clinicId"
     WHERE e."clinicId" = ${actor.clinicId}::uuid AND e."entityType" = 'Patient' AND e."entityId" = ${patientId}
     ORDER BY e."id" DESC
     LIMIT ${limit}`;
  return rows.map((r) =>
    eventView(
      { ...r, details: parsedJson(r.details) as EventRow["details"] },
      r.userName !== null && r.userEmail !== null ? { name: r.userName, email: r.userEmail } : undefined,
    ),
  );
}
