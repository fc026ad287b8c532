// Recording and (soft-)deleting treatment events, each in one transaction with its audit event.
// Treatments are not inputs of the flag engine, so the patient's status is not refreshed here.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { lockPatientForWrite, WRITE_TRANSACTION } from "@/lib/patients/lock";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { toTreatmentViews, treatmentSelect, type TreatmentView } from "./queries";
import { treatmentCreateSchema } from "./schemas";

export async function recordTreatment(actor: Actor, patientId: string, input: unknown): Promise<TreatmentView> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const data = parseInput(treatmentCreateSchema, input);
  return db.$transaction(async (tx) => {
    await lockPatientForWrite(tx, actor, patientId);
    const row = await tx.treatmentEvent.create({
      data: {
        clinicId: actor.clinicId,
        patientId,
        kind: data.kind,
        text: data.text,
        occurredAt: new Date(data.occurredAt),
        createdById: actor.userId,
      },
      select: treatmentSelect,
    });
    await recordAudit(tx, actor, {
      action: "treatment.create",
      entityType: "TreatmentEvent",
      entityId: row.id,
      details: { patientId, kind: data.kind, text: data.text, occurredAt: data.occurredAt },
    });
    const [view] = await toTreatmentViews(tx, actor.clinicId, [row]);
    return view!;
  }, WRITE_TRANSACTION);
}

export async function deleteTreatment(actor: Actor, id: string): Promise<TreatmentView> {
  if (!isUuid(id)) throw new NotFoundError("treatment");
  return db.$transaction(async (tx) => {
    const before = await tx.treatmentEvent.findFirst({ where: { id, clinicId: actor.clinicId }, select: treatmentSelect });
    if (!before) throw new NotFoundError("treatment");
    if (before.deletedAt) throw new ConflictError("This treatment event is already deleted.");
    const row = await tx.treatmentEvent.update({ where: { id }, data: { deletedAt: new Date() }, select: treatmentSelect });
    await recordAudit(tx, actor, {
      action: "treatment.delete",
      entityType: "TreatmentEvent",
      entityId: id,
      details: { patientId: before.patientId, kind: before.kind, text: before.text, occurredAt: before.occurredAt.toISOString() },
    });
    const [view] = await toTreatmentViews(tx, actor.clinicId, [row]);
    return view!;
  }, WRITE_TRANSACTION);
}
