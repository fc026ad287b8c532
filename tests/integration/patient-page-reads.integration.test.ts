// The patient page's reads: visit summaries (values counted, not loaded), latestValues (each
// (code, side)'s latest and previous value with dates), the patient, its treatments, clinical
// history and access list (each one statement, users named within the clinic); all clinic-scoped.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/app-errors";
import { amendAssessment, deleteAssessment, recordAssessment } from "@/lib/assessments/mutations";
import { latestValues, readVisitSummaries } from "@/lib/assessments/summaries";
import { recordAccessFor } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { getPatient } from "@/lib/patients/queries";
import { readPatientHistory } from "@/lib/patients/history/queries";
import { readPatientTreatments } from "@/lib/treatments/queries";
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

  it("reads the patient, treatments, clinical history and access list, naming users only within the clinic", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const stranger = await createUser((await createClinicWithActor()).clinic.id);
    const patient = await createPatient(clinic.id, { mrn: "PR-1" });
    expect(await getPatient(actor, patient.id)).toEqual({
      id: patient.id,
      givenName: "Test",
      familyName: patient.familyName,
      birthDate: "1980-05-17",
      sex: "female",
      heightCm: 168,
      mrn: "PR-1",
      diagnosisSide: "left",
      archived: false,
      status: "none",
      lastAssessedAt: null,
    });
    await expect(getPatient((await createClinicWithActor()).actor, patient.id)).rejects.toBeInstanceOf(NotFoundError);

    const treatment = (occurredAt: string, createdById: string, deletedAt: Date | null = null) =>
      db.treatmentEvent.create({
        data: { clinicId: clinic.id, patientId: patient.id, kind: "injection", occurredAt: new Date(occurredAt), createdById, injectionCount: 2, response: "better", deletedAt },
        select: { id: true },
      });
    const older = await treatment("2026-01-05T09:00:00.250Z", actor.userId);
    const newer = await treatment("2026-02-05T09:00:00Z", stranger.id);
    const gone = await treatment("2026-03-05T09:00:00Z", actor.userId, new Date());
    const shown = await readPatientTreatments(clinic.id, patient.id);
    expect(shown.map((t) => t.id)).toEqual([newer.id, older.id]);
    expect(shown[1]).toMatchObject({ kind: "injection", occurredAt: "2026-01-05T09:00:00.250Z", injectionCount: 2, response: "better", createdBy: { id: actor.userId, name: "Test Clinician" }, deletedAt: null, text: null });
    expect(shown[0]!.createdBy).toEqual({ id: stranger.id, name: "unknown user" });
    expect((await readPatientTreatments(clinic.id, patient.id, { includeDeleted: true })).map((t) => t.id)).toEqual([gone.id, newer.id, older.id]);

    expect((await readPatientHistory(db, clinic.id, patient.id)).updatedAt).toBeNull();
    await db.patientHistory.create({
      data: { clinicId: clinic.id, patientId: patient.id, heelPainOnsetLeft: new Date("2025-11-02"), hipPainBeforeHeel: "yes", hipPainSide: "both", diabetes: false, updatedAt: new Date("2026-01-01T10:00:00Z"), updatedById: stranger.id },
    });
    for (const [date, finding] of [["2025-12-01", "later"], ["2025-10-01", "earlier"]] as const) {
      await db.patientInvestigation.create({ data: { clinicId: clinic.id, patientId: patient.id, date: new Date(date), kind: "xray", finding } });
    }
    expect(await readPatientHistory(db, clinic.id, patient.id)).toMatchObject({
      heelPainOnset: { left: "2025-11-02", right: null },
      hipPain: { beforeHeelPain: "yes", onset: null, side: "both" },
      backPain: { beforeHeelPain: "unknown", onset: null },
      comorbidities: { diabetes: false, inflammatoryArthritis: null, neuropathy: null, other: null },
      investigations: [
        { id: expect.any(String), date: "2025-10-01", kind: "xray", finding: "earlier" },
        { id: expect.any(String), date: "2025-12-01", kind: "xray", finding: "later" },
      ],
      updatedAt: "2026-01-01T10:00:00.000Z",
      updatedBy: { id: stranger.id, name: "unknown user" },
    });
    expect((await readPatientHistory(db, (await createClinicWithActor()).clinic.id, patient.id)).updatedAt).toBeNull();

    await recordAudit(db, actor, { action: "patient.read", entityType: "Patient", entityId: patient.id });
    await recordAudit(db, { ...actorFor(stranger), clinicId: clinic.id }, { action: "patient.export", entityType: "Patient", entityId: patient.id, details: { format: "csv" } });
    const access = await recordAccessFor(actor, patient.id);
    expect(access.map((e) => [e.action, e.userName])).toEqual([["patient.export", null], ["patient.read", "Test Clinician"]]);
    expect(access[0]).toMatchObject({ userId: stranger.id, userEmail: null, entityType: "Patient", details: { via: "session", format: "csv" } });
    expect(access[1]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await recordAccessFor((await createClinicWithActor()).actor, patient.id)).toEqual([]);
  });
});
