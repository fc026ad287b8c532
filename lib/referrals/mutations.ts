// Referral note lifecycle, clinic-scoped and audited, each change in one transaction:
//   create (draft v1) → edit (draft only) → finalise (locked, stamped) → supersede (a new draft
//   version copying the final one's sections). The older note stays final until the new version
//   is finalised, then becomes superseded in the same transaction: there is always exactly one
//   final note a specialist can rely on, and never a gap while the correction is being written.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { getReferral, loadReferralContext, type ReferralView } from "./queries";
import { LEGACY_SECTION_KEYS, NOTE_SECTION_KEYS, SPECIALTY_LABELS, createReferralSchema, editReferralSchema, type ReferralSection, type SectionKey } from "./schemas";
import { parseSections } from "./sections";
import { buildReferralNote, QUESTION_NOT_WRITTEN, SECTION_TITLES } from "./note/build";
import { fieldsOf, noteInput } from "./note/load";
import { blockText } from "./note/text";
import type { ReferralFields, ReferralNote } from "./note/types";

type Tx = Prisma.TransactionClient;

const asJson = (sections: ReferralSection[]) => sections as unknown as Prisma.InputJsonValue;

/** Every section of a note, in order: the blocks' text; a section with nothing to show is empty (the comment is then left out). */
function sectionsFrom(note: ReferralNote, keep: readonly ReferralSection[] = []): ReferralSection[] {
  const keys: readonly SectionKey[] = keep.length > 0 ? keep.map((s) => s.key) : NOTE_SECTION_KEYS;
  return keys.map((key) => {
    const old = keep.find((s) => s.key === key);
    const block = note.blocks.find((b) => b.key === key);
    // The referrer's own text and the sections of notes written before issue 19 stay as written.
    if (old && (old.edited || (LEGACY_SECTION_KEYS as readonly string[]).includes(key))) return old;
    const text = block ? blockText(block) : "";
    return { key, title: old?.title ?? SECTION_TITLES[key], text, included: old ? old.included : key !== "comment" || text !== "" };
  });
}

export async function createReferral(actor: Actor, patientId: string, body: unknown, now: Date = new Date()): Promise<ReferralView> {
  const input = parseInput(createReferralSchema, body);
  return db.$transaction(async (tx) => {
    const context = await loadReferralContext(tx, actor, patientId);
    const fields: ReferralFields = {
      specialty: input.specialty,
      specialtyLabel: SPECIALTY_LABELS[input.specialty],
      urgency: input.urgency,
      question: input.question ?? null,
      diagnosisBasis: input.diagnosisBasis || null,
      differentialsExcluded: input.differentialsExcluded ?? [],
      differentialOther: input.differentialOther || null,
      comment: input.comment?.trim() || null,
      version: 1,
      status: "draft",
      createdAt: now.toISOString(),
      finalizedAt: null,
      finalizedByName: null,
      sections: [],
    };
    const assembled = noteInput(fields, context, now.toISOString());
    const note = buildReferralNote(assembled);
    const row = await tx.referral.create({
      data: {
        clinicId: actor.clinicId,
        patientId,
        authorId: actor.userId,
        specialty: input.specialty,
        urgency: input.urgency,
        sections: asJson(sectionsFrom(note)),
        comment: fields.comment,
        question: fields.question,
        diagnosisBasis: fields.diagnosisBasis,
        differentialsExcluded: fields.differentialsExcluded,
        differentialOther: fields.differentialOther,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      details: { patientId, specialty: input.specialty, urgency: input.urgency, status: assembled.evaluation.status, question: fields.question !== null },
    });
    return getReferral(actor, row.id, tx);
  });
}

async function lockedDraft(tx: Tx, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError("referral");
  const row = await tx.referral.findFirst({
    where: { id, clinicId: actor.clinicId },
    select: { id: true, status: true, sections: true, comment: true, authorId: true, supersedesId: true, patientId: true, version: true },
  });
  if (!row) throw new NotFoundError("referral");
  if (row.status !== "draft") {
    throw new ConflictError(`This note is ${row.status === "final" ? "finalised" : "superseded"} and cannot be changed; create a new version instead.`);
  }
  return row;
}

/** Writes only while the note is still a draft; a concurrent finalise makes this a conflict. */
async function updateDraft(tx: Tx, actor: Actor, id: string, data: Prisma.ReferralUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.referral.updateMany({ where: { id, clinicId: actor.clinicId, status: "draft" }, data });
  if (count !== 1) throw new ConflictError("This note was finalised meanwhile and cannot be changed; create a new version instead.");
}

export async function updateReferral(actor: Actor, id: string, body: unknown): Promise<ReferralView> {
  const input = parseInput(editReferralSchema, body);
  return db.$transaction(async (tx) => {
    const row = await lockedDraft(tx, actor, id);
    const sections = parseSections(row.sections);
    let comment = input.comment !== undefined ? input.comment.trim() : undefined;
    let question = input.question;
    for (const edit of input.sections ?? []) {
      const section = sections.find((s) => s.key === edit.key);
      if (!section) continue;
      if (edit.text !== undefined && edit.text !== section.text) {
        section.text = edit.text;
        // Question and comment are fields shown as sections; every other rewritten section replaces the generated content.
        if (edit.key === "question") question = edit.text.trim() === QUESTION_NOT_WRITTEN ? undefined : edit.text.trim();
        else if (edit.key === "comment") comment = edit.text.trim();
        else section.edited = true;
      }
      if (edit.included !== undefined) section.included = edit.included;
    }
    if (comment !== undefined) {
      const section = sections.find((s) => s.key === "comment");
      if (section) {
        section.text = comment;
        if (comment !== "") section.included = true;
      }
    }
    if (question !== undefined) {
      const section = sections.find((s) => s.key === "question");
      if (section) section.text = question || QUESTION_NOT_WRITTEN;
    }
    await updateDraft(tx, actor, id, {
      sections: asJson(sections),
      ...(comment !== undefined ? { comment: comment || null } : {}),
      ...(question !== undefined ? { question: question || null } : {}),
      ...(input.diagnosisBasis !== undefined ? { diagnosisBasis: input.diagnosisBasis || null } : {}),
      ...(input.differentialsExcluded !== undefined ? { differentialsExcluded: input.differentialsExcluded } : {}),
      ...(input.differentialOther !== undefined ? { differentialOther: input.differentialOther || null } : {}),
    });
    await recordAudit(tx, actor, {
      action: "referral.update",
      entityType: "referral",
      entityId: id,
      details: {
        sections: (input.sections ?? []).map((s) => s.key),
        comment: input.comment !== undefined,
        question: question !== undefined,
        differentials: input.differentialsExcluded !== undefined || input.diagnosisBasis !== undefined || input.differentialOther !== undefined,
      },
    });
    return getReferral(actor, id, tx);
  });
}

export async function finaliseReferral(actor: Actor, id: string, now: Date = new Date()): Promise<ReferralView> {
  return db.$transaction(async (tx) => {
    await lockedDraft(tx, actor, id);
    const view = await getReferral(actor, id, tx);
    if (!view.question?.trim()) {
      throw new ValidationError([{ path: "question", message: "write the question for the recipient before finalising: what you ask them to assess or decide" }]);
    }
    // The sections are brought up to the moment of locking: the data as it is now, the referrer
    // re-read from the author's profile; the text the referrer rewrote stays as written.
    const context = await loadReferralContext(tx, actor, view.patientId, view.author.id);
    const fields: ReferralFields = {
      ...fieldsOf(view),
      status: "final",
      finalizedAt: now.toISOString(),
      finalizedByName: null,
      sections: [],
    };
    const note = buildReferralNote(noteInput(fields, context, now.toISOString()));
    const sections = sectionsFrom(note, view.sections);
    await updateDraft(tx, actor, id, { status: "final", finalizedAt: now, finalizedById: actor.userId, sections: asJson(sections) });
    if (view.supersedesId) {
      await tx.referral.updateMany({ where: { id: view.supersedesId, clinicId: actor.clinicId, status: "final" }, data: { status: "superseded" } });
    }
    await recordAudit(tx, actor, {
      action: "referral.finalise",
      entityType: "referral",
      entityId: id,
      details: { patientId: view.patientId, version: view.version, ...(view.supersedesId ? { supersedes: view.supersedesId } : {}) },
    });
    return getReferral(actor, id, tx);
  });
}

/** A new draft version of a final note, with its sections copied for correction. */
export async function supersedeReferral(actor: Actor, id: string): Promise<ReferralView> {
  if (!isUuid(id)) throw new NotFoundError("referral");
  return db.$transaction(async (tx) => {
    const old = await tx.referral.findFirst({
      where: { id, clinicId: actor.clinicId },
      select: {
        id: true,
        status: true,
        patientId: true,
        specialty: true,
        urgency: true,
        version: true,
        sections: true,
        comment: true,
        question: true,
        diagnosisBasis: true,
        differentialsExcluded: true,
        differentialOther: true,
      },
    });
    if (!old) throw new NotFoundError("referral");
    if (old.status !== "final") {
      throw new ConflictError(
        old.status === "draft" ? "A draft can still be edited; finalise it before making a new version." : "This note is already superseded; make a new version of the latest one.",
      );
    }
    const pending = await tx.referral.findFirst({ where: { clinicId: actor.clinicId, supersedesId: id, status: "draft" }, select: { id: true } });
    if (pending) throw new ConflictError("A new version of this note is already being drafted.", [{ path: "id", message: pending.id }]);
    const created = await tx.referral.create({
      data: {
        clinicId: actor.clinicId,
        patientId: old.patientId,
        authorId: actor.userId,
        specialty: old.specialty,
        urgency: old.urgency,
        version: old.version + 1,
        supersedesId: old.id,
        sections: asJson(parseSections(old.sections)),
        comment: old.comment,
        question: old.question,
        diagnosisBasis: old.diagnosisBasis,
        differentialsExcluded: old.differentialsExcluded,
        differentialOther: old.differentialOther,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "referral.supersede",
      entityType: "referral",
      entityId: created.id,
      details: { patientId: old.patientId, supersedes: old.id, version: old.version + 1 },
    });
    return getReferral(actor, created.id, tx);
  });
}
