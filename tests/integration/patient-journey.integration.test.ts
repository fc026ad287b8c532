// The "done when": an integration takes a new patient from the first visit to a month of
// follow-ups through the API, with failed requests and retries in between, and nothing is lost.
import { describe, expect, it } from "vitest";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as flagsRoute from "@/app/api/v1/patients/[id]/flags/route";
import * as treatmentsRoute from "@/app/api/v1/patients/[id]/treatments/route";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken } from "./factories";

const kind = process.env.TEST_DB_KIND;

describe(`a month of follow-ups through the API on ${kind}`, () => {
  it("keeps every visit and treatment, and the flags follow the improvement", async () => {
    const { clinic, token } = await createClinicWithToken();
    const created = await call(patientsRoute.POST, "POST", "/patients", {
      token,
      json: { givenName: "Sam", familyName: "Heel", birthDate: "1985-06-15", sex: "male", heightCm: 180, diagnosisSide: "right", mrn: "J-1" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // Dorsiflexion improves week by week; heel pain falls.
    const weeks = [
      { df: 3, pain: 8 },
      { df: 6, pain: 7 },
      { df: 9, pain: 5 },
      { df: 13, pain: 3 },
      { df: 16, pain: 2 },
    ];
    for (const [week, w] of weeks.entries()) {
      const body = {
        takenAt: new Date(Date.UTC(2026, 1, 2 + week * 7, 9)).toISOString(),
        measures: [
          { code: "ankle_df_nwb_ext_deg", side: "right", value: w.df, method: "goniometer" },
          { code: "pain_heel_nprs", side: "right", value: w.pain },
        ],
        redFlags: [],
      };
      const key = { "Idempotency-Key": `journey-week-${week}` };
      // A typo first (rejected, nothing stored), then the real visit, then a network retry.
      const typo = await call(assessmentsRoute.POST, "POST", `/patients/${id}/assessments`, {
        token,
        id,
        headers: key,
        json: { ...body, measures: [{ ...body.measures[0], value: w.df * 10 + 100 }] },
      });
      expect(typo.status).toBe(400);
      const stored = await call(assessmentsRoute.POST, "POST", `/patients/${id}/assessments`, { token, id, headers: key, json: body });
      expect(stored.status).toBe(201);
      const retry = await call(assessmentsRoute.POST, "POST", `/patients/${id}/assessments`, { token, id, headers: key, json: body });
      expect(retry.body.id).toBe(stored.body.id);
      if (week === 0) {
        const treatment = await call(treatmentsRoute.POST, "POST", `/patients/${id}/treatments`, {
          token,
          id,
          json: { kind: "stretching", occurredAt: body.takenAt, text: "calf stretches 3x30 s twice daily" },
        });
        expect(treatment.status).toBe(201);
      }
    }

    const visits = await call(assessmentsRoute.GET, "GET", `/patients/${id}/assessments`, { token, id });
    expect(visits.body).toHaveLength(5);
    expect(visits.body.map((v: { measures: { value: number }[] }) => v.measures[0]!.value)).toEqual([3, 6, 9, 13, 16]);
    expect(await countClinicRows(clinic.id)).toMatchObject({ patients: 1, assessments: 5, measures: 10, treatments: 1, idempotencyKeys: 5 });

    const flags = await call(flagsRoute.GET, "GET", `/patients/${id}/flags`, { token, id });
    expect(flags.status).toBe(200);
    expect(flags.body.flags.map((f: { id: string }) => f.id)).not.toContain("DF_NWB_LIMITED");
    const dfTrend = flags.body.trends.find((t: { code: string }) => t.code === "ankle_df_nwb_ext_deg");
    expect(dfTrend).toMatchObject({ baseline: 3, latest: 16, side: "right" });

    const list = await call(patientsRoute.GET, "GET", "/patients", { token, query: "q=J-1" });
    expect(list.body).toEqual([expect.objectContaining({ id, status: flags.body.status, lastAssessedAt: visits.body[4].takenAt })]);
  });
});
