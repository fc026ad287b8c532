// Questionnaires scored from item answers through POST/GET /api/v1/patients/{id}/assessments and
// the correction PATCH /api/v1/assessments/{id} (contract section 3, clinical/measures.md).
import { beforeAll, describe, expect, it } from "vitest";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import { db } from "@/lib/db/client";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient } from "./factories";

const kind = process.env.TEST_DB_KIND;

let home: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
});

const post = (patientId: string, json: unknown) => call(assessmentsRoute.POST, "POST", `/patients/${patientId}/assessments`, { token: home.token, id: patientId, json });
const list = (patientId: string) => call(assessmentsRoute.GET, "GET", `/patients/${patientId}/assessments`, { token: home.token, id: patientId });
const amend = (id: string, json: unknown) => call(assessmentRoute.PATCH, "PATCH", `/assessments/${id}`, { token: home.token, id, json });

const filled = (n: number, value: number | null) => Array.from({ length: n }, () => value);
// FAAM ADL: 20 answered (one N/A), sum 73 of 80 → 91.25 → 91.3 %
const adl = [...filled(13, 4), ...filled(7, 3), null];
const psfs = { instrument: "psfs", activities: [{ name: "climbing stairs", score: 6 }, { name: "running", score: 2 }, { name: "standing at work", score: 5 }] };

function visit(extra: Record<string, unknown>) {
  return { takenAt: "2026-03-01T09:30:00Z", measures: [{ code: "pain_heel_nprs", side: "left", value: 6 }], redFlags: [], ...extra };
}

describe(`questionnaires on ${kind}`, () => {
  it("scores every instrument, returns the answers and the scores among measures, and GET shows the same", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(
      patient.id,
      visit({
        footwear: "work_boots",
        measures: [{ code: "pain_heel_nprs", side: "left", value: 6 }, { code: "odi_percent", side: "none", value: 22 }],
        questionnaires: [
          { instrument: "faam_adl", answers: adl },
          { instrument: "faam_sports", answers: [4, 4, 3, 3, 2, 2, 2, null] },
          { instrument: "lefs", answers: [...filled(10, 3), ...filled(10, 2)] },
          psfs,
        ],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.footwear).toBe("work_boots");
    expect(created.body.measures).toEqual(
      expect.arrayContaining([
        { code: "odi_percent", side: "none", value: 22, method: "total entered" },
        { code: "faam_adl_percent", side: "none", value: 91.3, method: "item answers" },
        { code: "faam_sports_percent", side: "none", value: 71.4, method: "item answers" },
        { code: "lefs_score", side: "none", value: 50, method: "item answers" },
        { code: "psfs_mean", side: "none", value: 4.3, method: "item answers" },
      ]),
    );
    expect(created.body.questionnaires).toEqual([
      { instrument: "faam_adl", answers: adl, code: "faam_adl_percent", value: 91.3 },
      { instrument: "faam_sports", answers: [4, 4, 3, 3, 2, 2, 2, null], code: "faam_sports_percent", value: 71.4 },
      { instrument: "lefs", answers: [...filled(10, 3), ...filled(10, 2)], code: "lefs_score", value: 50 },
      { instrument: "psfs", activities: psfs.activities, code: "psfs_mean", value: 4.3 },
    ]);
    const [listed] = (await list(patient.id)).body;
    expect(listed).toEqual(created.body);
  });

  it("keeps a directly typed total, marked total entered", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(patient.id, visit({ measures: [{ code: "faam_adl_percent", side: "none", value: 80.5 }] }));
    expect(created.status).toBe(201);
    expect(created.body.measures).toEqual([{ code: "faam_adl_percent", side: "none", value: 80.5, method: "total entered" }]);
    expect(created.body.questionnaires).toEqual([]);
  });

  it("answers 400 naming the field for each bad questionnaire and stores nothing", async () => {
    const patient = await createPatient(home.clinic.id);
    const before = await countClinicRows(home.clinic.id);
    const outOfRange = filled(21, 4);
    outOfRange[5] = 7;
    const cases: [unknown, { path: string; message?: string }[]][] = [
      [{ questionnaires: [{ instrument: "faam_adl", answers: outOfRange }] }, [{ path: "questionnaires[0].answers[5]", message: "7 is outside 0..4" }]],
      [{ questionnaires: [{ instrument: "faam_adl", answers: filled(20, 4) }] }, [{ path: "questionnaires[0].answers", message: "FAAM ADL has 21 items: send exactly 21 answers (null = N/A), not 20" }]],
      [
        { questionnaires: [psfs, { instrument: "faam_adl", answers: [...filled(18, 4), null, null, null] }] },
        [{ path: "questionnaires[1].answers", message: "18 of 21 items answered: FAAM ADL needs at least 19 to be scored" }],
      ],
      [{ questionnaires: [{ instrument: "faam_adl", answers: filled(21, null) }] }, [{ path: "questionnaires[0].answers" }]],
      [{ questionnaires: [{ instrument: "lefs", answers: [...filled(19, 2), null] }] }, [{ path: "questionnaires[0].answers[19]" }]],
      [{ questionnaires: [{ instrument: "psfs", activities: psfs.activities.slice(0, 2) }] }, [{ path: "questionnaires[0].activities", message: "PSFS needs 3 to 5 activities, not 2" }]],
      [
        { measures: [{ code: "faam_adl_percent", side: "none", value: 90 }], questionnaires: [{ instrument: "faam_adl", answers: adl }] },
        [{ path: "measures[0]", message: "faam_adl_percent is scored from the item answers in questionnaires[0] (91.3): send the answers or the total, not both" }],
      ],
      [{ questionnaires: [{ instrument: "odi", answers: [] }, { instrument: "lefs", answers: filled(20, 1), activities: [] }] }, [{ path: "questionnaires[0].instrument" }, { path: "questionnaires[1].activities" }]],
      [{ questionnaires: [psfs, psfs] }, [{ path: "questionnaires[1].instrument" }]],
      [{ questionnaires: "faam" }, [{ path: "questionnaires" }]],
      [{ footwear: "sandals" }, [{ path: "footwear" }]],
    ];
    for (const [extra, expected] of cases) {
      const answer = await post(patient.id, visit(extra as Record<string, unknown>));
      expect(answer.status, JSON.stringify(extra)).toBe(400);
      expect(answer.body.error).toBe("validation");
      expect(answer.body.issues).toEqual(expected.map((e) => expect.objectContaining(e)));
    }
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
    expect(await db.questionnaireResponse.count({ where: { clinicId: home.clinic.id, assessment: { patientId: patient.id } } })).toBe(0);
  });

  it("amends the answers with the visit: kept when absent, replaced when sent, removed with []", async () => {
    const patient = await createPatient(home.clinic.id);
    const created = await post(patient.id, visit({ questionnaires: [{ instrument: "faam_adl", answers: adl }, psfs], footwear: "minimal" }));
    expect(created.status).toBe(201);
    const id = created.body.id;

    // The visit as GET returned it, sent back with a changed pain value: answers and scores stay.
    const kept = await amend(id, { reason: "pain typo", measures: created.body.measures.map(({ method, ...m }: { code: string; method: string | null }) => ({ ...m, ...(method ? { method } : {}), ...(m.code === "pain_heel_nprs" ? { value: 5 } : {}) })), redFlags: [] });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.questionnaires).toEqual(created.body.questionnaires);
    expect(kept.body.measures).toContainEqual({ code: "faam_adl_percent", side: "none", value: 91.3, method: "item answers" });
    expect(kept.body.footwear).toBe("minimal");

    const replaced = await amend(id, {
      reason: "item 21 was answered",
      measures: [{ code: "pain_heel_nprs", side: "left", value: 5 }],
      redFlags: [],
      footwear: null,
      questionnaires: [{ instrument: "faam_adl", answers: [...adl.slice(0, 20), 4] }],
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    // 21 answered: 77 of 84 = 91.666… → 91.7; the PSFS was not sent again, so it is removed
    expect(replaced.body.questionnaires).toEqual([{ instrument: "faam_adl", answers: [...adl.slice(0, 20), 4], code: "faam_adl_percent", value: 91.7 }]);
    expect(replaced.body.measures.filter((m: { method: string }) => m.method === "item answers")).toEqual([
      { code: "faam_adl_percent", side: "none", value: 91.7, method: "item answers" },
    ]);
    expect(replaced.body.footwear).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { entityId: id, action: "assessment.amend" }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audit!.details).toMatchObject({ original: { questionnaires: [{ value: 91.3 }, { instrument: "psfs" }] }, amended: { questionnaires: [{ value: 91.7 }] } });

    const conflict = await amend(id, { reason: "typed total", measures: [{ code: "faam_adl_percent", side: "none", value: 50 }], redFlags: [] });
    expect(conflict.status).toBe(400);
    expect(conflict.body.issues[0].path).toBe("measures[0]");

    const removed = await amend(id, { reason: "wrong patient's form", measures: [], redFlags: [], questionnaires: [] });
    expect(removed.status).toBe(200);
    expect(removed.body.questionnaires).toEqual([]);
    expect(removed.body.measures).toEqual([]);
  });
});
