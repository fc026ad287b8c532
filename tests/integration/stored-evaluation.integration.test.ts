// The stored evaluation (Patient.evaluation + status + rulesVersion) equals a fresh evaluation of
// the history after every write that changes an input of the engine, is what the flags API and
// the referral context serve, and is recomputed when it was produced by other rules.
// The fresh evaluation here reads the history through the ORM (not lib/patients/history-read), so
// a fault in the one-statement read shows as a difference.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import { evaluate } from "@/lib/clinical/evaluate";
import { STORED_EVALUATION_VERSION } from "@/lib/clinical/rules-version";
import type { MeasureCode, RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { amendAssessment, deleteAssessment, recordAssessment, restoreAssessment } from "@/lib/assessments/mutations";
import { getPatientFlags } from "@/lib/assessments/queries";
import { createPatient as createPatientAsUser, updatePatient } from "@/lib/patients/mutations";
import { loadReferralContext } from "@/lib/referrals/queries";
import { recomputeOutdatedEvaluations, repairStatuses } from "@/lib/patients/status-repair";
import { visitChanges } from "@/lib/caseload/changes";
import { actorFor, createClinicWithActor, createPatient, createUser } from "./factories";

async function ormHistory(patientId: string): Promise<PatientHistory> {
  const p = await db.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      heightCm: true,
      sex: true,
      birthDate: true,
      assessments: {
        where: { deletedAt: null },
        orderBy: [{ takenAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { takenAt: true, redFlags: true, measures: { select: { code: true, side: true, value: true, method: true } } },
      },
    },
  });
  return {
    patient: { heightCm: p.heightCm, sex: p.sex, birthDate: p.birthDate.toISOString().slice(0, 10) },
    assessments: p.assessments.map((a) => ({
      takenAt: a.takenAt.toISOString(),
      redFlags: a.redFlags as RedFlagCode[],
      measures: a.measures.map((m) => ({ code: m.code as MeasureCode, side: m.side, value: m.value, ...(m.method ? { method: m.method } : {}) })),
    })),
  };
}

const stored = (id: string) =>
  db.patient.findUniqueOrThrow({
    where: { id },
    select: { status: true, lastAssessedAt: true, visitChanges: true, evaluation: true, rulesVersion: true },
  });

/** The stored columns equal what a fresh evaluation of the committed history gives. */
async function expectStoredIsFresh(patientId: string): Promise<Evaluation> {
  const history = await ormHistory(patientId);
  const fresh = evaluate(history);
  const row = await stored(patientId);
  expect(row.rulesVersion).toBe(STORED_EVALUATION_VERSION);
  expect(row.evaluation).toEqual(JSON.parse(JSON.stringify(fresh)));
  expect(row.status).toBe(fresh.status);
  expect(row.lastAssessedAt?.toISOString() ?? null).toBe(history.assessments.at(-1)?.takenAt ?? null);
  expect(row.visitChanges).toEqual(JSON.parse(JSON.stringify(visitChanges(history, fresh))));
  return fresh;
}

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day, 9, 30)).toISOString();

describe(`stored evaluation on ${process.env.TEST_DB_KIND}`, () => {
  it("follows every write that changes an input of the engine", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const admin = actorFor(await createUser(clinic.id, { role: "admin" }));

    const patient = await createPatientAsUser(actor, {
      givenName: "Stored",
      familyName: "Evaluation",
      birthDate: "1975-02-03",
      sex: "female",
      heightCm: 170,
      diagnosisSide: "left",
    });
    expect((await expectStoredIsFresh(patient.id)).status).toBe("none");

    const first = await recordAssessment(actor, patient.id, {
      takenAt: at(0),
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 14 },
        { code: "pain_hip_nprs", side: "left", value: 2, method: "verbal" },
        { code: "body_mass_kg", side: "none", value: 84 },
      ],
      redFlags: [],
    });
    await expectStoredIsFresh(patient.id);
    const second = await recordAssessment(actor, patient.id, {
      takenAt: at(14),
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: -4 },
        { code: "pain_hip_nprs", side: "left", value: 6 },
        { code: "body_mass_kg", side: "none", value: 85.5 },
      ],
      redFlags: [],
    });
    const flagged = await expectStoredIsFresh(patient.id);
    expect(flagged.flags.map((f) => f.id)).toContain("DF_NWB_SEVERE");

    // Height: BMI 85.5 / 1.7² = 29.6 (no flag) → 85.5 / 1.6² = 33.4 (BMI_HIGH).
    expect(flagged.flags.map((f) => f.id)).not.toContain("BMI_HIGH");
    await updatePatient(actor, patient.id, { heightCm: 160 });
    expect((await expectStoredIsFresh(patient.id)).flags.map((f) => f.id)).toContain("BMI_HIGH");
    await updatePatient(actor, patient.id, { birthDate: "1976-02-03", sex: "male" });
    await expectStoredIsFresh(patient.id);

    await amendAssessment(actor, second.id, {
      measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 12 }],
      redFlags: ["rf_fever"], // an urgent-tier item: refer (night pain alone is review tier)
      reason: "transcription error",
    });
    expect((await expectStoredIsFresh(patient.id)).status).toBe("refer");

    await deleteAssessment(actor, second.id, { reason: "wrong patient" });
    expect((await expectStoredIsFresh(patient.id)).status).not.toBe("refer");
    await restoreAssessment(admin, second.id);
    expect((await expectStoredIsFresh(patient.id)).status).toBe("refer");
    await deleteAssessment(actor, first.id, { reason: "duplicate" });
    await expectStoredIsFresh(patient.id);

    // The readers serve the stored evaluation.
    const fresh = await expectStoredIsFresh(patient.id);
    expect(await getPatientFlags(actor, patient.id)).toEqual(JSON.parse(JSON.stringify(fresh)));
    // Byte for byte, key order included: the API answers as the engine's own output would.
    expect(JSON.stringify(await getPatientFlags(actor, patient.id))).toBe(JSON.stringify(fresh));
    expect((await loadReferralContext(db, actor, patient.id)).evaluation).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it("is what the flags API and the referral context read, unless other rules stored it", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const patient = await createPatientAsUser(actor, { givenName: "A", familyName: "B", birthDate: "1980-01-01", sex: "female", heightCm: 165, diagnosisSide: "right" });
    await recordAssessment(actor, patient.id, { takenAt: at(0), measures: [{ code: "ankle_df_nwb_ext_deg", side: "right", value: -5 }], redFlags: [] });
    const fresh = await expectStoredIsFresh(patient.id);
    // A marked stored evaluation of the current rules is served as it is (proof that it is read)…
    const marked = { ...JSON.parse(JSON.stringify(fresh)), status: "low", flags: [] };
    await db.patient.update({ where: { id: patient.id }, data: { evaluation: marked } });
    expect(await getPatientFlags(actor, patient.id)).toEqual(marked);
    expect((await loadReferralContext(db, actor, patient.id)).evaluation).toEqual(marked);
    // …and one from other rules is not: the history is evaluated afresh.
    // (2: what evaluations were stored with before engine revisions were counted.)
    await db.patient.update({ where: { id: patient.id }, data: { rulesVersion: 2 } });
    expect(await getPatientFlags(actor, patient.id)).toEqual(fresh);
    expect((await loadReferralContext(db, actor, patient.id)).evaluation).toEqual(fresh);
    // Another clinic's patient stays invisible.
    const other = await createClinicWithActor();
    await expect(getPatientFlags(other.actor, patient.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(clinic.id).not.toBe(other.clinic.id);
  });

  it("recomputes, in batches with progress, every patient stored by other rules or never stored", async () => {
    await recomputeOutdatedEvaluations(); // the other tests' patients: current from here on
    const { clinic, actor } = await createClinicWithActor();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await createPatientAsUser(actor, { givenName: "V", familyName: `P${i}`, birthDate: "1970-01-01", sex: "male", heightCm: 180, diagnosisSide: "both" });
      await recordAssessment(actor, p.id, { takenAt: at(i), measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: i * 3 - 4 }], redFlags: [] });
      ids.push(p.id);
    }
    // Rows written by an older engine (a rules upgrade), with a verdict it no longer gives…
    await db.$executeRaw`UPDATE "Patient" SET "rulesVersion" = ${STORED_EVALUATION_VERSION - 1}, evaluation = '{"status":"none"}'::jsonb, status = 'none'
                         WHERE id = ANY(${ids.slice(0, 3)}::uuid[])`;
    // …and a row from before the stored evaluation (no evaluation at all).
    const legacy = await createPatient(clinic.id);
    await recordAssessment(actor, legacy.id, { takenAt: at(1), measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: -6 }], redFlags: [] });
    await db.$executeRaw`UPDATE "Patient" SET "rulesVersion" = NULL, evaluation = NULL WHERE id = ${legacy.id}::uuid`;
    const untouched = await db.patient.findUniqueOrThrow({ where: { id: ids[4]! } });

    const progress: [number, number][] = [];
    const report = await recomputeOutdatedEvaluations({ batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(report.checked).toBe(4);
    expect(progress).toEqual([
      [2, 4],
      [4, 4],
    ]);
    for (const id of [...ids, legacy.id]) await expectStoredIsFresh(id);
    // The patients that were current are not rewritten.
    expect(await db.patient.findUniqueOrThrow({ where: { id: ids[4]! } })).toEqual(untouched);
    expect((await recomputeOutdatedEvaluations()).checked).toBe(0);
  });

  it("status repair finds and fixes a stored evaluation that differs from the engine's", async () => {
    const { actor } = await createClinicWithActor();
    const p = await createPatientAsUser(actor, { givenName: "R", familyName: "Repair", birthDate: "1990-06-01", sex: "other", heightCm: 175, diagnosisSide: "left" });
    await recordAssessment(actor, p.id, { takenAt: at(0), measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: -5 }], redFlags: [] });
    const fresh = await expectStoredIsFresh(p.id);
    await db.patient.update({ where: { id: p.id }, data: { evaluation: { ...JSON.parse(JSON.stringify(fresh)), flags: [] } } });
    const report = await repairStatuses({ keep: 100 });
    const mine = report.examples.find((e) => e.patientId === p.id);
    expect(Object.keys(mine?.changes ?? {})).toEqual(["evaluation"]);
    await expectStoredIsFresh(p.id);
    expect((await repairStatuses()).stale).toBe(0);
  });
});
