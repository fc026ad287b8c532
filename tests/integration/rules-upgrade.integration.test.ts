// After a rules upgrade, start-up recomputes every stored status computed under the older rules
// (lib/patients/rules-upgrade.ts, called by scripts/start.ts) and records the new version, so no
// patient keeps a version-1 verdict; with the version current it leaves stored statuses alone.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { RULES_VERSION } from "@/lib/clinical/rules-version";
import { recordAssessment } from "@/lib/assessments/mutations";
import { recomputeStatusesIfRulesChanged, storedStatusRulesVersion } from "@/lib/patients/rules-upgrade";
import { createClinicWithActor, createPatient } from "./factories";

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString();
const statusOf = async (id: string) => (await db.patient.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe(`start-up recompute after a rules upgrade on ${process.env.TEST_DB_KIND}`, () => {
  it("corrects a status stored under rules version 1, records the version, and does nothing once current", async () => {
    const { clinic, actor } = await createClinicWithActor();
    // One dorsiflexion reading of 0°: version 1 made hip and back high; version 2 gives a
    // moderate heel flag only (Riddle's odds are of having plantar fasciitis, not hip or back trouble).
    const dorsiflexion = await createPatient(clinic.id, { familyName: "SingleZero" });
    await recordAssessment(actor, dorsiflexion.id, {
      takenAt: at(0),
      measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 0 }],
      redFlags: [],
    });
    // Night pain alone: version 1 said refer; version 2 makes it a review-tier red flag (high).
    const nightPain = await createPatient(clinic.id, { familyName: "NightPain" });
    await recordAssessment(actor, nightPain.id, { takenAt: at(0), measures: [], redFlags: ["rf_night_pain"] });
    // No value beyond any threshold: "none" under every version (a status written wrongly by hand).
    const calm = await createPatient(clinic.id, { familyName: "Calm" });
    await recordAssessment(actor, calm.id, { takenAt: at(0), measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 20 }], redFlags: [] });
    const fresh = { dorsiflexion: await statusOf(dorsiflexion.id), nightPain: await statusOf(nightPain.id) };

    // The database as the previous release left it: version-1 statuses and no version row.
    await db.$executeRaw`UPDATE "Patient" SET status = 'high' WHERE id = ${dorsiflexion.id}::uuid`;
    await db.$executeRaw`UPDATE "Patient" SET status = 'refer' WHERE id = ${nightPain.id}::uuid`;
    await db.$executeRaw`UPDATE "Patient" SET status = 'moderate' WHERE id = ${calm.id}::uuid`;
    await db.$executeRaw`DELETE FROM "StoredStatusRules"`;
    expect(await storedStatusRulesVersion()).toBe(1);

    const result = await recomputeStatusesIfRulesChanged();
    expect(result).not.toBeNull();
    expect(result!.from).toBe(1);
    expect(result!.to).toBe(RULES_VERSION);
    expect(result!.report.stale).toBeGreaterThanOrEqual(3);
    expect(await statusOf(dorsiflexion.id)).toBe(fresh.dorsiflexion);
    expect(await statusOf(nightPain.id)).toBe(fresh.nightPain);
    expect(await statusOf(calm.id)).toBe("none");
    // What rules.md version 2 says for these two histories.
    expect(fresh.dorsiflexion).toBe("moderate");
    expect(fresh.nightPain).toBe("high");
    expect(await storedStatusRulesVersion()).toBe(RULES_VERSION);

    // Current version: the start-up check is a single read and touches no patient.
    await db.$executeRaw`UPDATE "Patient" SET status = 'low' WHERE id = ${dorsiflexion.id}::uuid`;
    expect(await recomputeStatusesIfRulesChanged()).toBeNull();
    expect(await statusOf(dorsiflexion.id)).toBe("low");
  });
});
