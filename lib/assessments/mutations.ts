// Recording, correcting, deleting and restoring visits. Each runs in ONE transaction that locks the
// patient's row, writes, refreshes the patient's stored status and writes the audit event, so a
// failure stores nothing and concurrent visits of one patient are all kept with a correct status.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import type { AssessmentInputParsed } from "@/lib/clinical/validation";
import { recordAudit } from "@/lib/audit/record";
import { refreshPatientStatus } from "@/lib/patients/evaluation";
import { lockPatientForWrite, WRITE_TRANSACTION } from "@/lib/patients/lock";
import { isUuid } from "@/lib/validation/parse";
import { amendReasonSchema, assertNotBeforeBirth, parseAmendmentInput, parseAssessmentInput, scoreVisit, type AssessmentInput } from "./input";
import { storedAnswers, type ScoredQuestionnaire } from "@/lib/questionnaires/input";
import type { QuestionnaireView } from "@/lib/questionnaires/instruments";
import { readAssessment, type AssessmentView } from "./queries";

type Tx = Prisma.TransactionClient;

function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.$transaction(work, WRITE_TRANSACTION);
}

/** A value as stored: a blank method is no method. */
function storedValues(measures: AssessmentInputParsed["measures"]) {
  return measures.map((m) => ({ code: m.code, side: m.side, value: m.value, method: m.method?.trim() || null }));
}

function measureRows(actor: Actor, assessmentId: string, measures: AssessmentInputParsed["measures"]) {
  return storedValues(measures).map((m) => ({ clinicId: actor.clinicId, assessmentId, ...m }));
}

/**
 * Inserts a new visit and its values in ONE statement (the values' INSERT is a CTE fed by the
 * visit's RETURNING): recording a visit is the API's most frequent write, and on the ORM these were
 * two statements, each compiled by its query engine. Same columns as the ORM wrote, `updatedAt`
 * included.
 */
async function insertVisit(tx: Tx, actor: Actor, patientId: string, data: AssessmentInput): Promise<{ id: string }> {
  const values = storedValues(data.measures);
  const now = new Date();
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    WITH a AS (
      INSERT INTO "Assessment" ("clinicId", "patientId", "raterId", "takenAt", "notes", "redFlags", "footwear", "createdAt", "updatedAt")
      VALUES (${actor.clinicId}::uuid, ${patientId}::uuid, ${actor.userId}::uuid, ${new Date(data.takenAt)}::timestamptz,
              ${data.notes?.trim() ? data.notes : null}, ${data.redFlags}::text[], ${data.footwear ?? null}::"Footwear",
              ${now}::timestamptz, ${now}::timestamptz)
      RETURNING "id"
    ), m AS (
      INSERT INTO "MeasureValue" ("clinicId", "assessmentId", "code", "side", "value", "method")
      SELECT ${actor.clinicId}::uuid, a."id", v.code, v.side::"Side", v.value, v.method
        FROM a, unnest(${values.map((v) => v.code)}::text[], ${values.map((v) => v.side)}::text[],
                       ${values.map((v) => v.value)}::float8[], ${values.map((v) => v.method)}::text[]) AS v(code, side, value, method)
    )
    SELECT "id"::text AS "id" FROM a`;
  return row!;
}

/**
 * Stores the visit's questionnaire answers, replacing any it had (`replace`: a correction); a new
 * visit has none to replace, and skips that round trip.
 */
async function writeQuestionnaires(
  tx: Tx,
  actor: Actor,
  assessmentId: string,
  questionnaires: readonly ScoredQuestionnaire[],
  options: { replace: boolean },
) {
  if (options.replace) await tx.questionnaireResponse.deleteMany({ where: { clinicId: actor.clinicId, assessmentId } });
  if (!questionnaires.length) return;
  await tx.questionnaireResponse.createMany({
    data: questionnaires.map((q) => ({
      clinicId: actor.clinicId,
      assessmentId,
      instrument: q.instrument,
      answers: storedAnswers(q) as unknown as Prisma.InputJsonValue,
      score: q.value,
    })),
  });
}

/** Stored answers, already valid when stored, in the scored form (their score as stored). */
function scoredFromView(q: QuestionnaireView): ScoredQuestionnaire {
  return q.instrument === "psfs"
    ? { instrument: "psfs", code: "psfs_mean", value: q.value, activities: q.activities }
    : { instrument: q.instrument, code: q.code, value: q.value, answers: q.answers };
}

/** What the audit trail keeps of a visit's values. */
function auditValues(view: AssessmentView) {
  return {
    takenAt: view.takenAt,
    measures: view.measures,
    redFlags: view.redFlags,
    notes: view.notes,
    footwear: view.footwear,
    questionnaires: view.questionnaires,
  } as unknown as Prisma.InputJsonValue;
}

/**
 * Records one visit. `tx` lets the idempotency layer run this inside its own transaction, so the
 * visit and the stored Idempotency-Key commit together or not at all.
 */
export async function recordAssessment(actor: Actor, patientId: string, input: unknown, tx?: Tx): Promise<AssessmentView> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const data = parseAssessmentInput(input);
  return inTransaction(tx, async (tx) => {
    const patient = await lockPatientForWrite(tx, actor, patientId);
    assertNotBeforeBirth(data.takenAt, patient.birthDate);
    const created = await insertVisit(tx, actor, patientId, data);
    await writeQuestionnaires(tx, actor, created.id, data.questionnaires, { replace: false });
    await refreshPatientStatus(tx, actor.clinicId, patientId);
    const view = await readAssessment(tx, actor.clinicId, created.id);
    await recordAudit(tx, actor, {
      action: "assessment.create",
      entityType: "Assessment",
      entityId: created.id,
      details: { patientId, values: auditValues(view) },
    });
    return view;
  });
}

/** The visit's row, locked together with its patient; 404 for other clinics, malformed ids, missing. */
async function lockAssessment(tx: Tx, actor: Actor, id: string, options: { allowArchived?: boolean } = {}) {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const row = await tx.assessment.findFirst({ where: { id, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
  if (!row) throw new NotFoundError("assessment");
  const patient = await lockPatientForWrite(tx, actor, row.patientId, options);
  return { ...(await readAssessment(tx, actor.clinicId, id)), patientBirthDate: patient.birthDate };
}

/** Replaces a visit's values with corrected ones; the originals stay in the audit event. */
export async function amendAssessment(actor: Actor, id: string, input: unknown): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const data = parseAmendmentInput(input);
  return db.$transaction(async (tx) => {
    const { patientBirthDate, ...before } = await lockAssessment(tx, actor, id);
    if (before.deletedAt) throw new ConflictError("This visit is deleted. An admin can restore it before it is corrected.");
    if (data.takenAt) assertNotBeforeBirth(data.takenAt, patientBirthDate);
    // The answers are amended with the visit: sent ones replace the stored ones, absent ones stay.
    const questionnaires = data.questionnaires ?? before.questionnaires.map(scoredFromView);
    const scored = scoreVisit(data.measures, questionnaires);
    if (scored.issues.length) throw new ValidationError(scored.issues);
    await tx.measureValue.deleteMany({ where: { clinicId: actor.clinicId, assessmentId: id } });
    if (scored.measures.length) await tx.measureValue.createMany({ data: measureRows(actor, id, scored.measures) });
    await writeQuestionnaires(tx, actor, id, questionnaires, { replace: true });
    await tx.assessment.update({
      where: { id },
      data: {
        ...(data.takenAt ? { takenAt: new Date(data.takenAt) } : {}),
        ...(data.footwear !== undefined ? { footwear: data.footwear } : {}),
        redFlags: data.redFlags,
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
        amendedAt: new Date(),
        amendedById: actor.userId,
        amendReason: data.reason,
      },
      select: { id: true },
    });
    await refreshPatientStatus(tx, actor.clinicId, before.patientId);
    const after = await readAssessment(tx, actor.clinicId, id);
    await recordAudit(tx, actor, {
      action: "assessment.amend",
      entityType: "Assessment",
      entityId: id,
      details: { patientId: before.patientId, reason: data.reason, original: auditValues(before), amended: auditValues(after) },
    });
    return after;
  }, WRITE_TRANSACTION);
}

export function parseDeleteReason(input: unknown): string {
  const reason = amendReasonSchema.safeParse(
    typeof input === "object" && input !== null && !Array.isArray(input) ? (input as { reason?: unknown }).reason : input,
  );
  if (!reason.success) {
    throw new ValidationError(reason.error.issues.map((i) => ({ path: "reason", message: i.message.replace("corrected", "deleted") })));
  }
  return reason.data;
}

/** Soft-deletes a visit (it leaves the history and the flags); an admin can restore it. */
export async function deleteAssessment(actor: Actor, id: string, reasonInput: unknown): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  const reason = parseDeleteReason(reasonInput);
  return db.$transaction(async (tx) => {
    // Deleting a visit of an archived patient is allowed: it changes nothing the list shows.
    const before = await lockAssessment(tx, actor, id, { allowArchived: true });
    if (before.deletedAt) throw new ConflictError("This visit is already deleted.");
    await tx.assessment.update({
      where: { id },
      data: { deletedAt: new Date(), deletedById: actor.userId, deleteReason: reason },
      select: { id: true },
    });
    await refreshPatientStatus(tx, actor.clinicId, before.patientId);
    await recordAudit(tx, actor, {
      action: "assessment.delete",
      entityType: "Assessment",
      entityId: id,
      details: { patientId: before.patientId, reason, values: auditValues(before) },
    });
    return readAssessment(tx, actor.clinicId, id);
  }, WRITE_TRANSACTION);
}

/** Undoes a deletion. Admins only: a clinician's deletion is reviewed before it is reversed. */
export async function restoreAssessment(actor: Actor, id: string): Promise<AssessmentView> {
  if (!isUuid(id)) throw new NotFoundError("assessment");
  return db.$transaction(async (tx) => {
    const before = await lockAssessment(tx, actor, id, { allowArchived: true });
    // Checked after the lookup so that a clinician probing ids still gets 404 for other clinics.
    if (actor.role !== "admin") throw new ForbiddenError("Only an admin can restore a deleted visit.");
    if (!before.deletedAt) throw new ConflictError("This visit is not deleted.");
    await tx.assessment.update({
      where: { id },
      data: { deletedAt: null, deletedById: null, deleteReason: null },
      select: { id: true },
    });
    await refreshPatientStatus(tx, actor.clinicId, before.patientId);
    await recordAudit(tx, actor, {
      action: "assessment.restore",
      entityType: "Assessment",
      entityId: id,
      details: {
        patientId: before.patientId,
        deletedAt: before.deletedAt,
        deletedById: before.deletedBy?.id ?? null,
        deleteReason: before.deleteReason,
      },
    });
    return readAssessment(tx, actor.clinicId, id);
  }, WRITE_TRANSACTION);
}
