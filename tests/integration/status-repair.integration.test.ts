// `status repair`: a stored status made stale on purpose is reported and fixed; correct ones are
// left alone (updatedAt included); the CLI command prints the count and the stale patient.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordAssessment } from "@/lib/assessments/mutations";
import { describeStale, repairStatuses } from "@/lib/patients/status-repair";
import { createClinicWithActor, createPatient } from "./factories";

const visit = (day: number, dorsiflexion: number) => ({
  takenAt: new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString(),
  measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: dorsiflexion }],
  redFlags: [],
});

describe(`status repair on ${process.env.TEST_DB_KIND}`, () => {
  it("reports the one stale patient, fixes it, and leaves the others untouched", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const stale = await createPatient(clinic.id, { familyName: "Stale" });
    const fine = await createPatient(clinic.id, { familyName: "Fine" });
    for (const p of [stale, fine]) {
      await recordAssessment(actor, p.id, visit(0, 15));
      await recordAssessment(actor, p.id, visit(7, -5)); // severe limitation: a flag
    }
    const right = await db.patient.findUniqueOrThrow({ where: { id: stale.id }, select: { status: true, lastAssessedAt: true } });
    expect(right.status).not.toBe("none");
    // Make one stale behind the app's back (as a bulk import or a bug would).
    await db.$executeRaw`UPDATE "Patient" SET status = 'none', "lastAssessedAt" = NULL WHERE id = ${stale.id}::uuid`;
    const fineBefore = await db.patient.findUniqueOrThrow({ where: { id: fine.id } });

    const progress: number[] = [];
    const report = await repairStatuses({ batchSize: 2, onProgress: (done) => progress.push(done) });
    expect(report.stale).toBe(1);
    expect(report.checked).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(report.checked);
    expect(report.examples).toHaveLength(1);
    expect(report.examples[0]!.patientId).toBe(stale.id);
    expect(report.examples[0]!.changes.status).toEqual(["none", right.status]);
    expect(describeStale(report.examples[0]!)).toContain(`status none → ${right.status}`);

    const fixed = await db.patient.findUniqueOrThrow({ where: { id: stale.id }, select: { status: true, lastAssessedAt: true } });
    expect(fixed).toEqual(right);
    expect(await db.patient.findUniqueOrThrow({ where: { id: fine.id } })).toEqual(fineBefore);

    const again = await repairStatuses();
    expect(again.stale).toBe(0);
  });
});
