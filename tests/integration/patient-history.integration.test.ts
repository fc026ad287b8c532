// GET/PUT /api/v1/patients/{id}/history: the clinical history a referral needs (issue 18).
import { beforeAll, describe, expect, it } from "vitest";
import * as historyRoute from "@/app/api/v1/patients/[id]/history/route";
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

const get = (id: string, token = home.token) => call(historyRoute.GET, "GET", `/patients/${id}/history`, { token, id });
const put = (id: string, json: unknown, token = home.token) => call(historyRoute.PUT, "PUT", `/patients/${id}/history`, { token, id, json });

const full = {
  heelPainOnset: { left: "2025-09-01", right: null },
  hipPain: { beforeHeelPain: "no", onset: "2025-11-15", side: "left" },
  backPain: { beforeHeelPain: "yes", onset: "2024-03-01" },
  comorbidities: { diabetes: true, inflammatoryArthritis: false, neuropathy: null, other: "hypothyroidism" },
  medications: "metformin 500 mg twice daily",
  investigations: [
    { date: "2025-10-20", kind: "ultrasound", finding: "plantar fascia 5.8 mm left, 3.4 mm right" },
    { date: "2025-10-02", kind: "xray", finding: "small plantar calcaneal spur" },
  ],
};

describe(`patient history on ${kind}`, () => {
  it("reads as the empty history before anything is recorded", async () => {
    const patient = await createPatient(home.clinic.id);
    const answer = await get(patient.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      patientId: patient.id,
      heelPainOnset: { left: null, right: null },
      hipPain: { beforeHeelPain: "unknown", onset: null, side: null },
      backPain: { beforeHeelPain: "unknown", onset: null },
      comorbidities: { diabetes: null, inflammatoryArthritis: null, neuropathy: null, other: null },
      medications: null,
      investigations: [],
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("stores, returns and replaces the history, auditing before and after", async () => {
    const patient = await createPatient(home.clinic.id);
    const saved = await put(patient.id, full);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...full, investigations: [full.investigations[1], full.investigations[0]], updatedBy: { id: home.user.id } });
    expect((await get(patient.id)).body).toEqual(saved.body);

    const replaced = await put(patient.id, { heelPainOnset: { left: "2025-09-01" }, medications: "" });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      hipPain: { beforeHeelPain: "unknown", onset: null, side: null },
      comorbidities: { diabetes: null, other: null },
      medications: null,
      investigations: [],
    });
    expect(await db.patientInvestigation.count({ where: { patientId: patient.id } })).toBe(0);
    const events = await db.auditEvent.findMany({
      where: { clinicId: home.clinic.id, action: "patient.history.update", entityId: patient.id },
      orderBy: { id: "asc" },
      select: { details: true },
    });
    expect(events).toHaveLength(2);
    expect(events[1]!.details).toMatchObject({ before: { medications: "metformin 500 mg twice daily" }, after: { medications: null } });
  });

  it("refuses bad fields and contradictory onsets, naming each, and stores nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const cases: [unknown, string[]][] = [
      [{ heelPainOnset: { left: "2025-02-30" }, hipPain: { beforeHeelPain: "maybe" }, extra: 1 }, ["extra", "heelPainOnset.left", "hipPain.beforeHeelPain"]],
      [{ backPain: { onset: "2999-01-01" }, comorbidities: { diabetes: "yes" } }, ["backPain.onset", "comorbidities.diabetes"]],
      [{ investigations: [{ date: "2025-01-01", kind: "pet", finding: "" }] }, ["investigations[0].finding", "investigations[0].kind"]],
      [{ heelPainOnset: { right: "2025-06-01" }, hipPain: { beforeHeelPain: "yes", onset: "2025-08-01" } }, ["hipPain.beforeHeelPain"]],
      [{ heelPainOnset: { right: "2025-06-01" }, backPain: { beforeHeelPain: "no", onset: "2024-08-01" } }, ["backPain.beforeHeelPain"]],
      [{ heelPainOnset: { left: "1970-01-01" } }, ["heelPainOnset.left"]],
    ];
    for (const [body, paths] of cases) {
      const answer = await put(patient.id, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(paths);
    }
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
    expect(await db.patientHistory.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("answers 404 for another clinic's patient, reading or writing", async () => {
    const patient = await createPatient(home.clinic.id);
    expect((await get(patient.id, other.token)).status).toBe(404);
    expect((await put(patient.id, full, other.token)).status).toBe(404);
    expect((await put("not-a-uuid", full)).status).toBe(404);
    expect(await db.patientHistory.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
