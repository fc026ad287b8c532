// Treatments with dates, dose, injection agent and count, and the response at review (issue 18).
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

const post = (id: string, json: unknown) => call(treatmentsRoute.POST, "POST", `/patients/${id}/treatments`, { token: home.token, id, json });
const patch = (id: string, json: unknown, token = home.token) => call(treatmentRoute.PATCH, "PATCH", `/treatments/${id}`, { token, id, json });

describe(`treatment dose and response on ${kind}`, () => {
  it("records an injection with agent, count and dose, then its response at review", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(patient.id, {
      kind: "injection",
      occurredAt: "2026-01-10T10:00:00Z",
      dose: "1 ml under ultrasound guidance",
      injectionAgent: "methylprednisolone 40 mg + lidocaine 1 %",
      injectionCount: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ dose: "1 ml under ultrasound guidance", injectionAgent: "methylprednisolone 40 mg + lidocaine 1 %", injectionCount: 1, endedAt: null, response: null, reviewedAt: null });

    const reviewed = await patch(created.body.id, { response: "better", reviewedAt: "2026-02-07T10:00:00Z", injectionCount: 2 });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body).toMatchObject({ response: "better", reviewedAt: "2026-02-07T10:00:00.000Z", injectionCount: 2, dose: "1 ml under ultrasound guidance" });
    const audit = await db.auditEvent.findFirst({ where: { entityId: created.body.id, action: "treatment.update" }, select: { details: true } });
    expect(audit!.details).toMatchObject({ changes: { response: { from: null, to: "better" }, injectionCount: { from: 1, to: 2 } } });
  });

  it("records a course with start and end, and a response without a date is dated now", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(patient.id, { kind: "shockwave", occurredAt: "2026-01-05T09:00:00Z", endedAt: "2026-01-26T09:00:00Z", dose: "2000 shocks, 0.2 mJ/mm², 3 sessions" });
    expect(created.status).toBe(201);
    expect(created.body.endedAt).toBe("2026-01-26T09:00:00.000Z");
    const before = Date.now();
    const reviewed = await patch(created.body.id, { response: "same" });
    expect(reviewed.status).toBe(200);
    expect(Date.parse(reviewed.body.reviewedAt)).toBeGreaterThanOrEqual(before - 1000);
    const cleared = await patch(created.body.id, { response: null });
    expect(cleared.body).toMatchObject({ response: null, reviewedAt: null });
  });

  it("refuses contradictions, naming the field, and stores nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const cases: [unknown, string[]][] = [
      [{ kind: "shockwave", occurredAt: "2026-01-05T09:00:00Z", injectionAgent: "steroid", injectionCount: 1 }, ["injectionAgent", "injectionCount"]],
      [{ kind: "stretching", occurredAt: "2026-01-05T09:00:00Z", endedAt: "2026-01-01T09:00:00Z" }, ["endedAt"]],
      [{ kind: "injection", occurredAt: "2026-01-05T09:00:00Z", injectionCount: 0, response: "great" }, ["injectionCount", "response"]],
      [{ kind: "injection", occurredAt: "2026-01-05T09:00:00Z", reviewedAt: "2026-02-01T09:00:00Z" }, ["response"]],
    ];
    for (const [body, paths] of cases) {
      const answer = await post(patient.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(paths);
    }
    expect(await countClinicRows(home.clinic.id)).toEqual(before);

    const created = await post(patient.id, { kind: "orthoses", occurredAt: "2026-01-05T09:00:00Z" });
    const auditsBefore = await db.auditEvent.count({ where: { entityId: created.body.id } });
    expect((await patch(created.body.id, { injectionAgent: "steroid" })).body.issues[0].path).toBe("injectionAgent");
    expect((await patch(created.body.id, { reviewedAt: "2025-12-01T09:00:00Z", response: "worse" })).body.issues[0].path).toBe("reviewedAt");
    expect((await patch(created.body.id, {})).status).toBe(400);
    expect((await patch(created.body.id, { kind: "injection" })).body.issues[0].path).toBe("kind");
    expect((await patch(created.body.id, { response: "worse" }, other.token)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { entityId: created.body.id } })).toBe(auditsBefore);
    expect((await db.treatmentEvent.findUniqueOrThrow({ where: { id: created.body.id } })).response).toBeNull();
  });
});
