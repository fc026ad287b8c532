// POST /api/v1/patients and PATCH /api/v1/patients/{id}: validation, MRN conflicts, archive and
// restore, audit events, 404 across clinics; plus the list's sort and status filter.
// Must come first: one connection to the embedded database (see the file for why).

import { beforeAll, describe, expect, it } from "vitest";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import { db } from "@/lib/db/client";
import { createPatient as createPatientViaLib } from "@/lib/patients/mutations";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;

const newPatient = {
  givenName: "  Ada ",
  familyName: "Lovelace",
  birthDate: "1979-03-02",
  sex: "female",
  heightCm: 168,
  mrn: "MRN-001",
  diagnosisSide: "left",
};

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let other: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
  other = await createClinicWithToken();
});

const create = (json: unknown, token = home.token) => call(patientsRoute.POST, "POST", "/patients", { token, json });
const patch = (id: string, json: unknown, token = home.token) => call(patientRoute.PATCH, "PATCH", `/patients/${id}`, { token, id, json });

describe(`patient writes on ${kind}`, () => {
  it("creates a patient (201, trimmed), with an audit event", async () => {
    const created = await create(newPatient);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      givenName: "Ada",
      familyName: "Lovelace",
      birthDate: "1979-03-02",
      sex: "female",
      heightCm: 168,
      mrn: "MRN-001",
      diagnosisSide: "left",
      archived: false,
      status: "none",
      lastAssessedAt: null,
    });
    const fetched = await call(patientRoute.GET, "GET", `/patients/${created.body.id}`, { token: home.token, id: created.body.id });
    expect(fetched.body).toEqual(created.body);
    const audit = await db.auditEvent.findMany({ where: { entityId: created.body.id }, select: { action: true }, orderBy: { id: "asc" } });
    // The create, then the GET above (every read of a patient record is audited).
    expect(audit).toEqual([{ action: "patient.create" }, { action: "patient.read" }]);
  });

  it("treats an empty or null MRN as none, and allows many patients without one", async () => {
    expect((await create({ ...newPatient, mrn: "" })).body.mrn).toBeNull();
    expect((await create({ ...newPatient, mrn: null })).body.mrn).toBeNull();
    const { mrn: _mrn, ...withoutMrn } = newPatient;
    expect((await create(withoutMrn)).status).toBe(201);
  });

  it("answers 409 on the mrn field for an MRN used in the clinic, but not for another clinic's", async () => {
    expect((await create({ ...newPatient, mrn: "DUP-1" })).status).toBe(201);
    const before = await countClinicRows(home.clinic.id);
    const dup = await create({ ...newPatient, mrn: " DUP-1 " });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: "conflict", issues: [{ path: "mrn" }] });
    expect((await create({ ...newPatient, mrn: "dup-1" })).status).toBe(409); // letter case is not another number
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
    expect((await create({ ...newPatient, mrn: "DUP_1" })).status).toBe(201); // "_" is a character, not a wildcard
    expect((await create({ ...newPatient, mrn: "DUP-1" }, other.token)).status).toBe(201);
  });

  it("answers 409 for concurrent creates with one new MRN: the unique index lets exactly one in", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createPatientViaLib(home.actor, { ...newPatient, mrn: "RACE-1" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { status: number }).status).toBe(409);
    expect(await db.patient.count({ where: { clinicId: home.clinic.id, mrn: "RACE-1" } })).toBe(1);
  });

  it("answers 409 for concurrent creates with letter-case variants of one new MRN: exactly one gets in", async () => {
    const variants = ["CASE-7", "case-7", "Case-7", "cASE-7", "CaSe-7"];
    const results = await Promise.allSettled(variants.map((mrn) => createPatientViaLib(home.actor, { ...newPatient, mrn })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { status: number }).status).toBe(409);
    expect(await db.patient.count({ where: { clinicId: home.clinic.id, mrn: { in: variants } } })).toBe(1);
  });

  it("lists every bad field: missing, wrong type, out of range, bad and future dates, unknown keys", async () => {
    const before = await countClinicRows(home.clinic.id);
    const answer = await create({
      givenName: "",
      birthDate: "1979-02-30",
      sex: "f",
      heightCm: 300,
      mrn: 12,
      diagnosisSide: "middle",
      heigthCm: 170,
    });
    expect(answer.status).toBe(400);
    const byPath = Object.fromEntries(answer.body.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual(["birthDate", "diagnosisSide", "familyName", "givenName", "heightCm", "heigthCm", "mrn", "sex"]);
    expect(byPath.heightCm).toBe("heightCm 300 is outside 50..250");
    expect(byPath.familyName).toBe("familyName is required");
    expect(byPath.heigthCm).toMatch(/unknown field/);
    const future = await create({ ...newPatient, mrn: null, birthDate: "2999-01-01" });
    expect(future.body.issues).toEqual([{ path: "birthDate", message: "birthDate 2999-01-01 is in the future" }]);
    const old = await create({ ...newPatient, mrn: null, birthDate: "1899-12-31" });
    expect(old.body.issues[0].message).toMatch(/before 1900/);
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });

  it("answers 400 for a non-JSON body and 413 for an oversized one", async () => {
    expect((await call(patientsRoute.POST, "POST", "/patients", { token: home.token, raw: "name=Ada" })).status).toBe(400);
    const huge = JSON.stringify({ ...newPatient, givenName: "A".repeat(400_000) });
    const tooLarge = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, raw: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toBe("too_large");
  });

  it("edits fields, archives and restores, auditing each with the changed fields", async () => {
    const created = (await create({ ...newPatient, mrn: null })).body;
    const edited = await patch(created.id, { familyName: "King", heightCm: 170 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ familyName: "King", heightCm: 170, givenName: "Ada" });

    const archived = await patch(created.id, { archived: true });
    expect(archived.body.archived).toBe(true);
    const list = await call(patientsRoute.GET, "GET", "/patients", { token: home.token, query: "q=King" });
    expect(list.body.map((p: { id: string }) => p.id)).not.toContain(created.id);
    const visit = await call(assessmentsRoute.POST, "POST", `/patients/${created.id}/assessments`, {
      token: home.token,
      id: created.id,
      json: { takenAt: "2026-03-01T09:00:00Z", measures: [], redFlags: [] },
    });
    expect(visit.status).toBe(409);

    expect((await patch(created.id, { archived: false })).body.archived).toBe(false);
    const events = await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" }, select: { action: true, details: true } });
    expect(events.map((e) => e.action)).toEqual(["patient.create", "patient.update", "patient.archive", "patient.restore"]);
    expect((events[1]!.details as { changes: unknown }).changes).toEqual({
      familyName: { from: "Lovelace", to: "King" },
      heightCm: { from: 168, to: 170 },
    });
  });

  it("rejects an empty patch, unknown keys and a taken MRN, changing nothing", async () => {
    const a = (await create({ ...newPatient, mrn: "EDIT-A" })).body;
    await create({ ...newPatient, mrn: "EDIT-B" });
    expect((await patch(a.id, {})).status).toBe(400);
    const typo = await patch(a.id, { archive: true });
    expect(typo.status).toBe(400);
    expect(typo.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "archive" })]));
    const taken = await patch(a.id, { mrn: "EDIT-B" });
    expect(taken.status).toBe(409);
    expect(taken.body.issues[0].path).toBe("mrn");
    const after = await call(patientRoute.GET, "GET", `/patients/${a.id}`, { token: home.token, id: a.id });
    expect(after.body).toEqual(a);
  });

  it("answers 404 for another clinic's patient, a missing one and a malformed id", async () => {
    const foreign = await createPatient(other.clinic.id);
    const before = await countClinicRows(other.clinic.id);
    for (const id of [foreign.id, "00000000-0000-4000-8000-000000000000", "abc"]) {
      const answer = await patch(id, { familyName: "Mine" });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe("not_found");
    }
    expect(await countClinicRows(other.clinic.id)).toEqual(before);
  });
});

describe(`patient list sort and status filter on ${kind}`, () => {
  it("filters by stored status and sorts by status and by last assessment", async () => {
    const clinic = await createClinicWithToken();
    const a = await createPatient(clinic.clinic.id, { familyName: "Alpha" });
    const b = await createPatient(clinic.clinic.id, { familyName: "Beta" });
    await createPatient(clinic.clinic.id, { familyName: "Gamma" });
    const post = (id: string, day: number, value: number) =>
      call(assessmentsRoute.POST, "POST", `/patients/${id}/assessments`, {
        token: clinic.token,
        id,
        json: { takenAt: `2026-03-0${day}T09:00:00Z`, measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value }], redFlags: [] },
      });
    expect((await post(a.id, 1, 4)).status).toBe(201); // limited dorsiflexion: low (rules v2)
    expect((await post(b.id, 2, -5)).status).toBe(201); // severely limited: moderate (rules v2)
    const list = (query: string) => call(patientsRoute.GET, "GET", "/patients", { token: clinic.token, query });
    const names = (answer: { body: { familyName: string }[] }) => answer.body.map((p) => p.familyName);
    expect(names(await list("sort=status"))).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(names(await list("sort=lastAssessed"))).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(names(await list("status=low"))).toEqual(["Alpha"]);
    expect(names(await list("status=moderate"))).toEqual(["Beta"]);
    expect(names(await list(""))).toEqual(["Alpha", "Beta", "Gamma"]);
    const bad = await list("sort=age&status=purple");
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["sort", "status"]);
  });
});
