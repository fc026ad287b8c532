// Recording and (soft-)deleting treatment events, each in one transaction with its audit event.
// Treatments are not inputs of the flag engine, so the patient's status is not refreshed here.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { lockPatientForWrite, WRITE_TRANSACTION } from "@/lib/patients/lock";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { toTreatmentViews, treatmentSelect, type TreatmentView } from "./queries";
import { ValidationError } from "@/lib/errors/app-errors";
import { toFieldIssues } from "@/lib/validation/parse";
import { doseAndResponseIssues, TREATMENT_UPDATE_FIELDS, treatmentCreateSchema, treatmentUpdateSchema } from "./schemas";

const instant = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);
const text = (v: string | null | undefined): string | null => (v ? v : null);

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
        endedAt: instant(data.endedAt),
        dose: text(data.dose),
        injectionAgent: text(data.injectionAgent),
        injectionCount: data.injectionCount ?? null,
        response: data.response ?? null,
        // A response recorded without a review date was judged now.
        reviewedAt: data.response ? (instant(data.reviewedAt) ?? new Date()) : null,
        createdById: actor.userId,
      },
      select: treatmentSelect,
    });
    await recordAudit(tx, actor, {
      action: "treatment.create",
      entityType: "TreatmentEvent",
      entityId: row.id,
      details: { patientId, kind: data.kind, text: data.text, occurredAt: data.occurredAt, ...doseDetails(row) },
    });
    const [view] = await toTreatmentViews(tx, actor.clinicId, [row]);
    return view!;
  }, WRITE_TRANSACTION);
}

function doseDetails(row: { endedAt: Date | null; dose: string | null; injectionAgent: string | null; injectionCount: number | null; response: string | null; reviewedAt: Date | null }) {
  return {
    endedAt: row.endedAt?.toISOString() ?? null,
    dose: row.dose,
    injectionAgent: row.injectionAgent,
    injectionCount: row.injectionCount,
    response: row.response,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

/** Changes a treatment's details, end, dose and response (kind and start stay); audited with before/after. */
export async function updateTreatment(actor: Actor, id: string, input: unknown): Promise<TreatmentView> {
  const patch = parseInput(treatmentUpdateSchema, input);
  if (!isUuid(id)) throw new NotFoundError("treatment");
  return db.$transaction(async (tx) => {
    const found = await tx.treatmentEvent.findFirst({ where: { id, clinicId: actor.clinicId }, select: { patientId: true } });
    if (!found) throw new NotFoundError("treatment");
    await lockPatientForWrite(tx, actor, found.patientId);
    const before = await tx.treatmentEvent.findFirstOrThrow({ where: { id, clinicId: actor.clinicId }, select: treatmentSelect });
    if (before.deletedAt) throw new ConflictError("This treatment event is deleted.");
    const [old] = await toTreatmentViews(tx, actor.clinicId, [before]);
    // The stored values with the patch applied, checked together (an end before the start, an agent on shockwave).
    const merged = { ...old!, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (patch.response && patch.reviewedAt === undefined && !old!.reviewedAt) merged.reviewedAt = new Date().toISOString();
    if (patch.response === null && patch.reviewedAt === undefined) merged.reviewedAt = null;
    const issues = doseAndResponseIssues(merged, old!.kind, old!.occurredAt);
    if (old!.kind === "other" && !merged.text) issues.push({ path: ["text"], message: 'text is required for kind "other" (1 to 500 characters)' });
    if (issues.length) throw new ValidationError(toFieldIssues(issues));

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of [...TREATMENT_UPDATE_FIELDS, "reviewedAt"] as const) {
      const to = (merged as Record<string, unknown>)[field] ?? null;
      const from = (old as unknown as Record<string, unknown>)[field] ?? null;
      if (to !== from && !(field === "reviewedAt" && to && from && Date.parse(String(to)) === Date.parse(String(from)))) changes[field] = { from, to };
    }
    if (Object.keys(changes).length === 0) return old!;
    const row = await tx.treatmentEvent.update({
      where: { id },
      data: {
        text: text(merged.text),
        endedAt: instant(merged.endedAt),
        dose: text(merged.dose),
        injectionAgent: text(merged.injectionAgent),
        injectionCount: merged.injectionCount ?? null,
        response: merged.response ?? null,
        reviewedAt: instant(merged.reviewedAt),
      },
      select: treatmentSelect,
    });
    await recordAudit(tx, actor, {
      action: "treatment.update",
      entityType: "TreatmentEvent",
      entityId: id,
      details: { patientId: found.patientId, changes } as never,
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
