// Caseload reads: counts per status, urgency order, overdue cut-off, clinic scope, archived left
// out, and the stored visit changes read back — all from stored columns.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCaseload } from "@/lib/caseload/queries";
import type { PatientStatus } from "@/lib/patients/queries";
import { createClinicWithActor, createPatient } from "./factories";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

let actor: Actor;

async function patient(clinicId: string, familyName: string, status: PatientStatus, lastDaysAgo: number | null, extra: { archived?: boolean; visitChanges?: object } = {}) {
  const p = await createPatient(clinicId, { familyName, archived: extra.archived ?? false });
  await db.patient.update({
    where: { id: p.id },
    data: { status, lastAssessedAt: lastDaysAgo === null ? null : daysAgo(lastDaysAgo), ...(extra.visitChanges ? { visitChanges: extra.visitChanges } : {}) },
  });
  return p.id;
}

beforeAll(async () => {
  const mine = await createClinicWithActor();
  actor = mine.actor;
  const other = await createClinicWithActor();
  const c = mine.clinic.id;
  await patient(c, "Low-recent", "low", 3);
  await patient(c, "High-old", "high", 60);
  await patient(c, "Refer", "refer", 2, {
    visitChanges: { newFlags: [{ id: "RED_FLAG", side: "none", severity: "critical", title: "Red flag: night pain" }], resolvedFlags: [], changes: [] },
  });
  await patient(c, "Moderate", "moderate", 10);
  await patient(c, "High-recent", "high", 5);
  await patient(c, "None", "none", 100);
  await patient(c, "Never", "none", null);
  await patient(c, "Archived-refer", "refer", 1, { archived: true });
  await patient(other.clinic.id, "Other-refer", "refer", 1);
});

describe("getCaseload", () => {
  it("counts per status in the clinic, archived left out", async () => {
    const c = await getCaseload(actor, {}, NOW);
    expect(c.counts).toEqual({ refer: 1, high: 2, moderate: 1, low: 1, none: 2 });
    expect(c.total).toBe(7);
    expect(c.attentionTotal).toBe(5);
  });

  it("lists flagged patients refer first, then high, moderate, low; the most recently seen first within a status", async () => {
    const c = await getCaseload(actor, {}, NOW);
    expect(c.attention.map((p) => p.familyName)).toEqual(["Refer", "High-recent", "High-old", "Moderate", "Low-recent"]);
    expect(c.attention[0]!.changes.newFlags[0]!.title).toBe("Red flag: night pain");
    expect(c.attention[1]!.changes).toEqual({ newFlags: [], resolvedFlags: [], changes: [] });
  });

  it("pages the attention list", async () => {
    const second = await getCaseload(actor, { page: 2, pageSize: 2 }, NOW);
    expect(second.attention.map((p) => p.familyName)).toEqual(["High-old", "Moderate"]);
  });

  it("lists flagged patients not seen for 6 weeks as overdue (not unflagged ones)", async () => {
    const c = await getCaseload(actor, {}, NOW);
    expect(c.overdue.map((p) => p.familyName)).toEqual(["High-old"]);
    expect(c.overdueTotal).toBe(1);
  });

  it("uses the caseload index for the attention list", async () => {
    // Plan check on a tiny table is not meaningful for speed; it only proves the index exists.
    const rows = await db.$queryRaw<{ indexname: string }[]>`SELECT indexname FROM pg_indexes WHERE tablename = 'Patient'`;
    expect(rows.map((r) => r.indexname)).toContain("Patient_clinicId_archived_status_lastAssessedAt_idx");
  });
});
