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
import { toView, visitViewSelect, type AssessmentRow } from "./view-sql";

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
 * Inserts a new visit with its values and questionnaire answers in ONE statement (the values' and
 * answers' INSERTs are CTEs fed by the visit's RETURNING) and answers with the visit as the reads
 * show it, built from the rows just written: recording a visit is the API's most frequent write,
 * and through the ORM it took six or seven statements (the visit, its values, its answers when
 * there were any, then the visit read back in four). Same columns as the ORM wrote, `updatedAt`
 * included.
 */
async function insertVisit(tx: Tx, actor: Actor, patientId: string, data: AssessmentInput): Promise<AssessmentView> {
  const values = storedValues(data.measures);
  const answers = data.questionnaires.map((q) => [q.instrument, storedAnswers(q), q.value]);
  const now = new Date();
  const [row] = await tx.$queryRawUnsafe<AssessmentRow[]>(
    `WITH a AS (
       INSERT INTO "Assessment" ("clinicId", "patientId", "raterId", "takenAt", "notes", "redFlags", "footwear", "createdAt", "updatedAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz, $5, $6::text[], $7::"Footwear", $8::timestamptz, $8::timestamptz)
       RETURNING *
     ), m AS (
       INSERT INTO "MeasureValue" ("clinicId", "assessmentId", "code", "side", "value", "method")
       SELECT $1::uuid, a."id", v.code, v.side::"Side", v.value, v.method
         FROM a, unnest($9::text[], $10::text[], $11::float8[], $12::text[]) AS v(code, side, value, method)
       RETURNING "code", "side", "value", "method"
     ), q AS (
       INSERT INTO "QuestionnaireResponse" ("clinicId", "assessmentId", "instrument", "answers", "score")
       SELECT $1::uuid, a."id", (x->>0)::"QuestionnaireInstrument", (x->1)::jsonb, (x->>2)::float8
         FROM a, json_array_elements($13::json) AS x
       RETURNING "instrument", "answers", "score"
     )
     ${visitViewSelect("a", "m", "q")}`,
    actor.clinicId,
    patientId,
    actor.userId,
    new Date(data.takenAt),
    data.notes?.trim() ? data.notes : null,
    data.redFlags,
    data.footwear ?? null,
    now,
    values.map((v) => v.code),
    values.map((v) => v.side),
    values.map((v) => v.value),
    values.map((v) => v.method),
    JSON.stringify(answers),
  );
  return toView(row!);
}

/** Replaces a corrected visit's questionnaire answers (a new visit's are written by insertVisit). */
async function replaceQuestionnaires(tx: Tx, actor: Actor, assessmentId: string, questionnaires: readonly ScoredQuestionnaire[]) {
  await tx.questionnaireResponse.deleteMany({ where: { clinicId: actor.clinicId, assessmentId } });
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
    const view = await insertVisit(tx, actor, patientId, data);
    await refreshPatientStatus(tx, actor.clinicId, patientId);
    await recordAudit(tx, actor, {
      action: "assessment.create",
      entityType: "Assessment",
      entityId: view.id,
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
    await replaceQuestionnaires(tx, actor, id, questionnaires);
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
