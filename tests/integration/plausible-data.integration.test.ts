// Plausible data (issue 14): a visit before the patient's birth is refused (and a birth date moved
// after a recorded visit), a value within float noise of its step is stored as the step multiple
// while one off the grid is refused, and names must contain a letter.
import { beforeAll, describe, expect, it } from "vitest";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import { call } from "./api-client";
import { createClinicWithToken } from "./factories";

let home: Awaited<ReturnType<typeof createClinicWithToken>>;
let patientId: string;
const patient = { givenName: "Ada", familyName: "Lovelace", birthDate: "1979-03-02", sex: "female", heightCm: 168, diagnosisSide: "left" };
const visit = (takenAt: string, value = 15) => ({ takenAt, measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value }], redFlags: [] });

beforeAll(async () => {
  home = await createClinicWithToken();
  const created = await call(patientsRoute.POST, "POST", "/patients", { token: home.token, json: patient });
  expect(created.status).toBe(201);
  patientId = created.body.id;
});

const record = (body: unknown) => call(assessmentsRoute.POST, "POST", `/patients/${patientId}/assessments`, { token: home.token, id: patientId, json: body });

describe("visit dates", () => {
  it("refuses a visit dated before the patient's birth, and accepts one on the birthday", async () => {
    const before = await record(visit("1979-03-01T10:00:00Z"));
    expect(before.status).toBe(400);
    expect(before.body.issues).toEqual([{ path: "takenAt", message: "the visit date 1979-03-01 is before the patient's birth date 1979-03-02" }]);
    expect((await record(visit("1979-03-02T10:00:00Z"))).status).toBe(201);
  });

  it("refuses a visit more than a day in the future", async () => {
    const later = await record(visit(new Date(Date.now() + 2 * 86_400_000).toISOString()));
    expect(later.status).toBe(400);
    expect(later.body.issues[0]).toMatchObject({ path: "takenAt" });
    expect(later.body.issues[0].message).toMatch(/in the future/);
  });

  it("refuses a correction that moves a visit before birth, and a birth date moved after a visit", async () => {
    const created = await record(visit("2020-05-05T09:00:00Z"));
    const amend = await call(assessmentRoute.PATCH, "PATCH", `/assessments/${created.body.id}`, {
      token: home.token,
      id: created.body.id,
      json: { ...visit("1970-01-01T09:00:00Z"), reason: "wrong year typed" },
    });
    expect(amend.status).toBe(400);
    expect(amend.body.issues).toEqual([{ path: "takenAt", message: "the visit date 1970-01-01 is before the patient's birth date 1979-03-02" }]);
    const moved = await call(patientRoute.PATCH, "PATCH", `/patients/${patientId}`, { token: home.token, id: patientId, json: { birthDate: "1985-01-01" } });
    expect(moved.status).toBe(400);
    expect(moved.body.issues).toEqual([{ path: "birthDate", message: "birthDate 1985-01-01 is after the patient's first visit (1979-03-02)" }]);
  });
});

describe("values on the measure's step", () => {
  it("stores a value within 1e-9 of a step as that step, and refuses one further off", async () => {
    const near = await record(visit("2021-01-01T09:00:00Z", 15.000000000001));
    expect(near.status).toBe(201);
    expect(near.body.measures[0].value).toBe(15);
    const off = await record(visit("2021-01-02T09:00:00Z", 0.3));
    expect(off.status).toBe(400);
    expect(off.body.issues[0].path).toBe("measures[0].value");
    expect(off.body.issues[0].message).toContain("0.3 is not a multiple of the step 0.5");
    expect((await record(visit("2021-01-03T09:00:00Z", 15.000000002))).status).toBe(400);
  });
});

describe("names", () => {
  it("must contain a letter: zero-width-only, control and bidi-override names are refused; any script is fine", async () => {
    const post = (givenName: string) => call(patientsRoute.POST, "POST", "/patients", { token: home.token, json: { ...patient, givenName } });
    for (const [name, message] of [
      ["\u200B\u200C", "givenName must contain a letter"],
      ["Ada\u0001", "givenName must not contain control characters (such as NUL, tab or line breaks)"],
      ["\u202Eada", "givenName must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)"],
    ]) {
      const answer = await post(name!);
      expect(answer.status, name).toBe(400);
      expect(answer.body.issues, name).toEqual([{ path: "givenName", message }]);
    }
    for (const name of ["王秀英", "محمد", "Ёжиков"]) expect((await post(name)).status, name).toBe(201);
  });
});
