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
  return rows.map((r) => ({
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
    createdBy: byId.get(r.createdById) ?? { id: r.createdById, name: "unknown user" },
    createdAt: r.createdAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }));
}

export async function listTreatments(actor: Actor, patientId: string, options: { includeDeleted?: boolean } = {}): Promise<TreatmentView[]> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  return readPatientTreatments(actor.clinicId, patientId, options);
}

/** A patient's treatment events without checking the patient: for a caller that has just read it. */
export async function readPatientTreatments(clinicId: string, patientId: string, options: { includeDeleted?: boolean } = {}): Promise<TreatmentView[]> {
  const rows = await db.treatmentEvent.findMany({
    where: { clinicId, patientId, ...(options.includeDeleted ? {} : { deletedAt: null }) },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    select: treatmentSelect,
  });
  return toTreatmentViews(db, clinicId, rows);
}
