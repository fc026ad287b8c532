// Reading a patient's treatment events (newest first), scoped by the actor's clinic.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import type { TreatmentKind, TreatmentResponse } from "./schemas";

export interface TreatmentView {
  id: string;
  patientId: string;
  kind: TreatmentKind;
  text: string | null;
  /** When it started (or the single session). */
  occurredAt: string;
  endedAt: string | null;
  dose: string | null;
  injectionAgent: string | null;
  injectionCount: number | null;
  /** At review; null until reviewed. */
  response: TreatmentResponse | null;
  reviewedAt: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  deletedAt: string | null;
}

export const treatmentSelect = {
  id: true,
  patientId: true,
  kind: true,
  text: true,
  occurredAt: true,
  endedAt: true,
  dose: true,
  injectionAgent: true,
  injectionCount: true,
  response: true,
  reviewedAt: true,
  createdById: true,
  createdAt: true,
  deletedAt: true,
} satisfies Prisma.TreatmentEventSelect;

type TreatmentRow = Prisma.TreatmentEventGetPayload<{ select: typeof treatmentSelect }>;

export async function toTreatmentViews(tx: Prisma.TransactionClient | PrismaClient, clinicId: string, rows: TreatmentRow[]): Promise<TreatmentView[]> {
  // TreatmentEvent has no relation to User in the schema; one query resolves the names.
  const ids = [...new Set(rows.map((r) => r.createdById))];
  const users = ids.length ? await tx.user.findMany({ where: { clinicId, id: { in: ids } }, select: { id: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => toTreatmentView(r, byId.get(r.createdById) ?? { id: r.createdById, name: "unknown user" }));
}

function toTreatmentView(r: TreatmentRow, createdBy: { id: string; name: string }): TreatmentView {
  return {
    id: r.id,
    patientId: r.patientId,
    kind: r.kind,
    text: r.text,
    occurredAt: r.occurredAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    dose: r.dose,
    injectionAgent: r.injectionAgent,
    injectionCount: r.injectionCount,
    response: r.response,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdBy,
    createdAt: r.createdAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  };
}

export async function listTreatments(actor: Actor, patientId: string, options: { includeDeleted?: boolean } = {}): Promise<TreatmentView[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  return readPatientTreatments(actor.clinicId, patientId, options);
}

/** A patient's treatment events without checking the patient: for a caller that has just read it. */
export async function readPatientTreatments(clinicId: string, patientId: string, options: { includeDeleted?: boolean } = {}): Promise<TreatmentView[]> {
  // Every patient page view reads this: one statement with the recording users' names joined
  // (within the clinic, as toTreatmentViews names them); through the ORM it was two.
  const rows = await db.$queryRaw<(TreatmentRow & { createdByName: string | null })[]>`
    SELECT t."id"::text AS "id", t."patientId"::text AS "patientId", t."kind"::text AS "kind", t."text", t."occurredAt", t."endedAt",
           t."dose", t."injectionAgent", t."injectionCount", t."response"::text AS "response", t."reviewedAt",
           t."createdById"::text AS "createdById", t."createdAt", t."deletedAt", u."name" AS "createdByName"
      FROM "TreatmentEvent" t
      LEFT JOIN "User" u ON u."id" = t."createdById" AND u."clinicId" = t."clinicId"
     WHERE t."clinicId" = ${clinicId}::uuid AND t."patientId" = ${patientId}::uuid AND (${options.includeDeleted === true} OR t."deletedAt" IS NULL)
     ORDER BY t."occurredAt" DESC, t."createdAt" DESC, t."id" DESC`;
  return rows.map((r) => toTreatmentView(r, { id: r.createdById, name: r.createdByName ?? "unknown user" }));
}

/** One treatment event of the actor's clinic (deleted or not); NotFoundError otherwise. */
export async function getTreatment(actor: Actor, id: string): Promise<TreatmentView> {
  if (!isUuid(id)) throw new NotFoundError("treatment");
  const row = await db.treatmentEvent.findFirst({ where: { id, clinicId: actor.clinicId }, select: treatmentSelect });
  if (!row) throw new NotFoundError("treatment");
  const [view] = await toTreatmentViews(db, actor.clinicId, [row]);
  return view!;
}
