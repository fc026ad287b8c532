// The audit trail: each audited action writes exactly one event (who, clinic, action, record,
// source address), and the table refuses UPDATE and DELETE on both engines.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/users/passwords";
import { authenticateWithPassword } from "@/lib/auth/options";
import { createApiTokenForActor, revokeApiToken } from "@/lib/auth/api-tokens";
import { requireApiActor } from "@/lib/auth/session";
import { createPatient as createPatientMutation, updatePatient } from "@/lib/patients/mutations";
import { recordAccessFor, listAuditEvents, patientNamesFor } from "@/lib/audit/queries";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as patientCsvRoute from "@/app/api/v1/patients/[id]/assessments.csv/route";
import * as fhirRoute from "@/app/api/v1/patients/[id]/fhir/route";
import * as clinicCsvRoute from "@/app/api/v1/exports/measures.csv/route";
import { actorFor, createClinic, createClinicWithToken, createPatient, createUserWithToken } from "./factories";

const ADDRESS = "203.0.113.7";

/** Runs `action` and returns the audit events it wrote (ids above the previous maximum). */
async function eventsDuring(action: () => Promise<unknown>) {
  const before = (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  await action();
  return db.auditEvent.findMany({
    where: { id: { gt: before } },
    orderBy: { id: "asc" },
    select: { action: true, clinicId: true, userId: true, entityType: true, entityId: true, sourceAddress: true, at: true },
  });
}

function get(handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, path: string, token: string, id = "") {
  const request = new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ADDRESS } });
  return handler(request, { params: Promise.resolve({ id }) });
}

let setup: Awaited<ReturnType<typeof createClinicWithToken>>;
let patientId: string;

beforeAll(async () => {
  setup = await createClinicWithToken("clinician");
  patientId = (await createPatient(setup.clinic.id)).id;
  // The token's first use writes token.use; get it out of the way so each test sees only its action.
  await requireApiActor(new Request("http://localhost/", { headers: { authorization: `Bearer ${setup.token}` } }));
});

describe("one event per audited action", () => {
  it("patient.read for GET /api/v1/patients/{id}, with who, clinic, record, time and source address", async () => {
    const started = Date.now();
    const events = await eventsDuring(async () => expect((await get(patientRoute.GET, `/patients/${patientId}`, setup.token, patientId)).status).toBe(200));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "patient.read",
      clinicId: setup.clinic.id,
      userId: setup.user.id,
      entityType: "Patient",
      entityId: patientId,
      sourceAddress: ADDRESS,
    });
    expect(events[0]!.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it("no event for a read that fails (another clinic's patient is a 404)", async () => {
    const other = await createClinic();
    const foreign = await createPatient(other.id);
    const events = await eventsDuring(async () => expect((await get(patientRoute.GET, `/patients/${foreign.id}`, setup.token, foreign.id)).status).toBe(404));
    expect(events).toEqual([]);
  });

  it.each([
    ["export.patient_csv", () => get(patientCsvRoute.GET, `/patients/${patientId}/assessments.csv`, setup.token, patientId)],
    ["export.fhir", () => get(fhirRoute.GET, `/patients/${patientId}/fhir`, setup.token, patientId)],
  ])("%s for a patient export", async (action, run) => {
    const events = await eventsDuring(async () => expect((await run()).status).toBe(200));
    expect(events.map((e) => [e.action, e.entityId, e.sourceAddress])).toEqual([[action, patientId, ADDRESS]]);
  });

  it("export.clinic_csv for the clinic-wide export (admin)", async () => {
    const admin = await createUserWithToken(setup.clinic.id, "admin");
    await requireApiActor(new Request("http://localhost/", { headers: { authorization: `Bearer ${admin.token}` } }));
    const events = await eventsDuring(async () => {
      const response = await get(clinicCsvRoute.GET, "/exports/measures.csv", admin.token);
      expect(response.status).toBe(200);
      await response.text();
    });
    expect(events.map((e) => [e.action, e.userId])).toEqual([["export.clinic_csv", admin.user.id]]);
  });

  it("patient.create and patient.update, one each", async () => {
    const actor = actorFor(setup.user);
    let id = "";
    const created = await eventsDuring(async () => {
      id = (await createPatientMutation(actor, { givenName: "Ada", familyName: "Audit", birthDate: "1970-01-01", sex: "female", heightCm: 170, diagnosisSide: "left" })).id;
    });
    expect(created.map((e) => [e.action, e.entityId])).toEqual([["patient.create", id]]);
    const updated = await eventsDuring(() => updatePatient(actor, id, { heightCm: 171 }));
    expect(updated.map((e) => [e.action, e.entityId])).toEqual([["patient.update", id]]);
  });

  it("auth.signin.success and auth.signin.failure, one per attempt, with the address", async () => {
    const clinic = await createClinic();
    const email = `audit-signin-${clinic.id}@clinic.test`;
    await db.user.create({ data: { clinicId: clinic.id, email, name: "Signer", passwordHash: await hashPassword("a long enough password") }, select: { id: true } });
    const ok = await eventsDuring(() => authenticateWithPassword(email, "a long enough password", "198.51.100.1"));
    expect(ok.map((e) => [e.action, e.clinicId, e.sourceAddress])).toEqual([["auth.signin.success", clinic.id, "198.51.100.1"]]);
    const bad = await eventsDuring(() => authenticateWithPassword(email, "not the password at all", "198.51.100.1"));
    expect(bad.map((e) => [e.action, e.clinicId, e.sourceAddress])).toEqual([["auth.signin.failure", clinic.id, "198.51.100.1"]]);
  });

  it("token.use at most once a minute per token; token.create and token.revoke once each", async () => {
    const actor = actorFor(setup.user);
    let created = { id: "", secret: "" };
    const createEvents = await eventsDuring(async () => (created = await createApiTokenForActor(actor, "audit test")));
    expect(createEvents.map((e) => e.action)).toEqual(["token.create"]);
    const request = () => new Request("http://localhost/", { headers: { authorization: `Bearer ${created.secret}` } });
    const uses = await eventsDuring(async () => {
      // Concurrent first uses: only one of them may write the event.
      await Promise.all([requireApiActor(request()), requireApiActor(request()), requireApiActor(request())]);
      await requireApiActor(request());
    });
    expect(uses.map((e) => [e.action, e.entityId])).toEqual([["token.use", created.id]]);
    const revoked = await eventsDuring(() => revokeApiToken(actor, created.id));
    expect(revoked.map((e) => [e.action, e.entityId])).toEqual([["token.revoke", created.id]]);
  });

  it("the patient page's access list shows the clinic's events for that record, newest first", async () => {
    const events = await recordAccessFor(actorFor(setup.user), patientId);
    expect(events[0]).toMatchObject({ entityId: patientId, userName: "Test Clinician" });
    expect(events.map((e) => e.action)).toContain("patient.read");
  });

  it("the admin list filters by action and record, and refuses clinicians", async () => {
    const admin = await createUserWithToken(setup.clinic.id, "admin");
    const page = await listAuditEvents(admin.actor, { action: "patient.read", entityId: patientId });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e) => e.action === "patient.read" && e.entityId === patientId)).toBe(true);
    await expect(listAuditEvents(actorFor(setup.user))).rejects.toMatchObject({ status: 403 });
  });

  it("names the patients the admin list's events are about, the clinic's only, for admins only", async () => {
    const admin = await createUserWithToken(setup.clinic.id, "admin");
    const patient = await db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { givenName: true, familyName: true } });
    const other = await createClinicWithToken("clinician");
    const stranger = await createPatient(other.clinic.id);
    const page = await listAuditEvents(admin.actor, { action: "patient.read", entityId: patientId });
    const forged = { ...page.items[0]!, entityId: stranger.id }; // another clinic's id: never named
    const names = await patientNamesFor(admin.actor, [...page.items, forged]);
    expect(names.get(patientId)).toBe(`${patient.familyName}, ${patient.givenName}`);
    expect(names.has(stranger.id)).toBe(false);
    await expect(patientNamesFor(actorFor(setup.user), page.items)).rejects.toMatchObject({ status: 403 });
  });
});

describe("append-only", () => {
  async function sql(text: string) {
    const client = new pg.Client({ connectionString: process.env.STRIDE_DATABASE_URL });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  }

  it("refuses UPDATE and DELETE of audit events, through Prisma and plain SQL", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { clinicId: setup.clinic.id }, select: { id: true, action: true } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { clinicId: setup.clinic.id } })).rejects.toThrow(/append-only/);
    await expect(sql(`UPDATE "AuditEvent" SET "userId" = NULL WHERE id = ${event.id}`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM "AuditEvent" WHERE id = ${event.id}`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUnique({ where: { id: event.id }, select: { action: true } })).toEqual({ action: event.action });
  });

  it("still accepts new events", async () => {
    const result = await sql(`INSERT INTO "AuditEvent" (action) VALUES ('test.insert') RETURNING id`);
    expect(result.rowCount).toBe(1);
  });
});
