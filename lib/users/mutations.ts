// Creating and managing users. The operator CLI calls createUserInClinic without an acting user
// (it runs with database access on the server); the admin and profile pages call the rest.
import { endAllSessions } from "@/lib/auth/revocation";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { zodIssues } from "@/lib/validation/parse";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";
import { newClinicUserInput, passwordChangeInput, passwordResetInput, profileInput } from "./schemas";
import type { Actor, Role } from "@/lib/auth/actor";

export interface NewUser {
  clinicName: string;
  email: string;
  name?: string;
  role: Role;
  password: string;
  registrationNumber?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUserInClinic(input: NewUser): Promise<{ id: string; clinicId: string; clinicCreated: boolean }> {
  const email = input.email.trim().toLowerCase();
  const issues = [];
  if (!EMAIL.test(email)) issues.push({ path: "email", message: `"${input.email}" is not an email address` });
  if (!input.clinicName.trim()) issues.push({ path: "clinic", message: "clinic name is required" });
  const problem = passwordProblem(input.password);
  if (problem) issues.push({ path: "password", message: problem });
  if (issues.length) throw new ValidationError(issues);

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.clinic.findUnique({ where: { name: input.clinicName.trim() }, select: { id: true } });
    const clinic = existing ?? (await tx.clinic.create({ data: { name: input.clinicName.trim() }, select: { id: true } }));
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) throw new ValidationError([{ path: "email", message: `a user with email ${email} already exists` }]);
    const user = await tx.user.create({
      data: {
        clinicId: clinic.id,
        email,
        name: input.name?.trim() || email.split("@")[0]!,
        role: input.role,
        passwordHash,
        registrationNumber: input.registrationNumber,
      },
      select: { id: true, clinicId: true },
    });
    await tx.auditEvent.create({
      data: { clinicId: clinic.id, action: "user.create", entityType: "User", entityId: user.id, details: { via: "cli", role: input.role } },
    });
    return { ...user, clinicCreated: !existing };
  });
}

// ---------- Admin and profile changes (pages under /admin/users and /profile) ----------
// Each runs in one transaction with its audit event; admins act only on users of their clinic.

function requireAdminActor(actor: Actor): void {
  if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can manage users.");
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

/** Admin: a new clinician or admin in the admin's own clinic, with a temporary password. */
export async function createClinicUser(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdminActor(actor);
  const data = parseOrThrow(newClinicUserInput, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (taken) throw new ConflictError(`A user with email ${data.email} already exists.`, [{ path: "email", message: "already in use" }]);
    const user = await tx.user.create({
      data: {
        clinicId: actor.clinicId,
        email: data.email,
        name: data.name,
        role: data.role,
        passwordHash,
        registrationNumber: data.registrationNumber ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, details: { role: data.role } });
    return user;
  });
}

async function clinicUserOrThrow(tx: Prisma.TransactionClient, actor: Actor, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, clinicId: actor.clinicId }, select: { id: true, active: true } });
  if (!user) throw new NotFoundError("user");
  return user;
}

/** Admin: sets a new (temporary) password and ends every session of the user. */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<void> {
  requireAdminActor(actor);
  const data = parseOrThrow(passwordResetInput, input);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    await clinicUserOrThrow(tx, actor, data.userId);
    await tx.user.update({ where: { id: data.userId }, data: { passwordHash }, select: { id: true } });
    await endAllSessions(tx, data.userId);
    await recordAudit(tx, actor, { action: "user.password_reset", entityType: "User", entityId: data.userId });
  });
}

/**
 * Admin: deactivates or reactivates a user. Takes effect on the user's next request, because
 * requireActor/requireApiActor read `active` from the database every time. An admin cannot
 * deactivate themself (a clinic must not lose its last way in by a slip).
 */
export async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<void> {
  requireAdminActor(actor);
  if (typeof userId !== "string" || !/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError("user");
  if (!active && userId === actor.userId) throw new ValidationError([{ path: "userId", message: "you cannot deactivate yourself" }]);
  await db.$transaction(async (tx) => {
    const user = await clinicUserOrThrow(tx, actor, userId);
    if (user.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active }, select: { id: true } });
    // Reactivating does not bring old sessions back: the user signs in again.
    if (!active) await endAllSessions(tx, userId);
    await recordAudit(tx, actor, { action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId });
  });
}

/** Anyone: their own name and registration number. */
export async function updateOwnProfile(actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(profileInput, input);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId, clinicId: actor.clinicId },
      data: { name: data.name, registrationNumber: data.registrationNumber },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "user.profile_update", entityType: "User", entityId: actor.userId });
  });
}

/**
 * Anyone: their own password, given the current one. A wrong current password changes nothing,
 * is answered on the field, and leaves a `user.password_change_refused` event (each try costs an
 * argon2 verification, which keeps guessing slow). Like an admin's reset, it ends every session of
 * the user; the caller re-issues the current one under the returned version (docs/security.md).
 */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ sessionVersion: number }> {
  const data = parseOrThrow(passwordChangeInput, input);
  const user = await db.user.findFirst({ where: { id: actor.userId, clinicId: actor.clinicId, active: true }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError("user");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await recordAudit(db, actor, { action: "user.password_change_refused", entityType: "User", entityId: actor.userId });
    throw new ValidationError([{ path: "currentPassword", message: "the current password is not correct" }]);
  }
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.userId, clinicId: actor.clinicId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, actor, { action: "user.password_change", entityType: "User", entityId: actor.userId });
    return { sessionVersion: updated.sessionVersion };
  });
}
