// POST/GET /api/v1/patients/{id}/assessments and GET …/flags through the real route handlers.
import { beforeAll, describe, expect, it } from "vitest";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as flagsRoute from "@/app/api/v1/patients/[id]/flags/route";
import { db } from "@/lib/db/client";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;

function visit(overrides: Record<string, unknown> = {}) {
  return {
    takenAt: "2026-03-01T09:30:00Z",
    measures: [
      { code: "ankle_df_nwb_ext_deg", side: "left", value: 4, method: "goniometer" },
      { code: "pain_heel_nprs", side: "left", value: 6 },
    ],
    redFlags: [],
    notes: "first visit",
    ...overrides,
  };
}

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let other: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
  other = await createClinicWithToken();
});

const post = (patientId: string, json: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
  call(assessmentsRoute.POST, "POST", `/patients/${patientId}/assessments`, { token: home.token, id: patientId, json, ...options });

describe(`assessments API on ${kind}`, () => {
  it("records a visit (201), refreshes the stored status and shows it in the list and the flags", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(patient.id, visit());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      patientId: patient.id,
      takenAt: "2026-03-01T09:30:00.000Z",
      redFlags: [],
      notes: "first visit",
      rater: { id: home.user.id, name: "Test Clinician" },
      amendedAt: null,
      deletedAt: null,
    });
    expect(created.body.measures).toEqual([
      { code: "ankle_df_nwb_ext_deg", side: "left", value: 4, method: "goniometer" },
      { code: "pain_heel_nprs", side: "left", value: 6, method: null },
    ]);

    const stored = await db.patient.findUniqueOrThrow({ where: { id: patient.id }, select: { status: true, lastAssessedAt: true } });
    expect(stored.status).toBe("low"); // rules v2: 4° dorsiflexion is a low heel flag; one heel-pain value fires nothing
    expect(stored.lastAssessedAt?.toISOString()).toBe("2026-03-01T09:30:00.000Z");

    const audit = await db.auditEvent.findMany({ where: { entityId: created.body.id }, select: { action: true, userId: true } });
    expect(audit).toEqual([{ action: "assessment.create", userId: home.user.id }]);

    const flags = await call(flagsRoute.GET, "GET", `/patients/${patient.id}/flags`, { token: home.token, id: patient.id });
    expect(flags.status).toBe(200);
    expect(flags.body.status).toBe("low");
    expect(flags.body.rulesVersion).toBe(2);
    expect(flags.body.flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "DF_NWB_LIMITED", side: "left", severity: "low", regions: ["heel"] })]),
    );
    expect(flags.body.regions.heel.level).toBe("low");
    expect(flags.body.regions.hip.level).toBe("none");
  });

  it("lists visits oldest first, each with its measures", async () => {
    const patient = await createPatient(home.clinic.id);
    expect((await post(patient.id, visit({ takenAt: "2026-03-15T09:00:00Z", notes: "second" }))).status).toBe(201);
    expect((await post(patient.id, visit({ takenAt: "2026-03-01T09:00:00Z", notes: "first" }))).status).toBe(201);
    const list = await call(assessmentsRoute.GET, "GET", `/patients/${patient.id}/assessments`, { token: home.token, id: patient.id });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { notes: string }) => a.notes)).toEqual(["first", "second"]);
    expect(list.body[0].measures).toHaveLength(2);
    expect(list.headers.get("cache-control")).toBe("no-store");
  });

  it("takes a visit back as GET shows it: null for no method and no notes", async () => {
    const patient = await createPatient(home.clinic.id);
    const first = await post(patient.id, visit({ notes: null, measures: [{ code: "pain_heel_nprs", side: "left", value: 3, method: null }] }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ notes: null, measures: [{ code: "pain_heel_nprs", method: null }] });
    const { takenAt, measures, redFlags, notes } = first.body;
    const again = await post(patient.id, { takenAt: "2026-03-02T09:30:00Z", measures: measures.map(({ code, side, value, method }: Record<string, unknown>) => ({ code, side, value, method })), redFlags, notes });
    expect([takenAt, again.status]).toEqual(["2026-03-01T09:30:00.000Z", 201]);
  });

  const badBodies: [string, unknown, { path: string; message: string | RegExp }][] = [
    ["missing takenAt", { measures: [], redFlags: [] }, { path: "takenAt", message: "takenAt is required" }],
    ["measures of the wrong type", visit({ measures: "many" }), { path: "measures", message: /array/i }],
    ["a value of the wrong type", visit({ measures: [{ code: "pain_heel_nprs", side: "left", value: "6" }] }), { path: "measures[0].value", message: 'value must be a number, not "6"' }],
    [
      "an out-of-range value",
      visit({ measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 57 }] }),
      { path: "measures[0].value", message: "57 is outside -30..45 for ankle_df_nwb_ext_deg (left)" },
    ],
    [
      "a wrong side for the code",
      visit({ measures: [{ code: "pain_back_nprs", side: "left", value: 3 }] }),
      { path: "measures[0].side", message: 'side "left" is not allowed for pain_back_nprs (use none)' },
    ],
    ["an unknown code", visit({ measures: [{ code: "ankle_magic", side: "left", value: 3 }] }), { path: "measures[0].code", message: 'unknown measure code "ankle_magic"' }],
    [
      "a duplicate code and side",
      visit({ measures: [{ code: "pain_heel_nprs", side: "left", value: 3 }, { code: "pain_heel_nprs", side: "left", value: 4 }] }),
      { path: "measures[1]", message: "pain_heel_nprs (left) is recorded twice in one assessment (also measures[0])" },
    ],
    // Without its screen a visit would read as "nothing ticked" and clear the last visit's red flag.
    ["a visit without its red-flag screen", visit({ redFlags: undefined }), { path: "redFlags", message: /redFlags is required/ }],
    ["an unknown red flag", visit({ redFlags: ["rf_bad_luck"] }), { path: "redFlags[0]", message: 'unknown red-flag code "rf_bad_luck"' }],
    ["an impossible date", visit({ takenAt: "2026-02-30T09:00:00Z" }), { path: "takenAt", message: /not an ISO 8601 date-time/ }],
    ["a date without offset", visit({ takenAt: "2026-03-01T09:00:00" }), { path: "takenAt", message: /not an ISO 8601 date-time/ }],
    ["a future date", visit({ takenAt: new Date(Date.now() + 3600_000).toISOString() }), { path: "takenAt", message: /in the future/ }],
    ["an unknown key", visit({ colour: "blue" }), { path: "colour", message: /unknown field/ }],
    [
      "an unknown key in a measure",
      visit({ measures: [{ code: "pain_heel_nprs", side: "left", value: 3, unit: "/10" }] }),
      { path: "measures[0].unit", message: /unknown field/ },
    ],
    ["an array instead of an object", [visit()], { path: "body", message: /JSON object/ }],
  ];

  it.each(badBodies)("rejects %s with 400 naming the field, and stores nothing", async (_name, body, expected) => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const answer = await post(patient.id, body, { headers: { "Idempotency-Key": `bad-${_name}` } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("validation");
    expect(answer.body.issues).toEqual(expect.arrayContaining([{ path: expected.path, message: typeof expected.message === "string" ? expected.message : expect.stringMatching(expected.message) }]));
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });

  it("lists every bad field at once", async () => {
    const patient = await createPatient(home.clinic.id);
    const answer = await post(patient.id, {
      takenAt: "yesterday",
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 57 },
        { code: "pain_back_nprs", side: "right", value: 2 },
      ],
      redFlags: ["rf_nope"],
      extra: 1,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ["extra", "measures[0].value", "measures[1].side", "redFlags[0]", "takenAt"].sort(),
    );
  });

  it("answers 400 for a body that is not JSON and 413 for an oversized one, storing nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const notJson = await call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, { token: home.token, id: patient.id, raw: "{takenAt:" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.issues).toEqual([{ path: "body", message: "the request body is not valid JSON" }]);

    const empty = await call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, { token: home.token, id: patient.id, raw: "" });
    expect(empty.status).toBe(400);

    const huge = JSON.stringify(visit({ notes: "x".repeat(300 * 1024) }));
    const byBytes = await call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, { token: home.token, id: patient.id, raw: huge });
    expect(byBytes.status).toBe(413);
    expect(byBytes.body).toMatchObject({ error: "too_large" });

    const byHeader = await call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, {
      token: home.token,
      id: patient.id,
      raw: JSON.stringify(visit()),
      headers: { "content-length": String(10 * 1024 * 1024) },
    });
    expect(byHeader.status).toBe(413);
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });

  it("answers 404 for another clinic's patient, a missing one and a malformed id, on every route", async () => {
    const foreign = await createPatient(other.clinic.id);
    const ids = [foreign.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"];
    const before = await countClinicRows(other.clinic.id);
    for (const id of ids) {
      const posted = await post(id, visit());
      const listed = await call(assessmentsRoute.GET, "GET", `/patients/${id}/assessments`, { token: home.token, id });
      const flags = await call(flagsRoute.GET, "GET", `/patients/${id}/flags`, { token: home.token, id });
      for (const answer of [posted, listed, flags]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual({ error: "not_found", message: "No such patient.", issues: [] });
      }
    }
    expect(await countClinicRows(other.clinic.id)).toEqual(before);
  });

  it("answers 401 without a valid token", async () => {
    const patient = await createPatient(home.clinic.id);
    const answer = await post(patient.id, visit(), { token: "stride_not-a-token" });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe("unauthenticated");
  });

  it("refuses a visit for an archived patient with 409", async () => {
    const patient = await createPatient(home.clinic.id, { archived: true });
    const answer = await post(patient.id, visit());
    expect(answer.status).toBe(409);
    expect(answer.body.message).toMatch(/archived/);
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

describe(`Idempotency-Key on ${kind}`, () => {
  it("replays the stored response for a retry and stores once", async () => {
    const patient = await createPatient(home.clinic.id);
    const headers = { "Idempotency-Key": "visit-1" };
    const first = await post(patient.id, visit(), { headers });
    // The same object with its keys in another order is the same request.
    const { notes, ...rest } = visit();
    const retry = await post(patient.id, { notes, ...rest }, { headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("answers 409 for the same key with a different body, storing nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const headers = { "Idempotency-Key": "visit-2" };
    expect((await post(patient.id, visit(), { headers })).status).toBe(201);
    const before = await countClinicRows(home.clinic.id);
    const reused = await post(patient.id, visit({ notes: "something else" }), { headers });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe("conflict");
    expect(reused.body.issues[0].path).toBe("Idempotency-Key");
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });

  it("keeps keys per user: another user's key of the same name is a different key", async () => {
    const patient = await createPatient(home.clinic.id);
    const { createUserWithToken } = await import("./factories");
    const colleague = await createUserWithToken(home.clinic.id);
    const headers = { "Idempotency-Key": "shared-name" };
    expect((await post(patient.id, visit(), { headers })).status).toBe(201);
    const theirs = await post(patient.id, visit({ notes: "colleague" }), { headers, token: colleague.token });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("does not burn the key on a failed request: the corrected retry is stored", async () => {
    const patient = await createPatient(home.clinic.id);
    const headers = { "Idempotency-Key": "visit-3" };
    const bad = await post(patient.id, visit({ takenAt: "nope" }), { headers });
    expect(bad.status).toBe(400);
    const good = await post(patient.id, visit(), { headers });
    expect(good.status).toBe(201);
    expect(good.headers.get("idempotent-replayed")).toBeNull();
  });

  it("treats a key past its day as new: the request is stored again, not replayed", async () => {
    const patient = await createPatient(home.clinic.id);
    const headers = { "Idempotency-Key": "visit-old" };
    expect((await post(patient.id, visit(), { headers })).status).toBe(201);
    await db.idempotencyKey.updateMany({ where: { clinicId: home.clinic.id, key: "visit-old" }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    // Even with another body: the old request's promise has lapsed.
    const again = await post(patient.id, visit({ notes: "a day later" }), { headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(2);
    expect(await db.idempotencyKey.count({ where: { clinicId: home.clinic.id, key: "visit-old" } })).toBe(1);
    // And the renewed key replays the new answer.
    const retry = await post(patient.id, visit({ notes: "a day later" }), { headers });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(again.body);
  });

  it("rejects a malformed key with 400 naming the header", async () => {
    const patient = await createPatient(home.clinic.id);
    for (const key of ["k".repeat(201), "tab\there"]) {
      const answer = await post(patient.id, visit(), { headers: { "Idempotency-Key": key } });
      expect(answer.status).toBe(400);
      expect(answer.body.issues[0].path).toBe("Idempotency-Key");
    }
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("lists a malformed key and the body's bad fields in one 400", async () => {
    const patient = await createPatient(home.clinic.id);
    const answer = await post(patient.id, visit({ takenAt: "nope" }), { headers: { "Idempotency-Key": "tab\there" } });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: { path: string }) => i.path)).toEqual(["Idempotency-Key", "takenAt"]);
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
