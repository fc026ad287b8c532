// Rules version 2 through the real route handlers: the new measure codes and red-flag items are
// accepted (and a bad pelvis answer is refused naming the field); the flags output has the heel
// region and rulesVersion; an `emergency` referral is accepted, stored, and exported as FHIR
// priority "stat"; the CSV carries the new codes with their units.
import { beforeAll, describe, expect, it } from "vitest";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as flagsRoute from "@/app/api/v1/patients/[id]/flags/route";
import * as referralsRoute from "@/app/api/v1/patients/[id]/referrals/route";
import * as csvRoute from "@/app/api/v1/patients/[id]/assessments.csv/route";
import * as fhirRoute from "@/app/api/v1/patients/[id]/fhir/route";
import { db } from "@/lib/db/client";
import { callRoute, clinicUserWithToken, patientWithHistory } from "./referral-fixtures";
import { createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;
let home: Awaited<ReturnType<typeof clinicUserWithToken>>;

beforeAll(async () => {
  home = await clinicUserWithToken();
});

const newCodes = [
  { code: "pain_first_step_nprs", side: "left", value: 7 },
  { code: "faam_sports_percent", side: "none", value: 62.5 },
  { code: "psfs_mean", side: "none", value: 4.3 },
  { code: "trendelenburg_hold_s", side: "left", value: 18 },
  { code: "trendelenburg_pelvis_dropped", side: "left", value: 1 },
  { code: "trendelenburg_pelvis_dropped", side: "right", value: 0 },
  { code: "knee_fppa_deg", side: "right", value: 12.5 },
  { code: "waist_cm", side: "none", value: 94.5 },
  { code: "work_on_feet_h", side: "none", value: 7.5 },
  { code: "activity_km_week", side: "none", value: 25 },
];

describe(`rules v2 codes and urgencies through the API on ${kind}`, () => {
  it("records every new code and a heel red-flag item, and exports them (CSV units, FHIR pain code and boolean)", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await callRoute(assessmentsRoute.POST, "POST", {
      token: home.token,
      id: patient.id,
      json: { takenAt: "2026-03-01T09:30:00Z", measures: newCodes, redFlags: ["rf_heel_neuro_symptoms"] },
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.redFlags).toEqual(["rf_heel_neuro_symptoms"]);
    expect(body.measures.map((m: { code: string; side: string; value: number }) => `${m.code}:${m.side}=${m.value}`).sort()).toEqual(
      newCodes.map((m) => `${m.code}:${m.side}=${m.value}`).sort(),
    );

    const csv = await (await callRoute(csvRoute.GET, "GET", { token: home.token, id: patient.id })).text();
    expect(csv).toContain(",trendelenburg_pelvis_dropped,left,1,yes/no,");
    expect(csv).toContain(",pain_first_step_nprs,left,7,0-10,");
    expect(csv).toContain(",knee_fppa_deg,right,12.5,deg,");

    const bundle = await (await callRoute(fhirRoute.GET, "GET", { token: home.token, id: patient.id })).json();
    const observations = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource).filter((r: { resourceType: string }) => r.resourceType === "Observation");
    const byCode = (code: string, side: string) =>
      observations.find((o: { code: { coding: { code: string }[] }; bodySite?: { text: string } }) => o.code.coding.some((c) => c.code === code) && (o.bodySite?.text ?? "").toLowerCase().startsWith(side));
    const firstStep = byCode("pain_first_step_nprs", "left");
    expect(firstStep.code.coding[0]).toMatchObject({ system: "http://loinc.org", code: "72514-3" });
    expect(firstStep.bodySite.text).toBe("Left heel");
    expect(byCode("trendelenburg_pelvis_dropped", "left")).toMatchObject({ valueBoolean: true });
    expect(byCode("trendelenburg_pelvis_dropped", "right")).toMatchObject({ valueBoolean: false });
    expect(byCode("trendelenburg_pelvis_dropped", "left").valueQuantity).toBeUndefined();
  });

  it("refuses a pelvis answer that is not 0 or 1, or has no side, naming the field; nothing stored", async () => {
    const patient = await createPatient(home.clinic.id);
    const res = await callRoute(assessmentsRoute.POST, "POST", {
      token: home.token,
      id: patient.id,
      json: {
        takenAt: "2026-03-01T09:30:00Z",
        measures: [
          { code: "trendelenburg_pelvis_dropped", side: "left", value: 0.5 },
          { code: "trendelenburg_pelvis_dropped", side: "none", value: 1 },
          { code: "pain_first_step_nprs", side: "left", value: 11 },
        ],
        redFlags: ["rf_calcaneal_fracture_suspected"],
      },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const paths = body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["measures[0].value", "measures[1].side", "measures[2].value"]));
    expect(await db.assessment.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("accepts, stores and exports an emergency referral (FHIR priority stat)", async () => {
    const patient = await patientWithHistory(home.clinic.id, home.user.id, [
      { takenAt: "2026-04-02T09:00:00Z", redFlags: ["rf_cauda_equina"], measures: [{ code: "pain_back_nprs", side: "none", value: 7 }] },
    ]);
    const res = await callRoute(referralsRoute.POST, "POST", { token: home.token, id: patient.id, json: { specialty: "spine", urgency: "emergency" } });
    expect(res.status).toBe(201);
    const note = await res.json();
    expect(note.urgency).toBe("emergency");
    expect((await db.referral.findUniqueOrThrow({ where: { id: note.id }, select: { urgency: true } })).urgency).toBe("emergency");
    const reason = note.sections.find((s: { key: string }) => s.key === "urgency").text as string;
    expect(reason).toMatch(/^Emergency/);
    expect(reason).toContain("Possible cauda equina syndrome");
    expect(reason).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);

    const bundle = await (await callRoute(fhirRoute.GET, "GET", { token: home.token, id: patient.id })).json();
    const request = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource).find((r: { resourceType: string }) => r.resourceType === "ServiceRequest");
    expect(request.priority).toBe("stat");

    const bad = await callRoute(referralsRoute.POST, "POST", { token: home.token, id: patient.id, json: { specialty: "spine", urgency: "immediately" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].message).toContain("routine, soon, urgent, emergency");
  });

  it("the flags output has the heel region and rules version 2", async () => {
    const patient = await patientWithHistory(home.clinic.id, home.user.id, [
      { takenAt: "2026-04-02T09:00:00Z", measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 0 }] },
    ]);
    const flags = await (await callRoute(flagsRoute.GET, "GET", { token: home.token, id: patient.id })).json();
    expect(flags.rulesVersion).toBe(2);
    expect(Object.keys(flags.regions).sort()).toEqual(["back", "heel", "hip"]);
    expect(flags.regions.heel.level).toBe("moderate");
    expect(flags.regions.hip.level).toBe("none");
  });
});
