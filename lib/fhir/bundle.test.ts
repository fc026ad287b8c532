import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import type { PatientHistory } from "@/lib/clinical/types";
import { buildPatientBundle, conditionId, riskAssessmentId, type FhirExportInput } from "./bundle";

const PATIENT_ID = "11111111-1111-4111-8111-111111111111";
const RATER_ID = "22222222-2222-4222-8222-222222222222";
const CLINIC_ID = "33333333-3333-4333-8333-333333333333";
const REFERRAL_ID = "44444444-4444-4444-8444-444444444444";
const OLD_REFERRAL_ID = "55555555-5555-4555-8555-555555555555";

const visits: FhirExportInput["assessments"] = [
  {
    takenAt: "2026-01-05T09:00:00.000Z",
    raterId: RATER_ID,
    measures: [
      { id: "a0000000-0000-4000-8000-000000000001", code: "ankle_df_nwb_ext_deg", side: "left", value: 8, method: "goniometer" },
      { id: "a0000000-0000-4000-8000-000000000002", code: "pain_heel_nprs", side: "left", value: 6, method: null },
      { id: "a0000000-0000-4000-8000-000000000003", code: "pain_back_nprs", side: "none", value: 1, method: null },
    ],
  },
  {
    takenAt: "2026-03-05T09:00:00.000Z",
    raterId: RATER_ID,
    measures: [
      { id: "a0000000-0000-4000-8000-000000000004", code: "ankle_df_nwb_ext_deg", side: "left", value: 7.5, method: "goniometer" },
      { id: "a0000000-0000-4000-8000-000000000005", code: "pain_back_nprs", side: "none", value: 4, method: null },
      { id: "a0000000-0000-4000-8000-000000000006", code: "gait_speed_mps", side: "none", value: 1.15, method: null },
    ],
  },
];

const history: PatientHistory = {
  patient: { heightCm: 168, sex: "female", birthDate: "1980-05-17" },
  assessments: visits.map((v) => ({ takenAt: v.takenAt, redFlags: [], measures: v.measures.map((m) => ({ code: m.code as never, side: m.side, value: m.value })) })),
};

const input: FhirExportInput = {
  clinicId: CLINIC_ID,
  patient: { id: PATIENT_ID, givenName: "Ada", familyName: "Lovelace", birthDate: "1980-05-17", sex: "female", mrn: "MRN-1", diagnosisSide: "both" },
  assessments: visits,
  practitioners: [{ id: RATER_ID, name: "Dr Rater", registrationNumber: "PT-1" }],
  evaluation: evaluate(history),
  referrals: [
    { id: OLD_REFERRAL_ID, status: "superseded", urgency: "routine", specialty: "spine", version: 1, supersedesId: null, authorId: RATER_ID, createdAt: "2026-03-05T10:00:00.000Z", finalizedAt: "2026-03-05T10:05:00.000Z", sections: [{ key: "reason", title: "Reason", text: "old", included: true }] },
    { id: REFERRAL_ID, status: "final", urgency: "urgent", specialty: "spine", version: 2, supersedesId: OLD_REFERRAL_ID, authorId: RATER_ID, createdAt: "2026-03-06T10:00:00.000Z", finalizedAt: "2026-03-06T10:05:00.000Z", sections: [{ key: "reason", title: "Reason for referral", text: "Back pain rising", included: true }, { key: "comment", title: "Comment", text: "left out", included: false }] },
  ],
  generatedAt: "2026-03-07T00:00:00.000Z",
};

const bundle = buildPatientBundle(input);
const resources = bundle.entry!.map((e) => e.resource!);
const ofType = <T extends fhir4.FhirResource["resourceType"]>(type: T) =>
  resources.filter((r): r is Extract<fhir4.FhirResource, { resourceType: T }> => r.resourceType === type);

describe("buildPatientBundle", () => {
  it("is a collection with one resource per stored fact", () => {
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    expect(ofType("Patient")).toHaveLength(1);
    expect(ofType("Practitioner")).toHaveLength(1);
    expect(ofType("Observation")).toHaveLength(6);
    expect(ofType("RiskAssessment")).toHaveLength(input.evaluation.flags.length);
    expect(ofType("ServiceRequest")).toHaveLength(2);
    expect(ofType("Condition")).toHaveLength(1);
  });

  it("uses urn:uuid fullUrls and every reference resolves inside the bundle", () => {
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const e of bundle.entry!) expect(e.fullUrl).toBe(`urn:uuid:${e.resource!.id}`);
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(fullUrls.has(r.slice('"reference":"'.length, -1))).toBe(true);
  });

  it("maps the patient with the MRN system of the clinic and the gender", () => {
    const [p] = ofType("Patient");
    expect(p!.identifier![0]).toMatchObject({ system: `urn:gait-dashboard:mrn:${CLINIC_ID}`, value: "MRN-1" });
    expect(p!.gender).toBe("female");
    expect(p!.birthDate).toBe("1980-05-17");
    expect(p!.name![0]).toMatchObject({ family: "Lovelace", given: ["Ada"] });
  });

  it("codes pain with LOINC 72514-3, body site and laterality; other measures locally with UCUM units", () => {
    const obs = ofType("Observation");
    const heel = obs.find((o) => o.id === "a0000000-0000-4000-8000-000000000002")!;
    expect(heel.code.coding![0]).toMatchObject({ system: "http://loinc.org", code: "72514-3" });
    expect(heel.code.coding![1]).toMatchObject({ system: "urn:gait-dashboard:measure", code: "pain_heel_nprs" });
    expect(heel.bodySite!.coding![0]).toMatchObject({ system: "http://snomed.info/sct", code: "76853006" });
    expect(heel.bodySite!.extension![0]!.valueCodeableConcept!.coding![0]).toMatchObject({ system: "http://snomed.info/sct", code: "7771000" });
    expect(heel.extension).toEqual([
      { url: "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality", valueCodeableConcept: { coding: [expect.objectContaining({ system: "http://snomed.info/sct", code: "7771000" })] } },
    ]);
    expect(heel.valueQuantity).toEqual({ value: 6, unit: "0-10", system: "http://unitsofmeasure.org", code: "{score}" });
    expect(heel.category![0]!.coding![0]!.code).toBe("survey");

    const df = obs.find((o) => o.id === "a0000000-0000-4000-8000-000000000004")!;
    expect(df.code.coding).toEqual([expect.objectContaining({ system: "urn:gait-dashboard:measure", code: "ankle_df_nwb_ext_deg" })]);
    expect(df.valueQuantity).toMatchObject({ value: 7.5, system: "http://unitsofmeasure.org", code: "deg" });
    expect(df.effectiveDateTime).toBe("2026-03-05T09:00:00.000Z");
    expect(df.performer).toEqual([{ reference: `urn:uuid:${RATER_ID}` }]);
    expect(df.method).toEqual({ text: "goniometer" });
    expect(df.status).toBe("final");

    const speed = obs.find((o) => o.id === "a0000000-0000-4000-8000-000000000006")!;
    expect(speed.valueQuantity).toMatchObject({ value: 1.15, code: "m/s" });
    expect(speed.bodySite).toBeUndefined();
    const back = obs.find((o) => o.id === "a0000000-0000-4000-8000-000000000005")!;
    expect(back.bodySite!.extension).toBeUndefined();
  });

  it("gives each active flag a RiskAssessment with the rule id and its observations as basis", () => {
    const flag = input.evaluation.flags.find((f) => f.id === "DF_NWB_LIMITED")!;
    expect(flag).toBeDefined();
    const risk = ofType("RiskAssessment").find((r) => r.id === riskAssessmentId(PATIENT_ID, flag))!;
    expect(risk.method!.coding![0]).toMatchObject({ system: "urn:gait-dashboard:rule", code: "DF_NWB_LIMITED" });
    expect(risk.basis).toEqual([{ reference: "urn:uuid:a0000000-0000-4000-8000-000000000004" }]);
    expect(risk.prediction![0]!.qualitativeRisk!.coding![0]!.code).toBe("low") // rules v2: limited dorsiflexion is a low heel flag;
    expect(risk.note!.map((n) => n.text).join(" ")).toContain("Riddle");
    expect(risk.occurrenceDateTime).toBe("2026-03-05T09:00:00.000Z");
  });

  it("codes referrals as SNOMED 103695009 with status and priority from the note", () => {
    const [old, current] = ofType("ServiceRequest");
    expect(current!.code!.coding![0]).toMatchObject({ system: "http://snomed.info/sct", code: "103695009" });
    expect(current!.status).toBe("active");
    expect(current!.priority).toBe("asap");
    expect(current!.intent).toBe("order");
    expect(current!.replaces).toEqual([{ reference: `urn:uuid:${OLD_REFERRAL_ID}` }]);
    expect(current!.note![0]!.text).toContain("Back pain rising");
    expect(current!.note![0]!.text).not.toContain("left out");
    expect(current!.reasonReference![0]!.reference).toBe(`urn:uuid:${conditionId(PATIENT_ID)}`);
    expect(old!.status).toBe("revoked");
    expect(old!.priority).toBe("routine");
  });

  it("gives every ServiceRequest coded reasons: plantar fasciitis, and low-back pain when the back has a flag", () => {
    const [, current] = ofType("ServiceRequest");
    const codes = current!.reasonCode!.map((c) => c.coding?.[0]?.code);
    expect(codes[0]).toBe("M72.2");
    // Back pain 1 → 4/10 fires the back flags in this history.
    expect(input.evaluation.regions.back.level).not.toBe("none");
    expect(codes).toContain("M54.50");
    expect(current!.reasonReference!.length).toBeGreaterThan(1);
  });

  it("maps the emergency urgency to FHIR priority stat", () => {
    const emergency = buildPatientBundle({ ...input, referrals: [{ ...input.referrals[1]!, supersedesId: null, urgency: "emergency" }] });
    const sr = emergency.entry!.map((e) => e.resource!).find((r) => r.resourceType === "ServiceRequest") as fhir4.ServiceRequest;
    expect(sr.priority).toBe("stat");
  });

  it("records plantar fasciitis as ICD-10-CM M72.2 on both heels", () => {
    const [c] = ofType("Condition");
    expect(c!.code!.coding![0]).toMatchObject({ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "M72.2" });
    expect(c!.bodySite!.map((b) => b.extension![0]!.valueCodeableConcept!.coding![0]!.code)).toEqual(["7771000", "24028007"]);
  });
});
