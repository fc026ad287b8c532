// The demo's issue-18 data (item answers, histories, footwear) and its exports: CSV files,
// FHIR (QuestionnaireResponse + score Observation, Condition onsets) and the backup's tables.
import { beforeAll, describe, expect, it } from "vitest";
import * as fhirRoute from "@/app/api/v1/patients/[id]/fhir/route";
import * as questionnairesCsvRoute from "@/app/api/v1/patients/[id]/questionnaires.csv/route";
import * as historyCsvRoute from "@/app/api/v1/patients/[id]/history.csv/route";
import * as treatmentsCsvRoute from "@/app/api/v1/patients/[id]/treatments.csv/route";
import * as treatmentsRoute from "@/app/api/v1/patients/[id]/treatments/route";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/demo";
import { scoreItemAnswers, scorePsfs } from "@/lib/questionnaires/scoring";
import { createApiTokenForEmail } from "@/lib/auth/api-tokens";

const kind = process.env.TEST_DB_KIND;
let token: string;
let robert: string;

async function text(handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, path: string, id: string) {
  const response = await handler(new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  await seedDemo(db);
  token = (await createApiTokenForEmail("demo@clinic.test", "issue 18 test")).secret;
  robert = (await db.patient.findFirstOrThrow({ where: { givenName: "Robert", familyName: "Nakamura" }, select: { id: true } })).id;
}, 180_000);

describe(`demo history and exports on ${kind}`, () => {
  it("every demo answer set scores exactly to its visit's measure value, marked item answers", async () => {
    const rows = await db.questionnaireResponse.findMany({ select: { instrument: true, answers: true, score: true, assessmentId: true } });
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.instrument))).toEqual(new Set(["faam_adl", "faam_sports", "lefs", "psfs"]));
    for (const r of rows) {
      const result = r.instrument === "psfs" ? scorePsfs(r.answers) : scoreItemAnswers(r.instrument, r.answers);
      expect(result).toMatchObject({ ok: true, value: r.score });
      const code = { faam_adl: "faam_adl_percent", faam_sports: "faam_sports_percent", lefs: "lefs_score", psfs: "psfs_mean" }[r.instrument];
      const measure = await db.measureValue.findFirstOrThrow({ where: { assessmentId: r.assessmentId, code }, select: { value: true, method: true } });
      expect(measure).toEqual({ value: r.score, method: "item answers" });
    }
  });

  it("Robert Nakamura's back pain began before his heel pain; the CSV and FHIR say so", async () => {
    const history = await db.patientHistory.findUniqueOrThrow({ where: { patientId: robert } });
    expect(history.backPainBeforeHeel).toBe("yes");
    expect(history.backPainOnset!.getTime()).toBeLessThan(history.heelPainOnsetLeft!.getTime());

    const csv = await text(historyCsvRoute.GET, `/patients/${robert}/history.csv`, robert);
    expect(csv.status).toBe(200);
    expect(csv.body.split("\r\n")[0]).toBe("record,date,field,value");
    expect(csv.body).toContain("history,,backPain.beforeHeelPain,yes\r\n");
    expect(csv.body).toMatch(/investigation,\d{4}-\d{2}-\d{2},mri,"L4-L5 disc degeneration/);
    expect(csv.body).toMatch(/visit,\d{4}-.*,footwear,work_boots\r\n/);

    const fhir = await text(fhirRoute.GET, `/patients/${robert}/fhir`, robert);
    expect(fhir.status).toBe(200);
    const bundle = JSON.parse(fhir.body) as fhir4.Bundle;
    const resources = bundle.entry!.map((e) => e.resource!);
    const conditions = resources.filter((r): r is fhir4.Condition => r.resourceType === "Condition");
    const heel = conditions.find((c) => c.code!.coding![0]!.code === "M72.2")!;
    const back = conditions.find((c) => c.code!.coding![0]!.code === "M54.50")!;
    expect(heel.onsetDateTime).toBe(history.heelPainOnsetLeft!.toISOString().slice(0, 10));
    expect(back.onsetDateTime).toBe(history.backPainOnset!.toISOString().slice(0, 10));
    expect(back.note![0]!.text).toBe("Low-back pain present before the heel pain began.");

    const responses = resources.filter((r): r is fhir4.QuestionnaireResponse => r.resourceType === "QuestionnaireResponse");
    expect(responses.length).toBeGreaterThan(0);
    const adl = responses.find((r) => r.questionnaire === "urn:gait-dashboard:questionnaire:faam_adl")!;
    expect(adl.item).toHaveLength(21);
    const score = resources.find(
      (r): r is fhir4.Observation => r.resourceType === "Observation" && (r as fhir4.Observation).derivedFrom?.[0]?.reference === `urn:uuid:${adl.id}`,
    )!;
    expect(score.code.coding![0]!.code).toBe("faam_adl_percent");
    expect(score.method!.text).toBe("item answers");
    expect(score.effectiveDateTime).toBe(adl.authored);
  });

  it("exports the item answers and the treatments with dose and response as CSV", async () => {
    const csv = await text(questionnairesCsvRoute.GET, `/patients/${robert}/questionnaires.csv`, robert);
    expect(csv.status).toBe(200);
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("takenAt,instrument,item,answer,activity,code,score");
    expect(lines.filter((l) => l.includes(",faam_adl,")).length % 21).toBe(0);
    expect(lines.filter((l) => l.includes(",lefs,")).length % 20).toBe(0);

    const created = await treatmentsRoute.POST(
      new Request(`http://localhost/api/v1/patients/${robert}/treatments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ kind: "injection", occurredAt: "2026-01-10T10:00:00Z", injectionAgent: "triamcinolone 40 mg", injectionCount: 1, dose: "1 ml", response: "worse", reviewedAt: "2026-02-01T10:00:00Z" }),
      }),
      { params: Promise.resolve({ id: robert }) },
    );
    expect(created.status).toBe(201);
    const treatments = await text(treatmentsCsvRoute.GET, `/patients/${robert}/treatments.csv`, robert);
    expect(treatments.body).toContain("occurredAt,kind,text,endedAt,dose,injectionAgent,injectionCount,response,reviewedAt\r\n");
    expect(treatments.body).toContain("2026-01-10T10:00:00.000Z,injection,,,1 ml,triamcinolone 40 mg,1,worse,2026-02-01T10:00:00.000Z\r\n");
  });
});
