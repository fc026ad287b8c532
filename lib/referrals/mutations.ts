// Referral note lifecycle, clinic-scoped and audited, each change in one transaction:
//   create (draft v1) → edit (draft only) → finalise (locked, stamped) → supersede (a new draft
//   version copying the final one's sections). The older note stays final until the new version
//   is finalised, then becomes superseded in the same transaction: there is always exactly one
//   final note a specialist can rely on, and never a gap while the correction is being written.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { assembleSections, referrerText } from "./assemble";
import { getReferral, loadAuthor, loadReferralContext, type ReferralView } from "./queries";
import { createReferralSchema, editReferralSchema, type ReferralSection } from "./schemas";
import { parseSections } from "./sections";

type Tx = Prisma.TransactionClient;

const asJson = (sections: ReferralSection[]) => sections as unknown as Prisma.InputJsonValue;

export async function createReferral(actor: Actor, patientId: string, body: unknown, now: Date = new Date()): Promise<ReferralView> {
  const input = parseInput(createReferralSchema, body);
  return db.$transaction(async (tx) => {
    const context = await loadReferralContext(tx, actor, patientId);
    const sections = assembleSections({ ...context, ...input, asOf: now.toISOString() });
    const row = await tx.referral.create({
      data: {
        clinicId: actor.clinicId,
        patientId,
        authorId: actor.userId,
        specialty: input.specialty,
        urgency: input.urgency,
        sections: asJson(sections),
        comment: input.comment?.trim() || null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      details: { patientId, specialty: input.specialty, urgency: input.urgency, status: context.evaluation.status },
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
    for (const edit of input.sections ?? []) {
      const section = sections.find((s) => s.key === edit.key);
      if (!section) continue;
      if (edit.text !== undefined) section.text = edit.text;
      if (edit.included !== undefined) section.included = edit.included;
      // The comment section and the comment column are one thing shown in two places.
      if (edit.key === "comment" && edit.text !== undefined) comment = edit.text.trim();
    }
    if (comment !== undefined) {
      const section = sections.find((s) => s.key === "comment");
      if (section) section.text = comment;
    }
    await updateDraft(tx, actor, id, { sections: asJson(sections), ...(comment !== undefined ? { comment: comment || null } : {}) });
    await recordAudit(tx, actor, {
      action: "referral.update",
      entityType: "referral",
      entityId: id,
      details: { sections: (input.sections ?? []).map((s) => s.key), comment: input.comment !== undefined },
    });
    return getReferral(actor, id, tx);
  });
}

export async function finaliseReferral(actor: Actor, id: string, now: Date = new Date()): Promise<ReferralView> {
  return db.$transaction(async (tx) => {
    const row = await lockedDraft(tx, actor, id);
    // The referrer is re-read from the author's profile at the moment the note is locked.
    const profile = await loadAuthor(tx, { ...actor, userId: row.authorId });
    const sections = parseSections(row.sections).map((s) => (s.key === "referrer" ? { ...s, text: referrerText(profile), included: true } : s));
    await updateDraft(tx, actor, id, { status: "final", finalizedAt: now, finalizedById: actor.userId, sections: asJson(sections) });
    if (row.supersedesId) {
      await tx.referral.updateMany({ where: { id: row.supersedesId, clinicId: actor.clinicId, status: "final" }, data: { status: "superseded" } });
    }
    await recordAudit(tx, actor, {
      action: "referral.finalise",
      entityType: "referral",
      entityId: id,
      details: { patientId: row.patientId, version: row.version, ...(row.supersedesId ? { supersedes: row.supersedesId } : {}) },
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
      select: { id: true, status: true, patientId: true, specialty: true, urgency: true, version: true, sections: true, comment: true },
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
