// GET/PATCH/DELETE /api/v1/assessments/{id} and POST …/restore: corrections keep the originals in
// the audit trail; deletion needs a reason, leaves the flags, and only an admin can undo it.
import { beforeAll, describe, expect, it } from "vitest";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import * as restoreRoute from "@/app/api/v1/assessments/[id]/restore/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as flagsRoute from "@/app/api/v1/patients/[id]/flags/route";
import { db } from "@/lib/db/client";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient, createUserWithToken } from "./factories";

const kind = process.env.TEST_DB_KIND;

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let admin: Awaited<ReturnType<typeof createUserWithToken>>;
let other: Awaited<ReturnType<typeof createClinicWithToken>>;

beforeAll(async () => {
  home = await createClinicWithToken();
  admin = await createUserWithToken(home.clinic.id, "admin");
  other = await createClinicWithToken("admin");
});

const original = {
  takenAt: "2026-03-01T09:30:00Z",
  measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4 }],
  redFlags: [],
  notes: "typo visit",
};

async function recordVisit() {
  const patient = await createPatient(home.clinic.id);
  const created = await call(assessmentsRoute.POST, "POST", `/patients/${patient.id}/assessments`, { token: home.token, id: patient.id, json: original });
  expect(created.status).toBe(201);
  return { patientId: patient.id, id: created.body.id as string };
}

const status = async (patientId: string) =>
  (await db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { status: true } })).status;

describe(`assessment corrections on ${kind}`, () => {
  it("amends with a reason: new values stored, amendment shown, originals kept in the audit event", async () => {
    const { patientId, id } = await recordVisit();
    expect(await status(patientId)).toBe("low"); // rules v2: 4° is a low heel flag
    const amended = await call(assessmentRoute.PATCH, "PATCH", `/assessments/${id}`, {
      token: home.token,
      id,
      json: { reason: "wrong ankle value typed", measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 24 }], redFlags: [] },
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({
      takenAt: "2026-03-01T09:30:00.000Z",
      measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 24, method: null }],
      notes: "typo visit",
      amendReason: "wrong ankle value typed",
      amendedBy: { id: home.user.id, name: "Test Clinician" },
    });
    expect(amended.body.amendedAt).toEqual(expect.any(String));
    expect(await status(patientId)).toBe("none");

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "assessment.amend" }, select: { details: true } });
    const details = event.details as { original: { measures: { value: number }[]; notes: string }; amended: { measures: { value: number }[] }; reason: string };
    expect(details.original.measures[0]!.value).toBe(4);
    expect(details.original.notes).toBe("typo visit");
    expect(details.amended.measures[0]!.value).toBe(24);
    expect(details.reason).toBe("wrong ankle value typed");

    const fetched = await call(assessmentRoute.GET, "GET", `/assessments/${id}`, { token: home.token, id });
    expect(fetched.body).toEqual(amended.body);
  });

  it("rejects an amendment without a reason or with bad values, listing every issue and storing nothing", async () => {
    const { id } = await recordVisit();
    const before = await countClinicRows(home.clinic.id);
    const answer = await call(assessmentRoute.PATCH, "PATCH", `/assessments/${id}`, {
      token: home.token,
      id,
      json: { measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 99 }], typo: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["measures[0].value", "reason", "redFlags", "typo"]);
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
    const unchanged = await call(assessmentRoute.GET, "GET", `/assessments/${id}`, { token: home.token, id });
    expect(unchanged.body.measures[0].value).toBe(4);
    expect(unchanged.body.amendedAt).toBeNull();
  });

  it("deletes with a reason (leaving list, flags and status), and only an admin restores", async () => {
    const { patientId, id } = await recordVisit();
    const noReason = await call(assessmentRoute.DELETE, "DELETE", `/assessments/${id}`, { token: home.token, id, json: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].path).toBe("reason");

    const deleted = await call(assessmentRoute.DELETE, "DELETE", `/assessments/${id}`, { token: home.token, id, json: { reason: "entered for the wrong patient" } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleteReason: "entered for the wrong patient", deletedBy: { id: home.user.id } });
    expect(await status(patientId)).toBe("none");
    const list = await call(assessmentsRoute.GET, "GET", `/patients/${patientId}/assessments`, { token: home.token, id: patientId });
    expect(list.body).toEqual([]);
    const withDeleted = await call(assessmentsRoute.GET, "GET", `/patients/${patientId}/assessments`, { token: home.token, id: patientId, query: "includeDeleted=true" });
    expect(withDeleted.body.map((a: { id: string }) => a.id)).toEqual([id]);
    const flags = await call(flagsRoute.GET, "GET", `/patients/${patientId}/flags`, { token: home.token, id: patientId });
    expect(flags.body.flags).toEqual([]);

    const byClinician = await call(restoreRoute.POST, "POST", `/assessments/${id}/restore`, { token: home.token, id });
    expect(byClinician.status).toBe(403);
    expect(byClinician.body.error).toBe("forbidden");

    const byAdmin = await call(restoreRoute.POST, "POST", `/assessments/${id}/restore`, { token: admin.token, id });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ deletedAt: null, deletedBy: null, deleteReason: null });
    expect(await status(patientId)).toBe("low"); // rules v2: 4° is a low heel flag
    const actions = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["assessment.create", "assessment.delete", "assessment.restore"]);
  });

  it("answers 404 for another clinic's visit, a missing one and a malformed id, on every route", async () => {
    const { id } = await recordVisit();
    await db.assessment.update({ where: { id }, data: { deletedAt: new Date(), deletedById: home.user.id, deleteReason: "test" } });
    const before = await countClinicRows(home.clinic.id);
    for (const target of [id, "00000000-0000-4000-8000-000000000000", "42"]) {
      const answers = [
        await call(assessmentRoute.GET, "GET", `/assessments/${target}`, { token: other.token, id: target }),
        await call(assessmentRoute.PATCH, "PATCH", `/assessments/${target}`, { token: other.token, id: target, json: { reason: "mine now", ...original } }),
        await call(assessmentRoute.DELETE, "DELETE", `/assessments/${target}`, { token: other.token, id: target, json: { reason: "mine now" } }),
        await call(restoreRoute.POST, "POST", `/assessments/${target}/restore`, { token: other.token, id: target }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(answer.body.error).toBe("not_found");
      }
    }
    expect(await countClinicRows(home.clinic.id)).toEqual(before);
  });
});
