// Bad input is a 400, never a 500 (issue 14), through the real route handlers and the database:
// a NUL character in a body, a query string or a server action's value; a too-deep body; a body
// that is not JSON; an unsupported method. Nothing is stored by a refused request.
import { beforeAll, describe, expect, it } from "vitest";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors/app-errors";
import { listPatients } from "@/lib/patients/queries";
import { updateOwnProfile } from "@/lib/users/mutations";
import { recordTreatment } from "@/lib/treatments/mutations";
import { call } from "./api-client";
import { countClinicRows, createClinicWithToken, createPatient } from "./factories";

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let patientId: string;
const patient = { givenName: "Ada", familyName: "Lovelace", birthDate: "1979-03-02", sex: "female", heightCm: 168, diagnosisSide: "left" };

beforeAll(async () => {
  home = await createClinicWithToken();
  patientId = (await createPatient(home.clinic.id)).id;
});

describe("API routes", () => {
  it("refuse a NUL character in a body with the field named, and store nothing", async () => {
    // (The token's first use is audited, once a minute: leave the audit trail out of the comparison.)
    const stored = async () => ({ ...(await countClinicRows(home.clinic.id)), auditEvents: 0 });
    const before = await stored();
    const created = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, json: { ...patient, familyName: "Love\u0000lace" } });
    expect(created.status).toBe(400);
    expect(created.body.issues).toContainEqual({ path: "familyName", message: "must not contain a NUL character" });
    const visit = await call(assessmentsRoute.POST, "POST", `/patients/${patientId}/assessments`, {
      token: home.token,
      id: patientId,
      json: { takenAt: "2026-01-10T09:00:00Z", measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4 }], redFlags: [], notes: "sore\u0000" },
    });
    expect(visit.status).toBe(400);
    expect(visit.body.issues).toContainEqual({ path: "notes", message: "must not contain a NUL character" });
    expect(await stored()).toEqual(before);
  });

  it("refuse a NUL character in the query string", async () => {
    const list = await call(patientsRoute.GET, "GET", "/patients", { token: home.token, query: "q=a%00b" });
    expect(list.status).toBe(400);
    expect(list.body.issues).toEqual([{ path: "query.q", message: "must not contain a NUL character" }]);
  });

  it("refuse JSON nested 40 deep, a text/plain body (415) and a __proto__ key", async () => {
    const deep = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, raw: `{"givenName":${"[".repeat(40)}${"]".repeat(40)}}` });
    expect(deep.status).toBe(400);
    const plain = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, raw: JSON.stringify(patient), headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    expect(plain.body.error).toBe("unsupported_media_type");
    const proto = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, raw: JSON.stringify(patient).replace("{", '{"__proto__":{"x":1},') });
    expect(proto.status).toBe(400);
    expect(proto.body.issues).toContainEqual({ path: "__proto__", message: "unknown field" });
  });

  it("answer an unsupported method with a JSON 405 and Allow", async () => {
    const put = await call(patientsRoute.PUT, "PUT", "/patients", { token: home.token, json: patient });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(put.body.error).toBe("method_not_allowed");
  });
});

describe("server actions, pages and anything else that reaches the database", () => {
  it("a NUL character in a value sent to the database is a field error, not a driver error", async () => {
    // The patients page's search (its search params reach this query).
    const search = await listPatients(home.actor, { q: "Love\u0000" }).then(() => undefined, (e: unknown) => e);
    expect(search).toBeInstanceOf(ValidationError);
    // A server action's value (the profile form), and one with free text (a treatment's note).
    const profile = await updateOwnProfile(home.actor, { name: "Dr Who", registrationNumber: "HCPC\u0000" }).then(() => undefined, (e: unknown) => e);
    expect(profile).toBeInstanceOf(ValidationError);
    expect((profile as ValidationError).issues).toContainEqual({ path: "registrationNumber", message: "must not contain a NUL character" });
    const treatment = await recordTreatment(home.actor, patientId, { kind: "other", startedOn: "2026-01-02", note: "x\u0000" }).then(() => undefined, (e: unknown) => e);
    expect(treatment).toBeInstanceOf(ValidationError);
    // The connection is fine afterwards.
    expect(await db.patient.count({ where: { clinicId: home.clinic.id } })).toBe(1);
  });
});
