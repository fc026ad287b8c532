// The referral note's PDF fetched from its route (issue 19): for the demo's back-pain case, two
// pages before the appendix, page one holding the question, the chronology and the key findings,
// a spine referral leading with a back flag, the metadata naming the referring clinician; and for
// a 300-visit patient, charts of at most 12 months (at most the last 20 visits).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import * as createRoute from "@/app/api/v1/patients/[id]/referrals/route";
import * as pdfRoute from "@/app/api/v1/referrals/[id]/pdf/route";
import * as historyRoute from "@/app/api/v1/patients/[id]/history/route";
import { db } from "@/lib/db/client";
import { generateDemoPatients } from "@/lib/seed/generate";
import { syntheticPatient } from "@/lib/seed/synthetic";
import { callRoute, clinicUserWithToken, patientWithHistory, type StoredVisit } from "./referral-fixtures";

const kind = process.env.TEST_DB_KIND;
let home: Awaited<ReturnType<typeof clinicUserWithToken>>;

const QUESTION = "Is the low-back pain mechanical or radicular, and is lumbar imaging needed before we progress loading?";

async function pdfOf(referralId: string) {
  const res = await callRoute(pdfRoute.GET, "GET", { token: home.token, id: referralId });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  return { pages: text.pages.map((p) => p.text.replace(/\s+/g, " ")), info: info.info as Record<string, string> };
}

beforeAll(async () => {
  home = await clinicUserWithToken();
});

describe(`the referral PDF from its route on ${kind}`, () => {
  let backPainId: string;
  let patientName: string;

  beforeAll(async () => {
    // The demo's back-pain case (Robert Nakamura's visits as the demo seed makes them).
    const demo = generateDemoPatients(new Date()).find((p) => p.familyName === "Nakamura")!;
    const visits: StoredVisit[] = demo.visits.map((v) => ({ takenAt: v.takenAt.toISOString(), redFlags: v.redFlags, measures: v.measures }));
    const p = await patientWithHistory(home.clinic.id, home.user.id, visits, { diagnosisSide: "left" });
    patientName = `${p.givenName} ${p.familyName}`;
    const res = await callRoute(createRoute.POST, "POST", {
      token: home.token,
      id: p.id,
      json: { specialty: "spine", urgency: "soon", question: QUESTION, differentialsExcluded: ["calcaneal_stress_fracture", "fat_pad_syndrome"] },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.differentialsExcluded).toEqual(["calcaneal_stress_fracture", "fat_pad_syndrome"]);
    backPainId = body.id;
  });

  it("is at most two pages before the appendix, which starts a page of its own", async () => {
    const { pages } = await pdfOf(backPainId);
    const appendix = pages.findIndex((t) => t.includes("Appendix: evidence for each flag"));
    expect(appendix).toBeGreaterThan(0);
    expect(appendix).toBeLessThanOrEqual(2);
    expect(pages[appendix]!.trimStart().startsWith("Appendix: evidence for each flag")).toBe(true);
    expect(pages.slice(0, appendix).some((t) => t.includes("Appendix"))).toBe(false);
  });

  it("holds the question, the chronology and the key-findings table on page one", async () => {
    const one = (await pdfOf(backPainId)).pages[0]!;
    expect(one).toContain(QUESTION);
    expect(one).toContain("Chronology");
    expect(one).toMatch(/Low-back pain present from the first assessment/);
    expect(one).toMatch(/Under our care since \d+ \w{3} \d{4} \(\d+ months?\); 7 visits/);
    expect(one).toContain("Key findings: latest against baseline");
    expect(one).toContain("Finding Baseline Latest Change Trend MCID");
    expect(one).toMatch(/Oswestry \(ODI\) 12 % \(.+?\) 28 % \(.+?\) \+16 points important change, worse 10 points/);
    expect(one).toContain("Differentials excluded: Calcaneal stress fracture; Fat-pad syndrome.");
    expect(one).toContain("Orthoses custom orthoses, 3 mm medial post");
  });

  it("leads a spine referral with a back flag, then the red-flag screen item by item", async () => {
    const text = (await pdfOf(backPainId)).pages.join(" ");
    const flags = text.slice(text.indexOf("Flags for this referral"));
    expect(flags).toMatch(/^Flags for this referral Low-back flags • (Low-back pain|Oswestry Disability Index)/);
    expect(flags).toContain("☐ not ticked: Possible cauda equina syndrome (emergency)");
    expect(flags.indexOf("Red-flag screen of")).toBeGreaterThan(flags.indexOf("• "));
  });

  it("names the referring clinician as Author and titles the document patient, specialty, date", async () => {
    const { info } = await pdfOf(backPainId);
    expect(info.Author).toBe("Dr Ada Referrer");
    expect(info.Title).toMatch(new RegExp(`^Referral: ${patientName}, Spine service, \\d+ \\w{3} \\d{4}$`));
  });

  it("reads the patient's recorded history and treatment courses into page one", async () => {
    const visits: StoredVisit[] = [
      { takenAt: "2026-06-01T09:00:00Z", measures: [{ code: "pain_heel_nprs", side: "left", value: 6 }, { code: "pain_back_nprs", side: "none", value: 3 }] },
      { takenAt: "2026-08-01T09:00:00Z", measures: [{ code: "pain_heel_nprs", side: "left", value: 5 }, { code: "pain_back_nprs", side: "none", value: 4 }] },
    ];
    const p = await patientWithHistory(home.clinic.id, home.user.id, visits, { diagnosisSide: "left" });
    const put = await callRoute(historyRoute.PUT, "PUT", {
      token: home.token,
      id: p.id,
      json: {
        heelPainOnset: { left: "2026-03-01" },
        backPain: { beforeHeelPain: "yes", onset: "2025-10-01" },
        comorbidities: { diabetes: true, inflammatoryArthritis: false },
        medications: "metformin 500 mg twice daily",
        investigations: [{ date: "2026-05-20", kind: "ultrasound", finding: "plantar fascia 5.8 mm on the left" }],
      },
    });
    expect(put.status).toBe(200);
    await db.treatmentEvent.create({
      data: {
        clinicId: home.clinic.id,
        patientId: p.id,
        kind: "injection",
        occurredAt: new Date("2026-07-01T10:00:00Z"),
        dose: "1 ml",
        injectionAgent: "corticosteroid",
        injectionCount: 1,
        response: "worse",
        createdById: home.user.id,
      },
    });
    const res = await callRoute(createRoute.POST, "POST", { token: home.token, id: p.id, json: { specialty: "spine", urgency: "routine", question: "Back first?" } });
    expect(res.status).toBe(201);
    const body = await res.json();
    const section = (key: string) => body.sections.find((x: { key: string }) => x.key === key).text as string;
    expect(section("chronology")).toContain("Left heel pain since 1 Mar 2026");
    expect(section("chronology")).toContain("Low-back pain began before the heel pain (onset 1 Oct 2025).");
    expect(section("comorbidities")).toContain("Diabetes: yes; inflammatory arthritis: no; neuropathy: not recorded.");
    expect(section("comorbidities")).toContain("Medications: metformin 500 mg twice daily.");
    expect(section("imaging")).toContain("20 May 2026 | Ultrasound | plantar fascia 5.8 mm on the left");
    expect(section("treatment")).toContain("Injection: corticosteroid, 1 injection | 1 ml | from 1 Jul 2026 | worse");
    const one = (await pdfOf(body.id)).pages[0]!;
    expect(one).toContain("Low-back pain began before the heel pain (onset 1 Oct 2025).");
    expect(one).toContain("Injection: corticosteroid, 1 injection 1 ml from 1 Jul 2026 worse");
  });

  it("charts a 300-visit patient over at most the last 12 months and sums up the rest in words", async () => {
    const synthetic = syntheticPatient(3, 300, new Date(), 11);
    const patientId = randomUUID();
    await db.patient.create({
      data: { id: patientId, clinicId: home.clinic.id, givenName: "Long", familyName: `History-${patientId.slice(0, 4)}`, birthDate: new Date("1970-01-01"), sex: "female", heightCm: 165, diagnosisSide: "both" },
    });
    const assessments = synthetic.history.assessments.map((a) => ({ id: randomUUID(), a }));
    await db.assessment.createMany({
      data: assessments.map(({ id, a }) => ({ id, clinicId: home.clinic.id, patientId, raterId: home.user.id, takenAt: new Date(a.takenAt), redFlags: a.redFlags })),
    });
    await db.measureValue.createMany({
      data: assessments.flatMap(({ id, a }) => a.measures.map((m) => ({ clinicId: home.clinic.id, assessmentId: id, code: m.code, side: m.side, value: m.value }))),
    });
    const res = await callRoute(createRoute.POST, "POST", { token: home.token, id: patientId, json: { specialty: "orthopaedics", urgency: "routine", question: "Review, please." } });
    expect(res.status).toBe(201);
    const text = (await pdfOf((await res.json()).id)).pages.join(" ");
    const window = /(\d+ \w{3} \d{4}) – (\d+ \w{3} \d{4}): (\d+) visits/.exec(text);
    expect(window).not.toBeNull();
    const days = (Date.parse(window![2]!) - Date.parse(window![1]!)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(366);
    expect(Number(window![3])).toBeLessThanOrEqual(20);
    expect(text).toMatch(/Earlier history Before \d+ \w{3} \d{4}: 280 earlier visits from/);
  });
});
