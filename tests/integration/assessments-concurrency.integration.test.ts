// Concurrent writes through the route handler: all different visits are kept (and the stored status
// matches the whole history); concurrent retries with one Idempotency-Key store exactly one.
// Must come first: one connection to the embedded database (see the file for why).

import { describe, expect, it } from "vitest";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import { db } from "@/lib/db/client";
import { evaluate } from "@/lib/clinical/evaluate";
import { loadPatientHistory } from "@/lib/patients/evaluation";
import { call } from "./api-client";
import { createClinicWithToken, createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;

function visitOnDay(day: number, dorsiflexion: number) {
  return {
    takenAt: new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString(),
    measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: dorsiflexion }],
    redFlags: [],
  };
}

describe(`concurrent assessment writes on ${kind}`, () => {
  it("keeps all 20 concurrent POSTs of different visits, with a status that matches the full history", async () => {
    const { clinic, token } = await createClinicWithToken();
    const patient = await createPatient(clinic.id);
    // The latest visit (day 19) has a severe value, so a lost or stale refresh would show.
    const bodies = Array.from({ length: 20 }, (_, day) => visitOnDay(day, day === 19 ? -5 : 20));
    const answers = await Promise.all(
      bodies.map((json, i) =>
        call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, {
          token,
          id: patient.id,
          json,
          headers: { "Idempotency-Key": `concurrent-${i}` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(20);
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(20);
    expect(await db.measureValue.count({ where: { clinicId: clinic.id } })).toBe(20);
    expect(await db.idempotencyKey.count({ where: { clinicId: clinic.id } })).toBe(20);
    expect(await db.auditEvent.count({ where: { clinicId: clinic.id, action: "assessment.create" } })).toBe(20);

    const stored = await db.patient.findUniqueOrThrow({ where: { id: patient.id }, select: { status: true, lastAssessedAt: true } });
    const expected = evaluate((await loadPatientHistory(db, clinic.id, patient.id))!);
    expect(stored.status).toBe(expected.status);
    expect(stored.lastAssessedAt?.toISOString()).toBe(bodies[19]!.takenAt);
    // -5° dorsiflexion: a moderate heel flag under rules v2 (foot findings never raise hip or back).
    expect(stored.status).toBe("moderate");
  });

  it("stores exactly one visit for 20 concurrent POSTs with the same Idempotency-Key", async () => {
    const { clinic, token } = await createClinicWithToken();
    const patient = await createPatient(clinic.id);
    const json = visitOnDay(3, 4);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, {
          token,
          id: patient.id,
          json,
          headers: { "Idempotency-Key": "one-visit" },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await db.idempotencyKey.count({ where: { clinicId: clinic.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { clinicId: clinic.id, action: "assessment.create" } })).toBe(1);
  });
});
