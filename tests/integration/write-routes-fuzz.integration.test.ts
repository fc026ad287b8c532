// Property-based tests (fast-check): random JSON — and JSON shaped like the real input with random
// values — sent to every write route never gets a 500, and a refused request (4xx) stores nothing:
// every table's row count for the clinic (audit events included) is unchanged.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { requireApiActor } from "@/lib/auth/session";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as assessmentsRoute from "@/app/api/v1/patients/[id]/assessments/route";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import * as treatmentsRoute from "@/app/api/v1/patients/[id]/treatments/route";
import * as referralsRoute from "@/app/api/v1/patients/[id]/referrals/route";
import * as referralRoute from "@/app/api/v1/referrals/[id]/route";
import { createClinicWithToken, createPatient } from "./factories";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

let token: string;
let clinicId: string;
let ids: { patient: string; assessment: string; referral: string };

/** Row counts of the clinic in one round trip (each property run takes two of these). */
async function counts() {
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Patient" WHERE "clinicId" = ${clinicId}::uuid) AS patients,
           (SELECT count(*) FROM "Assessment" WHERE "clinicId" = ${clinicId}::uuid) AS assessments,
           (SELECT count(*) FROM "MeasureValue" WHERE "clinicId" = ${clinicId}::uuid) AS measures,
           (SELECT count(*) FROM "TreatmentEvent" WHERE "clinicId" = ${clinicId}::uuid) AS treatments,
           (SELECT count(*) FROM "Referral" WHERE "clinicId" = ${clinicId}::uuid) AS referrals,
           (SELECT count(*) FROM "IdempotencyKey" WHERE "clinicId" = ${clinicId}::uuid) AS "idempotencyKeys",
           (SELECT count(*) FROM "AuditEvent" WHERE "clinicId" = ${clinicId}::uuid) AS "auditEvents"`;
  return Object.fromEntries(Object.entries(row!).map(([table, n]) => [table, Number(n)]));
}

/** Keys each route knows, so that random objects often reach deep validation, not just "unknown key". */
const KEYS = {
  patient: ["givenName", "familyName", "birthDate", "sex", "heightCm", "mrn", "diagnosisSide", "archived"],
  assessment: ["takenAt", "measures", "redFlags", "notes", "reason"],
  treatment: ["kind", "occurredAt", "text"],
  referral: ["specialty", "urgency", "comment", "sections"],
};

const measure = fc.record(
  { code: fc.oneof(fc.constantFrom("ankle_df_nwb_ext_deg", "pain_back_nprs", "hip_abd_hhd_n"), fc.string()), side: fc.oneof(fc.constantFrom("left", "right", "none"), fc.jsonValue()), value: fc.oneof(fc.double(), fc.integer(), fc.jsonValue()) },
  { requiredKeys: [] },
);

function shaped(keys: string[]) {
  const value = fc.oneof(fc.jsonValue(), fc.string(), fc.double(), fc.array(measure, { maxLength: 3 }), fc.constantFrom("2026-01-10T09:00:00Z", "1970-01-01", "left", "female", ""));
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), value, { maxKeys: 8 });
}

const body = (keys: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: shaped(keys).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }, // not JSON at all
  );

interface Target {
  name: string;
  handler: () => Handler;
  method: string;
  path: () => string;
  id: () => string;
  keys: string[];
}

const TARGETS: Target[] = [
  { name: "POST /patients", handler: () => patientsRoute.POST, method: "POST", path: () => "/patients", id: () => "", keys: KEYS.patient },
  { name: "PATCH /patients/{id}", handler: () => patientRoute.PATCH, method: "PATCH", path: () => `/patients/${ids.patient}`, id: () => ids.patient, keys: KEYS.patient },
  { name: "POST /patients/{id}/assessments", handler: () => assessmentsRoute.POST, method: "POST", path: () => `/patients/${ids.patient}/assessments`, id: () => ids.patient, keys: KEYS.assessment },
  { name: "PATCH /assessments/{id}", handler: () => assessmentRoute.PATCH, method: "PATCH", path: () => `/assessments/${ids.assessment}`, id: () => ids.assessment, keys: KEYS.assessment },
  { name: "DELETE /assessments/{id}", handler: () => assessmentRoute.DELETE, method: "DELETE", path: () => `/assessments/${ids.assessment}`, id: () => ids.assessment, keys: ["reason"] },
  { name: "POST /patients/{id}/treatments", handler: () => treatmentsRoute.POST, method: "POST", path: () => `/patients/${ids.patient}/treatments`, id: () => ids.patient, keys: KEYS.treatment },
  { name: "POST /patients/{id}/referrals", handler: () => referralsRoute.POST, method: "POST", path: () => `/patients/${ids.patient}/referrals`, id: () => ids.patient, keys: KEYS.referral },
  { name: "PATCH /referrals/{id}", handler: () => referralRoute.PATCH, method: "PATCH", path: () => `/referrals/${ids.referral}`, id: () => ids.referral, keys: KEYS.referral },
];

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_MIN = "0";
  const setup = await createClinicWithToken();
  token = setup.token;
  clinicId = setup.clinic.id;
  const patient = await createPatient(clinicId);
  const assessment = await db.assessment.create({
    data: { clinicId, patientId: patient.id, raterId: setup.user.id, takenAt: new Date("2026-01-05T09:00:00Z"), measures: { create: [{ clinicId, code: "ankle_df_nwb_ext_deg", side: "left", value: 4 }] } },
    select: { id: true },
  });
  const referral = await db.referral.create({
    data: { clinicId, patientId: patient.id, authorId: setup.user.id, specialty: "orthopaedics", urgency: "routine", sections: [{ key: "reason", title: "Reason", text: "x", included: true }] },
    select: { id: true },
  });
  ids = { patient: patient.id, assessment: assessment.id, referral: referral.id };
  // The token's first use writes token.use (once a minute): do it now, not inside a property run.
  await requireApiActor(new Request("http://localhost/", { headers: { authorization: `Bearer ${token}` } }));
});

describe(`random JSON to every write route on ${process.env.TEST_DB_KIND}`, () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))("%s: never 500, and a refusal stores nothing", async (_name, target) => {
    await fc.assert(
      fc.asyncProperty(body(target.keys), async (text) => {
        const before = await counts();
        const request = new Request(`http://localhost/api/v1${target.path()}`, {
          method: target.method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: text,
        });
        const response = await target.handler()(request, { params: Promise.resolve({ id: target.id() }) });
        const answer = await response.text();
        expect(response.status, answer).toBeLessThan(500);
        if (response.status >= 400) {
          expect(JSON.parse(answer)).toMatchObject({ error: expect.any(String), message: expect.any(String), issues: expect.any(Array) });
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
    // 60 requests with two count queries each: minutes on a loaded 2-core CI machine with PGlite.
  }, 240_000);
});
