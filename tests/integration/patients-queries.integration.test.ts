// Patient read side: clinic scope, search, order, paging, archived, and identical 404s.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import { getPatient, listPatients } from "@/lib/patients/queries";
import type { Actor } from "@/lib/auth/actor";
import { createClinicWithActor, createClinicWithToken, createPatient } from "./factories";
import { call } from "./api-client";
import * as listRoute from "@/app/api/v1/patients/route";
import * as oneRoute from "@/app/api/v1/patients/[id]/route";

let actor: Actor;
let otherActor: Actor;
let clinicId: string;
let token: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const mine = await createClinicWithToken();
  actor = mine.actor;
  clinicId = mine.clinic.id;
  token = mine.token;
  otherActor = (await createClinicWithActor()).actor;

  const people: [string, string, string | null, boolean?][] = [
    ["Grace", "Oduya", "MRN-007"],
    ["Aisha", "Mensah", "MRN-011"],
    ["Liam", "Brennan", "MRN-008"],
    ["Ben", "brennan", null],
    ["Zoe", "Adams", "OLD-1", true],
    ["Priya", "Raman", "50%_off"],
  ];
  for (const [givenName, familyName, mrn, archived] of people) {
    ids[`${givenName} ${familyName}`] = (await createPatient(clinicId, { givenName, familyName, mrn, archived: archived ?? false })).id;
  }
  await db.patient.update({
    where: { id: ids["Grace Oduya"]! },
    data: { status: "refer", lastAssessedAt: new Date("2026-03-12T09:30:00Z"), birthDate: new Date("1967-12-03"), heightCm: 164.5 },
  });
  // The other clinic has a patient whose name matches every search below.
  ids.foreign = (await createPatient(otherActor.clinicId, { givenName: "Grace", familyName: "Brennan", mrn: "MRN-007" })).id;
});

describe("listPatients", () => {
  it("lists only the actor's clinic, without archived patients, by family then given name", async () => {
    const page = await listPatients(actor);
    expect(page.total).toBe(5);
    expect(page.items.map((p) => `${p.givenName} ${p.familyName}`)).toEqual([
      "Ben brennan",
      "Liam Brennan",
      "Aisha Mensah",
      "Grace Oduya",
      "Priya Raman",
    ]);
    expect(page.items.map((p) => p.id)).not.toContain(ids.foreign);
  });

  it("returns the patient fields as plain JSON values", async () => {
    const page = await listPatients(actor, { q: "oduya" });
    expect(page.items).toEqual([
      {
        id: ids["Grace Oduya"],
        givenName: "Grace",
        familyName: "Oduya",
        birthDate: "1967-12-03",
        sex: "female",
        heightCm: 164.5,
        mrn: "MRN-007",
        diagnosisSide: "left",
        archived: false,
        status: "refer",
        lastAssessedAt: "2026-03-12T09:30:00.000Z",
      },
    ]);
  });

  it.each([
    ["BRENNAN", ["Ben brennan", "Liam Brennan"]],
    ["ais", ["Aisha Mensah"]],
    ["mrn-01", ["Aisha Mensah"]],
    ["liam brennan", ["Liam Brennan"]],
    ["  grace   ", ["Grace Oduya"]],
    ["50%", ["Priya Raman"]],
    ["%", ["Priya Raman"]],
    ["_", ["Priya Raman"]],
    ["nobody", []],
  ])("searches names and MRN case-insensitively: %j", async (q, expected) => {
    const page = await listPatients(actor, { q });
    expect(page.items.map((p) => `${p.givenName} ${p.familyName}`)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("includes archived patients only when asked", async () => {
    const page = await listPatients(actor, { q: "adams", includeArchived: true });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.archived).toBe(true);
    expect((await listPatients(actor, { q: "adams" })).total).toBe(0);
  });

  it("pages with a stable order and reports the total", async () => {
    const first = await listPatients(actor, { pageSize: 2, page: 1 });
    const second = await listPatients(actor, { pageSize: 2, page: 2 });
    const third = await listPatients(actor, { pageSize: 2, page: 3 });
    const beyond = await listPatients(actor, { pageSize: 2, page: 9 });
    expect([first.total, second.total, third.total, beyond.total]).toEqual([5, 5, 5, 5]);
    expect([...first.items, ...second.items, ...third.items].map((p) => p.familyName)).toEqual([
      "brennan",
      "Brennan",
      "Mensah",
      "Oduya",
      "Raman",
    ]);
    expect(beyond.items).toEqual([]);
  });

  it("rejects a bad page or page size as a validation error naming the field", async () => {
    await expect(listPatients(actor, { page: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(listPatients(actor, { pageSize: 1000 })).rejects.toMatchObject({ issues: [{ path: "pageSize" }] });
  });
});

describe("getPatient", () => {
  it("returns a patient of the actor's clinic", async () => {
    const patient = await getPatient(actor, ids["Aisha Mensah"]!);
    expect(patient).toMatchObject({ givenName: "Aisha", familyName: "Mensah", mrn: "MRN-011" });
  });

  it("answers the same NotFoundError for another clinic's patient, a missing id and a non-UUID", async () => {
    const errors = await Promise.all(
      [ids.foreign!, "00000000-0000-4000-8000-000000000000", "not-a-uuid", "1 OR 1=1", ""].map((id) =>
        getPatient(actor, id).then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toBe("No such patient.");
    }
    // And the other clinic does see its own patient.
    expect((await getPatient(otherActor, ids.foreign!)).familyName).toBe("Brennan");
  });
});

describe("GET /api/v1/patients", () => {
  it("lists the token holder's patients as an array, with paging in headers", async () => {
    const answer = await call(listRoute.GET, "GET", "/patients", { token, query: "q=brennan&pageSize=1" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual([expect.objectContaining({ familyName: "brennan", status: expect.any(String) })]);
    expect(answer.headers.get("x-total-count")).toBe("2");
    expect(answer.headers.get("link")).toBe('</api/v1/patients?q=brennan&pageSize=1&page=2>; rel="next"');
  });

  it("answers 400 for a bad page size and 401 without credentials", async () => {
    const bad = await call(listRoute.GET, "GET", "/patients", { token, query: "pageSize=0" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: "validation", issues: [{ path: "pageSize" }] });
    const anonymous = await call(listRoute.GET, "GET", "/patients");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: "unauthenticated", message: expect.any(String), issues: [] });
  });
});

describe("GET /api/v1/patients/{id}", () => {
  it("returns one patient, and the same 404 body for another clinic's and a missing one", async () => {
    const ok = await call(oneRoute.GET, "GET", `/patients/${ids["Liam Brennan"]}`, { token, id: ids["Liam Brennan"] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: ids["Liam Brennan"], familyName: "Brennan", birthDate: "1980-05-17" });

    const foreign = await call(oneRoute.GET, "GET", `/patients/${ids.foreign}`, { token, id: ids.foreign });
    const missing = await call(oneRoute.GET, "GET", "/patients/x", { token, id: "x" });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body).toEqual({ error: "not_found", message: "No such patient.", issues: [] });
  });
});
