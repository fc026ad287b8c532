// The patient page's reads: visit summaries (values counted, not loaded) and latestValues (each
// (code, side)'s latest and previous value with dates), both clinic-scoped, deleted visits left out.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/app-errors";
import { amendAssessment, deleteAssessment, recordAssessment } from "@/lib/assessments/mutations";
import { latestValues, readVisitSummaries } from "@/lib/assessments/summaries";
import { actorFor, createClinicWithActor, createPatient, createUser } from "./factories";

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, 1 + day, hour)).toISOString();

describe(`patient page reads on ${process.env.TEST_DB_KIND}`, () => {
  it("lists visit summaries with value counts and who amended or deleted them", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const admin = actorFor(await createUser(clinic.id, { role: "admin" }));
    const patient = await createPatient(clinic.id);
    const a = await recordAssessment(actor, patient.id, {
      takenAt: at(0),
      measures: [
        { code: "pain_heel_nprs", side: "left", value: 6 },
        { code: "pain_heel_nprs", side: "right", value: 2 },
      ],
      redFlags: ["rf_fever"],
      notes: "first",
    });
    const b = await recordAssessment(actor, patient.id, { takenAt: at(7), measures: [{ code: "pain_heel_nprs", side: "left", value: 4 }], redFlags: [] });
    await amendAssessment(admin, a.id, { measures: [{ code: "pain_heel_nprs", side: "left", value: 5 }], redFlags: [], reason: "typo in the form" });
    await deleteAssessment(actor, b.id, { reason: "wrong patient" });

    const shown = await readVisitSummaries(clinic.id, patient.id);
    expect(shown.map((v) => [v.id, v.valueCount, v.amendedBy?.id, v.amendReason])).toEqual([[a.id, 1, admin.userId, "typo in the form"]]);
    const all = await readVisitSummaries(clinic.id, patient.id, { includeDeleted: true });
    expect(all.map((v) => v.id)).toEqual([a.id, b.id]);
    expect(all[1]).toMatchObject({ deletedBy: { id: actor.userId }, deleteReason: "wrong patient", valueCount: 1, takenAt: at(7), notes: null });
    expect(all[0]).toMatchObject({ notes: "first", redFlags: [], rater: { id: actor.userId, name: "Test Clinician" } });
    expect(await readVisitSummaries((await createClinicWithActor()).clinic.id, patient.id, { includeDeleted: true })).toEqual([]);
  });

  it("gives each measure's latest and previous value with their dates", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const patient = await createPatient(clinic.id);
    expect(await latestValues(actor, patient.id)).toEqual([]);
    const v1 = await recordAssessment(actor, patient.id, { takenAt: at(0), measures: [{ code: "pain_heel_nprs", side: "left", value: 7 }, { code: "body_mass_kg", side: "none", value: 80 }], redFlags: [] });
    const v2 = await recordAssessment(actor, patient.id, { takenAt: at(5), measures: [{ code: "pain_heel_nprs", side: "left", value: 5, method: "verbal" }], redFlags: [] });
    // Recorded later but taken earlier: not the latest.
    await recordAssessment(actor, patient.id, { takenAt: at(2), measures: [{ code: "pain_heel_nprs", side: "left", value: 6 }], redFlags: [] });
    const v4 = await recordAssessment(actor, patient.id, { takenAt: at(9), measures: [{ code: "pain_heel_nprs", side: "left", value: 1 }], redFlags: [] });
    await deleteAssessment(actor, v4.id, { reason: "entered twice" });

    const values = await latestValues(actor, patient.id);
    const byKey = Object.fromEntries(values.map((v) => [`${v.code}:${v.side}`, v]));
    expect(Object.keys(byKey).sort()).toEqual(["body_mass_kg:none", "pain_heel_nprs:left"]);
    expect(byKey["pain_heel_nprs:left"]).toEqual({
      code: "pain_heel_nprs",
      side: "left",
      latest: { value: 5, method: "verbal", takenAt: at(5), assessmentId: v2.id },
      previous: { value: 6, method: null, takenAt: at(2), assessmentId: expect.any(String) },
    });
    expect(byKey["body_mass_kg:none"]).toEqual({ code: "body_mass_kg", side: "none", latest: { value: 80, method: null, takenAt: at(0), assessmentId: v1.id }, previous: null });

    const other = await createClinicWithActor();
    await expect(latestValues(other.actor, patient.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(latestValues(actor, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
