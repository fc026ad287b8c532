// The trends view (lib/trends/queries): built from the clinic's data, kept while that data is
// unchanged, and rebuilt at once after any change that shows on the page: a new visit, a
// correction, a deletion and its undoing, a treatment event, a rater's new name, the patient's
// height. Another clinic's patient and a malformed id are "not found"; every view is audited.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { amendAssessment, deleteAssessment, recordAssessment, restoreAssessment } from "@/lib/assessments/mutations";
import { NotFoundError } from "@/lib/errors/app-errors";
import { updatePatient } from "@/lib/patients/mutations";
import { deleteTreatment, recordTreatment } from "@/lib/treatments/mutations";
import { hoverValueCount } from "@/lib/trends/hover";
import { loadTrendsView, readTrendsFingerprint } from "@/lib/trends/queries";
import { resolveRange, parseTrendsParams } from "@/lib/trends/range";
import { updateOwnProfile } from "@/lib/users/mutations";
import * as hoverRoute from "@/app/(app)/patients/[id]/trends/hover/route";
import { DENSE_SERIES_POINTS } from "@/lib/trends/svg-geometry";
import { call } from "./api-client";
import { actorFor, createClinicWithActor, createPatient, createUser, createUserWithToken } from "./factories";

const ALL = resolveRange(parseTrendsParams({}), Date.parse("2026-06-01T00:00:00Z"));
const options = { range: ALL, requestedTable: null };

let actor: Actor;
let admin: Actor;
let otherClinic: Actor;

beforeAll(async () => {
  const home = await createClinicWithActor();
  actor = home.actor;
  admin = actorFor(await createUser(home.clinic.id, { role: "admin" }));
  otherClinic = (await createClinicWithActor()).actor;
});

const lunge = (takenAt: string, left: number, right: number) => ({
  takenAt,
  measures: [
    { code: "ankle_df_wblt_cm", side: "left", value: left },
    { code: "ankle_df_wblt_cm", side: "right", value: right },
  ],
  redFlags: [],
});

async function patientWithVisits() {
  const patient = await createPatient(actor.clinicId);
  const first = await recordAssessment(actor, patient.id, lunge("2026-01-10T09:00:00Z", 8, 12));
  await recordAssessment(actor, patient.id, lunge("2026-03-01T09:00:00Z", 9.5, 12.1));
  return { patientId: patient.id, firstVisitId: first.id };
}

const lungeChart = (view: Awaited<ReturnType<typeof loadTrendsView>>["view"]) =>
  view.groups.flatMap((g) => g.charts).find((c) => c.code === "ankle_df_wblt_cm")!;

describe("loadTrendsView", () => {
  it("draws the clinic's patient and reuses the built view while nothing changed", async () => {
    const { patientId } = await patientWithVisits();
    const first = await loadTrendsView(actor, patientId, options);
    expect(first.patient.id).toBe(patientId);
    expect(first.view.visitCount).toBe(2);
    const chart = lungeChart(first.view);
    expect(chart.svg!.value).toContain('data-chart="ankle_df_wblt_cm"');
    expect(chart.tableHtml?.value).toContain("<td>9.5 cm</td>");
    const again = await loadTrendsView(actor, patientId, options);
    expect(again.view).toBe(first.view);
    // Other controls are another view.
    const rightOnly = await loadTrendsView(actor, patientId, { ...options, range: resolveRange(parseTrendsParams({ show: "right" }), Date.now()) });
    expect(rightOnly.view).not.toBe(first.view);
    expect(lungeChart(rightOnly.view).sentences.map((s) => s.side)).toEqual(["right"]);
  });

  it("shows a new visit, a correction, a deletion and its undoing at once", async () => {
    const { patientId, firstVisitId } = await patientWithVisits();
    const before = await loadTrendsView(actor, patientId, options);

    await recordAssessment(actor, patientId, lunge("2026-04-01T09:00:00Z", 11.2, 12));
    const withNew = await loadTrendsView(actor, patientId, options);
    expect(withNew.view.visitCount).toBe(3);
    expect(lungeChart(withNew.view).tableHtml?.value).toContain("<td>11.2 cm</td>");
    expect(lungeChart(before.view).tableHtml?.value).not.toContain("11.2 cm");

    await amendAssessment(actor, firstVisitId, { ...lunge("2026-01-10T09:00:00Z", 7.4, 12), reason: "left value mistyped" });
    const amended = await loadTrendsView(actor, patientId, options);
    expect(lungeChart(amended.view).tableHtml?.value).toContain("<td>7.4 cm</td>");
    expect(lungeChart(amended.view).tableHtml?.value).not.toContain("<td>8 cm</td>");

    await deleteAssessment(actor, firstVisitId, { reason: "wrong patient" });
    const deleted = await loadTrendsView(actor, patientId, options);
    expect(deleted.view.visitCount).toBe(2);
    expect(lungeChart(deleted.view).tableHtml?.value).not.toContain("7.4 cm");

    await restoreAssessment(admin, firstVisitId);
    const restored = await loadTrendsView(actor, patientId, options);
    expect(restored.view.visitCount).toBe(3);
    expect(lungeChart(restored.view).tableHtml?.value).toContain("<td>7.4 cm</td>");
  });

  it("shows treatment events, a rater's new name and a new height at once", async () => {
    const { patientId } = await patientWithVisits();
    await loadTrendsView(actor, patientId, options);

    const treatment = await recordTreatment(actor, patientId, { kind: "other", text: "Heel <cup> \"gel\"", occurredAt: "2026-02-01T09:00:00Z" });
    const treated = await loadTrendsView(actor, patientId, options);
    expect(treated.view.hasTreatments).toBe(true);
    // Data text is escaped in the markup.
    expect(lungeChart(treated.view).svg!.value).toContain("Heel &lt;cup&gt; &quot;gel&quot;");
    expect(lungeChart(treated.view).svg!.value).not.toContain("<cup>");
    await deleteTreatment(actor, treatment.id);
    expect((await loadTrendsView(actor, patientId, options)).view.hasTreatments).toBe(false);

    await updateOwnProfile(actor, { name: "Dr Renamed Rater", registrationNumber: null });
    expect(lungeChart((await loadTrendsView(actor, patientId, options)).view).tableHtml?.value).toContain("<td>Dr Renamed Rater</td>");

    const tall = await loadTrendsView(actor, patientId, options);
    await updatePatient(actor, patientId, { heightCm: 181 });
    const taller = await loadTrendsView(actor, patientId, options);
    expect(taller.patient.heightCm).toBe(181);
    expect(taller.view).not.toBe(tall.view);
  });

  it("answers not found for another clinic's patient and a malformed id, and audits every view", async () => {
    const { patientId } = await patientWithVisits();
    await expect(loadTrendsView(otherClinic, patientId, options)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadTrendsView(actor, "not-a-uuid", options)).rejects.toBeInstanceOf(NotFoundError);
    const reads = () => db.auditEvent.count({ where: { clinicId: actor.clinicId, action: "patient.read", entityId: patientId } });
    const start = await reads();
    await loadTrendsView(actor, patientId, options);
    await loadTrendsView(actor, patientId, options);
    expect(await reads()).toBe(start + 2);
    expect(await db.auditEvent.count({ where: { clinicId: otherClinic.clinicId, action: "patient.read", entityId: patientId } })).toBe(0);
  });

  it("fingerprints only the clinic's rows: another clinic's id gives the empty history's digest", async () => {
    const { patientId } = await patientWithVisits();
    const mine = await readTrendsFingerprint(actor.clinicId, patientId);
    const theirs = await readTrendsFingerprint(otherClinic.clinicId, patientId);
    const empty = await readTrendsFingerprint(actor.clinicId, (await createPatient(actor.clinicId)).id);
    expect(mine).toMatch(/^[0-9a-f]{32}$/);
    expect(theirs).toBe(empty);
    expect(mine).not.toBe(empty);
  });
});

describe("GET /patients/{id}/trends/hover", () => {
  it("gives every value of a chart with a long series, with its hover text and position", async () => {
    const patient = await createPatient(actor.clinicId);
    const visits = DENSE_SERIES_POINTS + 5;
    for (let i = 0; i < visits; i++) {
      const takenAt = new Date(Date.parse("2025-01-06T09:00:00Z") + i * 5 * 86_400_000).toISOString();
      await recordAssessment(actor, patient.id, lunge(takenAt, 8 + (i % 4) * 0.5, 12));
    }
    const { token } = await createUserWithToken(actor.clinicId);
    const answer = await call(hoverRoute.GET, "GET", "", { token, id: patient.id, query: "code=ankle_df_wblt_cm" });
    expect(answer.status).toBe(200);
    const points = answer.body.points as { x: number; y: number; text: string }[];
    expect(points).toHaveLength(visits * 2);
    expect(points[0]!.text).toMatch(/^Left: 8 cm · 6 Jan 2025 · method not recorded · rated by /);
    expect(points.every((p) => p.x >= 48 && p.x <= 448 && p.y >= 18 && p.y <= 196)).toBe(true);
    // The page draws this chart without a marker per value and without any hover text of its own.
    const { view } = await loadTrendsView(actor, patient.id, options);
    expect(hoverValueCount(lungeChart(view).hover)).toBe(visits * 2);
    expect(lungeChart(view).svg!.value).not.toContain("<title>");

    const right = await call(hoverRoute.GET, "GET", "", { token, id: patient.id, query: "code=ankle_df_wblt_cm&show=right" });
    expect((right.body.points as { text: string }[]).every((p) => p.text.startsWith("Right: "))).toBe(true);
  });

  it("gives a short series' values too, refuses an unknown code before reading, and writes no audit row per hover", async () => {
    const { patientId } = await patientWithVisits();
    const { token } = await createUserWithToken(actor.clinicId);
    const reads = () => db.auditEvent.count({ where: { clinicId: actor.clinicId, action: "patient.read", entityId: patientId } });
    const before = await reads();
    const short = await call(hoverRoute.GET, "GET", "", { token, id: patientId, query: "code=ankle_df_wblt_cm" });
    expect(short).toMatchObject({ status: 200, body: { code: "ankle_df_wblt_cm" } });
    expect((short.body.points as unknown[]).length).toBeGreaterThan(0);
    expect(await reads()).toBe(before);
    const unknown = await call(hoverRoute.GET, "GET", "", { token, id: patientId, query: "code=shoe_size" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([{ path: "code", message: "code must be a measure code of the catalog" }]);
    // Checked before the patient is looked up: a bad code on a missing patient is still a 400.
    const bad = await call(hoverRoute.GET, "GET", "", { token, id: "00000000-0000-4000-8000-000000000000", query: "code=shoe_size" });
    expect(bad.status).toBe(400);
    const theirs = await createUserWithToken(otherClinic.clinicId);
    expect((await call(hoverRoute.GET, "GET", "", { token: theirs.token, id: patientId, query: "code=ankle_df_wblt_cm" })).status).toBe(404);
  });
});
