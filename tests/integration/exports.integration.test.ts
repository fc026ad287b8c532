// CSV and FHIR exports through the real route handlers, checked against the stored rows.
import { beforeAll, describe, expect, it } from "vitest";
import * as csvRoute from "@/app/api/v1/patients/[id]/assessments.csv/route";
import * as clinicCsvRoute from "@/app/api/v1/exports/measures.csv/route";
import * as fhirRoute from "@/app/api/v1/patients/[id]/fhir/route";
import * as createReferralRoute from "@/app/api/v1/patients/[id]/referrals/route";
import { db } from "@/lib/db/client";
import { callRoute, clinicUserWithToken, patientWithHistory, type StoredVisit } from "./referral-fixtures";

const kind = process.env.TEST_DB_KIND;

const HISTORY: StoredVisit[] = [
  {
    takenAt: "2026-01-05T09:00:00Z",
    measures: [
      { code: "pain_back_nprs", side: "none", value: 1, method: '=HYPERLINK("http://evil.test","x")' },
      { code: "ankle_df_nwb_ext_deg", side: "right", value: -2.5, method: "goniometer, supine" },
      { code: "ankle_df_nwb_ext_deg", side: "left", value: 12 },
    ],
  },
  { takenAt: "2026-02-20T09:00:00Z", deleted: true, measures: [{ code: "pain_heel_nprs", side: "right", value: 9 }] },
  {
    takenAt: "2026-04-02T09:00:00Z",
    measures: [
      { code: "gait_speed_mps", side: "none", value: 1.05 },
      { code: "pain_heel_nprs", side: "right", value: 8 },
      { code: "pain_back_nprs", side: "none", value: 4 },
    ],
  },
];

let home: Awaited<ReturnType<typeof clinicUserWithToken>>;
let admin: Awaited<ReturnType<typeof clinicUserWithToken>>;
let other: Awaited<ReturnType<typeof clinicUserWithToken>>;
let patientId: string;

beforeAll(async () => {
  home = await clinicUserWithToken();
  other = await clinicUserWithToken();
  const p = await patientWithHistory(home.clinic.id, home.user.id, HISTORY, { mrn: "MRN-9", diagnosisSide: "both" });
  patientId = p.id;
  // An admin of the same clinic (the fixture makes a new clinic; move the admin into ours).
  admin = await clinicUserWithToken("admin");
  await db.user.update({ where: { id: admin.user.id }, data: { clinicId: home.clinic.id } });
  await db.apiToken.updateMany({ where: { userId: admin.user.id }, data: { clinicId: home.clinic.id } });
});

describe(`CSV exports on ${kind}`, () => {
  it("writes one row per stored value, oldest first, unlocalised and formula-safe", async () => {
    const res = await callRoute(csvRoute.GET, "GET", { token: home.token, id: patientId });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).split("\r\n");
    expect(lines).toEqual([
      "takenAt,code,side,value,unit,method,rater",
      "2026-01-05T09:00:00.000Z,ankle_df_nwb_ext_deg,left,12,deg,,Dr Ada Referrer",
      '2026-01-05T09:00:00.000Z,ankle_df_nwb_ext_deg,right,-2.5,deg,"goniometer, supine",Dr Ada Referrer',
      `2026-01-05T09:00:00.000Z,pain_back_nprs,none,1,0-10,"'=HYPERLINK(""http://evil.test"",""x"")",Dr Ada Referrer`,
      "2026-04-02T09:00:00.000Z,pain_heel_nprs,right,8,0-10,,Dr Ada Referrer",
      "2026-04-02T09:00:00.000Z,pain_back_nprs,none,4,0-10,,Dr Ada Referrer",
      "2026-04-02T09:00:00.000Z,gait_speed_mps,none,1.05,m/s,,Dr Ada Referrer",
      "",
    ]);
  });

  it("answers 404 for another clinic's patient", async () => {
    expect((await callRoute(csvRoute.GET, "GET", { token: other.token, id: patientId })).status).toBe(404);
    expect((await callRoute(fhirRoute.GET, "GET", { token: other.token, id: patientId })).status).toBe(404);
  });

  it("gives the clinic-wide file to admins only, with patientId first", async () => {
    const forbidden = await callRoute(clinicCsvRoute.GET, "GET", { token: home.token });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error).toBe("forbidden");

    const second = await patientWithHistory(home.clinic.id, home.user.id, HISTORY.slice(0, 1));
    await patientWithHistory(other.clinic.id, other.user.id, HISTORY.slice(0, 1));
    const res = await callRoute(clinicCsvRoute.GET, "GET", { token: admin.token });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("patientId,takenAt,code,side,value,unit,method,rater");
    const patients = lines.slice(1).map((l) => l.split(",")[0]);
    expect(new Set(patients)).toEqual(new Set([patientId, second.id]));
    expect(lines).toHaveLength(1 + 6 + 3);
  });
});

describe(`FHIR export on ${kind}`, () => {
  it("matches the stored data: counts, codes, references and units", async () => {
    const note = await (await callRoute(createReferralRoute.POST, "POST", { token: home.token, id: patientId, json: { specialty: "spine", urgency: "soon" } })).json();
    const res = await callRoute(fhirRoute.GET, "GET", { token: home.token, id: patientId });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
    const bundle = (await res.json()) as fhir4.Bundle<fhir4.FhirResource>;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const resources = bundle.entry!.map((e) => e.resource!);
    const count = (t: string) => resources.filter((r) => r.resourceType === t).length;

    const stored = await db.measureValue.findMany({
      where: { clinicId: home.clinic.id, assessment: { patientId, deletedAt: null } },
      select: { id: true, code: true, value: true, side: true },
    });
    expect(count("Observation")).toBe(stored.length);
    expect(stored).toHaveLength(6);
    expect(count("Patient")).toBe(1);
    expect(count("Practitioner")).toBe(1);
    expect(count("Condition")).toBe(1);
    expect(count("ServiceRequest")).toBe(1);
    // DF_NWB_SEVERE (right −2.5°) and BACK_PAIN: one RiskAssessment each (rules v2: a rise of back
    // pain must be seen at two consecutive assessments, which this two-visit history does not have).
    const risks = resources.filter((r): r is fhir4.RiskAssessment => r.resourceType === "RiskAssessment");
    expect(risks.map((r) => r.method!.coding![0]!.code).sort()).toEqual(["BACK_PAIN", "DF_NWB_SEVERE"]);

    for (const m of stored) {
      const obs = resources.find((r) => r.id === m.id) as fhir4.Observation;
      expect(obs.valueQuantity!.value).toBe(m.value);
      expect(obs.valueQuantity!.system).toBe("http://unitsofmeasure.org");
      expect(obs.subject!.reference).toBe(`urn:uuid:${patientId}`);
      expect(obs.performer![0]!.reference).toBe(`urn:uuid:${home.user.id}`);
      if (m.code.startsWith("pain_")) expect(obs.code.coding![0]!.code).toBe("72514-3");
      else expect(obs.code.coding![0]).toMatchObject({ system: "urn:gait-dashboard:measure", code: m.code });
    }
    const severe = risks.find((r) => r.method!.coding![0]!.code === "DF_NWB_SEVERE")!;
    const rightDf = stored.find((m) => m.code === "ankle_df_nwb_ext_deg" && m.side === "right")!;
    expect(severe.basis).toEqual([{ reference: `urn:uuid:${rightDf.id}` }]);

    const patient = resources.find((r) => r.resourceType === "Patient") as fhir4.Patient;
    expect(patient.identifier![0]).toMatchObject({ system: `urn:gait-dashboard:mrn:${home.clinic.id}`, value: "MRN-9" });
    const practitioner = resources.find((r) => r.resourceType === "Practitioner") as fhir4.Practitioner;
    expect(practitioner.identifier![0]!.value).toBe("PT-555001");
    const request = resources.find((r) => r.resourceType === "ServiceRequest") as fhir4.ServiceRequest;
    expect(request).toMatchObject({ id: note.id, status: "draft", priority: "urgent", intent: "order" });
    expect(request.code!.coding![0]!.code).toBe("103695009");

    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const r of JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? []) expect(fullUrls.has(r.slice(13, -1))).toBe(true);
  });
});
