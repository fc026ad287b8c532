// A visit as every reader returns it (the POST's answer, GET by id, the patient's list), read in one
// SQL statement; the visit and its values written in one; the token resolved with its user in one;
// the audit row written as plain SQL. These pin what those statements must keep.
import { beforeAll, describe, expect, it } from "vitest";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import { db } from "@/lib/db/client";
import { call } from "./api-client";
import { createClinicWithToken, createPatient, createUser, createUserWithToken } from "./factories";

const kind = process.env.TEST_DB_KIND;

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let other: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
  other = await createClinicWithToken();
});

const post = (token: string, patientId: string, json: unknown, headers: Record<string, string> = {}) =>
  call(assessmentsRoute.POST, "POST", `/patients/${patientId}/assessments`, { token, id: patientId, json, headers });
const getOne = (id: string) => call(assessmentRoute.GET, "GET", `/assessments/${id}`, { token: home.token, id });
const list = (patientId: string) => call(assessmentsRoute.GET, "GET", `/patients/${patientId}/assessments`, { token: home.token, id: patientId });

describe(`a visit read and written in single statements on ${kind}`, () => {
  it("answers the POST with the stored visit, field for field as GET and the list show it", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = Date.now();
    const created = await post(home.token, patient.id, {
      takenAt: "2026-03-01T09:30:00.123Z",
      // Out of catalog order, right before left, one method blank, one with spaces around it.
      measures: [
        { code: "pain_heel_nprs", side: "left", value: 6 },
        { code: "ankle_df_wblt_cm", side: "right", value: 9.3, method: "  knee to wall  " },
        { code: "ankle_df_wblt_cm", side: "left", value: 7.5, method: "   " },
      ],
      redFlags: ["rf_night_pain"],
      notes: "   ",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      patientId: patient.id,
      takenAt: "2026-03-01T09:30:00.123Z",
      measures: [
        { code: "ankle_df_wblt_cm", side: "left", value: 7.5, method: null },
        { code: "ankle_df_wblt_cm", side: "right", value: 9.3, method: "knee to wall" },
        { code: "pain_heel_nprs", side: "left", value: 6, method: null },
      ],
      redFlags: ["rf_night_pain"],
      notes: null,
      footwear: null,
      questionnaires: [],
      rater: { id: home.user.id, name: "Test Clinician" },
      createdAt: expect.any(String),
      amendedAt: null,
      amendedBy: null,
      amendReason: null,
      deletedAt: null,
      deletedBy: null,
      deleteReason: null,
    });
    const id = created.body.id as string;
    expect((await getOne(id)).body).toEqual(created.body);
    expect((await list(patient.id)).body).toEqual([created.body]);

    const row = await db.assessment.findUniqueOrThrow({ where: { id }, select: { createdAt: true, updatedAt: true, clinicId: true } });
    expect(row.createdAt.toISOString()).toBe(created.body.createdAt);
    expect(row.updatedAt).toEqual(row.createdAt);
    expect(row.clinicId).toBe(home.clinic.id);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await db.measureValue.count({ where: { assessmentId: id, clinicId: home.clinic.id } })).toBe(3);

    // The audit row: the moment of the write, the token, and the values as answered.
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "assessment.create" },
      select: { clinicId: true, userId: true, entityType: true, at: true, details: true },
    });
    expect(event).toMatchObject({ clinicId: home.clinic.id, userId: home.user.id, entityType: "Assessment" });
    expect(event.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(event.details).toEqual({
      via: "token",
      tokenId: expect.any(String),
      patientId: patient.id,
      values: {
        takenAt: created.body.takenAt,
        measures: created.body.measures,
        redFlags: ["rf_night_pain"],
        notes: null,
        footwear: null,
        questionnaires: [],
      },
    });
  });

  it("records a visit without values, and names amending and deleting users (unknown outside the clinic)", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(home.token, patient.id, { takenAt: "2026-04-02T08:00:00Z", measures: [], redFlags: [], footwear: "minimal" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ measures: [], footwear: "minimal" });
    const id = created.body.id as string;
    const stranger = await createUser(other.clinic.id);
    await db.assessment.update({
      where: { id },
      data: { amendedAt: new Date("2026-04-03T10:00:00.5Z"), amendedById: stranger.id, amendReason: "r", deletedAt: new Date("2026-04-04T00:00:00Z"), deletedById: home.user.id, deleteReason: "d" },
    });
    expect((await getOne(id)).body).toMatchObject({
      amendedAt: "2026-04-03T10:00:00.500Z",
      amendedBy: { id: stranger.id, name: "unknown user" },
      deletedAt: "2026-04-04T00:00:00.000Z",
      deletedBy: { id: home.user.id, name: "Test Clinician" },
    });
    expect((await list(patient.id)).body).toEqual([]); // deleted visits leave the list
  });

  it("refuses a revoked token and a deactivated user's token, and keeps another clinic's patient out of reach", async () => {
    const patient = await createPatient(home.clinic.id);
    const visit = { takenAt: "2026-03-01T09:30:00Z", measures: [], redFlags: [] };
    const revoked = await createUserWithToken(home.clinic.id);
    await db.apiToken.updateMany({ where: { userId: revoked.user.id }, data: { revokedAt: new Date() } });
    expect((await post(revoked.token, patient.id, visit)).status).toBe(401);
    const inactive = await createUserWithToken(home.clinic.id);
    await db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
    expect((await post(inactive.token, patient.id, visit)).status).toBe(401);
    expect((await post(other.token, patient.id, visit)).status).toBe(404);
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
