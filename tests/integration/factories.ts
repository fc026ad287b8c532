// Test data factories, writing through the real client. Each call makes unique rows so test
// files never depend on one another or on the demo seed.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/actor";

export async function createClinic(name = `Clinic ${randomUUID().slice(0, 8)}`) {
  return db.clinic.create({ data: { name }, select: { id: true, name: true } });
}

/** A user with a known password hash is costly (argon2); tests that sign in pass `passwordHash`. */
export async function createUser(clinicId: string, options: { role?: Role; email?: string; passwordHash?: string; active?: boolean } = {}) {
  return db.user.create({
    data: {
      clinicId,
      email: options.email ?? `user-${randomUUID()}@clinic.test`,
      name: "Test Clinician",
      role: options.role ?? "clinician",
      passwordHash: options.passwordHash ?? "not-a-real-hash",
      active: options.active ?? true,
    },
    select: { id: true, clinicId: true, email: true, role: true },
  });
}

export function actorFor(user: { id: string; clinicId: string; role: Role }): Actor {
  return { userId: user.id, clinicId: user.clinicId, role: user.role, via: "session" };
}

/** A clinic with one clinician, returned as the acting user. */
export async function createClinicWithActor(role: Role = "clinician") {
  const clinic = await createClinic();
  const user = await createUser(clinic.id, { role });
  return { clinic, user, actor: actorFor(user) };
}

export async function createPatient(clinicId: string, overrides: Partial<{ givenName: string; familyName: string; mrn: string | null; archived: boolean }> = {}) {
  return db.patient.create({
    data: {
      clinicId,
      givenName: overrides.givenName ?? "Test",
      familyName: overrides.familyName ?? `Patient ${randomUUID().slice(0, 6)}`,
      birthDate: new Date("1980-05-17"),
      sex: "female",
      heightCm: 168,
      mrn: overrides.mrn ?? null,
      diagnosisSide: "left",
      archived: overrides.archived ?? false,
    },
    select: { id: true, clinicId: true, givenName: true, familyName: true },
  });
}

/** A clinic with one user and a real API token for that user (for calling route handlers). */
export async function createClinicWithToken(role: Role = "clinician") {
  const { createApiTokenForEmail } = await import("@/lib/auth/api-tokens");
  const setup = await createClinicWithActor(role);
  const token = await createApiTokenForEmail(setup.user.email, "integration test");
  return { ...setup, token: token.secret };
}

/** A second user (e.g. an admin) in an existing clinic, with an API token. */
export async function createUserWithToken(clinicId: string, role: Role = "clinician") {
  const { createApiTokenForEmail } = await import("@/lib/auth/api-tokens");
  const user = await createUser(clinicId, { role });
  const token = await createApiTokenForEmail(user.email, "integration test");
  return { user, actor: actorFor(user), token: token.secret };
}

/** Rows a clinic holds, per table: "a failed request stores nothing" is checked by comparing these. */
export async function countClinicRows(clinicId: string) {
  const where = { clinicId };
  const patients = await db.patient.count({ where });
  const assessments = await db.assessment.count({ where });
  const measures = await db.measureValue.count({ where });
  const treatments = await db.treatmentEvent.count({ where });
  const idempotencyKeys = await db.idempotencyKey.count({ where });
  const auditEvents = await db.auditEvent.count({ where });
  return { patients, assessments, measures, treatments, idempotencyKeys, auditEvents };
}
