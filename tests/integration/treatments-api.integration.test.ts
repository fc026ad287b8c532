// GET/POST /api/v1/patients/{id}/treatments and DELETE /api/v1/treatments/{id}.
import { beforeAll, describe, expect, it } from "vitest";
import * as treatmentsRoute from "@/app/api/v1/patients/[id]/treatments/route";
import * as treatmentRoute from "@/app/api/v1/treatments/[id]/route";
import { db } from "@/lib/db/client";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let other: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
  other = await createClinicWithToken();
});

const post = (id: string, json: unknown, token = home.token) => call(treatmentsRoute.POST, "POST", `/patients/${id}/treatments`, { token, id, json });
const list = (id: string, query = "", token = home.token) => call(treatmentsRoute.GET, "GET", `/patients/${id}/treatments`, { token, id, query });

describe(`treatment events on ${kind}`, () => {
  it("records every kind and lists them newest first, with an audit event each", async () => {
    const patient = await createPatient(home.clinic.id);
    const kinds = ["orthoses", "stretching", "strengthening", "footwear_change", "injection", "shockwave", "night_splint", "other"];
    for (const [day, kindName] of kinds.entries()) {
      const answer = await post(patient.id, {
        kind: kindName,
        occurredAt: `2026-02-0${day + 1}T10:00:00Z`,
        ...(kindName === "other" ? { text: "taping" } : kindName === "orthoses" ? { text: "3 mm medial post" } : {}),
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ kind: kindName, createdBy: { id: home.user.id, name: "Test Clinician" }, deletedAt: null });
    }
    const answer = await list(patient.id);
    expect(answer.status).toBe(200);
    expect(answer.body.map((t: { kind: string }) => t.kind)).toEqual([...kinds].reverse());
    expect(answer.body.find((t: { kind: string }) => t.kind === "orthoses").text).toBe("3 mm medial post");
    expect(await db.auditEvent.count({ where: { clinicId: home.clinic.id, action: "treatment.create" } })).toBeGreaterThanOrEqual(8);
  });

  it("lists every bad field and stores nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const cases: [unknown, string[]][] = [
      [{ kind: "other", occurredAt: "2026-02-01T10:00:00Z" }, ["text"]],
      [{ kind: "massage", occurredAt: "yesterday", extra: 1 }, ["extra", "kind", "occurredAt"]],
      [{ kind: "injection", occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, ["occurredAt"]],
      [{ kind: "injection", occurredAt: "2026-02-30T10:00:00Z", text: "x".repeat(501) }, ["occurredAt", "text"]],
      [{}, ["kind", "occurredAt"]],
    ];
    for (const [body, paths] of cases) {
      const answer = await post(patient.id, body);
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(paths);
    }
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });

  it("soft-deletes: gone from the list, kept with includeDeleted, audited", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = (await post(patient.id, { kind: "night_splint", occurredAt: "2026-02-01T22:00:00Z" })).body;
    const deleted = await call(treatmentRoute.DELETE, "DELETE", `/treatments/${created.id}`, { token: home.token, id: created.id });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    expect((await list(patient.id)).body).toEqual([]);
    expect((await list(patient.id, "includeDeleted=true")).body.map((t: { id: string }) => t.id)).toEqual([created.id]);
    expect((await call(treatmentRoute.DELETE, "DELETE", `/treatments/${created.id}`, { token: home.token, id: created.id })).status).toBe(409);
  });

  it("answers 404 across clinics on every route", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = (await post(patient.id, { kind: "shockwave", occurredAt: "2026-02-01T10:00:00Z" })).body;
    const before = await countClinicRows(home.clinic.id);
    expect((await post(patient.id, { kind: "shockwave", occurredAt: "2026-02-01T10:00:00Z" }, other.token)).status).toBe(404);
    expect((await list(patient.id, "", other.token)).status).toBe(404);
    expect((await list("nope", "", home.token)).status).toBe(404);
    const foreignDelete = await call(treatmentRoute.DELETE, "DELETE", `/treatments/${created.id}`, { token: other.token, id: created.id });
    expect(foreignDelete.status).toBe(404);
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });
});
