// The patient page's "Latest values" query on a real database: the latest and previous value of
// each series, deleted visits left out, the change labelled against the previous value, clinic scope.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors/app-errors";
import { deleteAssessment, recordAssessment } from "@/lib/assessments/mutations";
import { latestMeasureValues } from "@/lib/assessments/latest-values";
import { createClinicWithActor, createPatient } from "./factories";

let actor: Actor;
let otherActor: Actor;
let patientId: string;

beforeAll(async () => {
  actor = (await createClinicWithActor()).actor;
  otherActor = (await createClinicWithActor()).actor;
  patientId = (await createPatient(actor.clinicId)).id;
  const visit = (takenAt: string, measures: { code: string; side: string; value: number }[]) =>
    recordAssessment(actor, patientId, { takenAt, measures, redFlags: [] });
  await visit("2026-01-10T09:00:00Z", [
    { code: "ankle_df_wblt_cm", side: "left", value: 6.5 },
    { code: "odi_percent", side: "none", value: 40 },
  ]);
  await visit("2026-02-10T09:00:00Z", [
    { code: "ankle_df_wblt_cm", side: "left", value: 8.5 },
    { code: "ankle_df_wblt_cm", side: "right", value: 12 },
  ]);
  // The latest visit in time is deleted: it must not count.
  const mistaken = await visit("2026-03-10T09:00:00Z", [{ code: "ankle_df_wblt_cm", side: "left", value: 20 }]);
  await deleteAssessment(actor, mistaken.id, "Wrong patient");
  await visit("2026-02-20T09:00:00Z", [{ code: "odi_percent", side: "none", value: 26 }]);
});

describe("latestMeasureValues", () => {
  it("gives each series' latest value, the one before it, and the change since then", async () => {
    const rows = await latestMeasureValues(actor, patientId);
    expect(rows.map((r) => `${r.code}:${r.side}`)).toEqual(["ankle_df_wblt_cm:left", "ankle_df_wblt_cm:right", "odi_percent:none"]);
    expect(rows[0]).toMatchObject({
      latest: { value: 8.5, takenAt: "2026-02-10T09:00:00.000Z" },
      previous: { value: 6.5, takenAt: "2026-01-10T09:00:00.000Z" },
      change: { delta: 2, label: "real_change", direction: "better" },
      outsideNormal: "below",
    });
    expect(rows[1]).toMatchObject({ latest: { value: 12 }, previous: null, change: null, outsideNormal: null });
    expect(rows[2]).toMatchObject({ latest: { value: 26 }, previous: { value: 40 }, change: { delta: -14, label: "important_change", direction: "better" }, outsideNormal: "above" });
  });

  it("answers another clinic as if the patient did not exist", async () => {
    await expect(latestMeasureValues(otherActor, patientId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(latestMeasureValues(actor, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
