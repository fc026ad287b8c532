// The authorization table: for every route handler (per method) and every page, who may use it.
// tests/integration/authorization.integration.test.ts discovers routes and pages from app/ and
// fails when one has no row here, so a new route cannot ship without an explicit rule.
//
// Outcomes: "ok" = got past authorization (any status other than 401/403/404, and never 500);
// 401 / 403 / 404 = exactly that status; "login" = redirected to the sign-in page; "n/a" = not
// applicable (e.g. "another clinic" for a route without a record).
export type Outcome = "ok" | 401 | 403 | 404 | "login" | "n/a";
export interface Access {
  anonymous: Outcome;
  clinician: { own: Outcome; other: Outcome };
  admin: { own: Outcome; other: Outcome };
}
/** Which record the [id] in the path names. */
export type Entity = "patient" | "assessment" | "deletedAssessment" | "referral" | "finalReferral" | "treatment" | "none";

export interface RouteRule {
  entity: Entity;
  access: Access;
  /** A well-formed body for writes, so that an answer is about access, not validation order. */
  body?: unknown;
  /** A well-formed query string (from "?"), for the same reason. */
  query?: string;
  /** Handled by next-auth itself (sign-in, CSRF token, session): not called here. */
  external?: true;
}

const PUBLIC: Access = { anonymous: "ok", clinician: { own: "ok", other: "n/a" }, admin: { own: "ok", other: "n/a" } };
/** Any signed-in user; the data is the caller's clinic's (no record in the path). */
const CLINIC: Access = { anonymous: 401, clinician: { own: "ok", other: "n/a" }, admin: { own: "ok", other: "n/a" } };
/** A record of the caller's clinic; another clinic's record is a 404, as if it did not exist. */
const CLINIC_RECORD: Access = { anonymous: 401, clinician: { own: "ok", other: 404 }, admin: { own: "ok", other: 404 } };
/** Clinic-wide admin data (exports of the whole clinic, audit): clinicians get 403. */
const ADMIN: Access = { anonymous: 401, clinician: { own: 403, other: "n/a" }, admin: { own: "ok", other: "n/a" } };
/** Admin-only action on a record: clinicians 403 (own) or 404 (other clinic's: it does not exist for them). */
const ADMIN_RECORD: Access = { anonymous: 401, clinician: { own: 403, other: 404 }, admin: { own: "ok", other: 404 } };

const VISIT = { takenAt: "2026-01-10T09:00:00Z", measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4 }], redFlags: [] };

export const ROUTES: Record<string, RouteRule> = {
  "GET /api/auth/[...nextauth]": { entity: "none", access: PUBLIC, external: true },
  "POST /api/auth/[...nextauth]": { entity: "none", access: PUBLIC, external: true },
  "GET /api/v1/health": { entity: "none", access: PUBLIC },
  "GET /api/v1/patients": { entity: "none", access: CLINIC },
  "POST /api/v1/patients": {
    entity: "none",
    access: CLINIC,
    body: { givenName: "Auth", familyName: "Table", birthDate: "1970-01-01", sex: "female", heightCm: 170, diagnosisSide: "left" },
  },
  "GET /api/v1/patients/[id]": { entity: "patient", access: CLINIC_RECORD },
  "PATCH /api/v1/patients/[id]": { entity: "patient", access: CLINIC_RECORD, body: { heightCm: 171 } },
  "GET /api/v1/patients/[id]/assessments": { entity: "patient", access: CLINIC_RECORD },
  "POST /api/v1/patients/[id]/assessments": { entity: "patient", access: CLINIC_RECORD, body: VISIT },
  "GET /api/v1/patients/[id]/assessments.csv": { entity: "patient", access: CLINIC_RECORD },
  "GET /api/v1/patients/[id]/flags": { entity: "patient", access: CLINIC_RECORD },
  // An app route, not /api: in the app the proxy sends anonymous visitors to sign in first.
  "GET /patients/[id]/trends/hover": { entity: "patient", access: CLINIC_RECORD, query: "?code=ankle_df_nwb_ext_deg" },
  "GET /api/v1/patients/[id]/fhir": { entity: "patient", access: CLINIC_RECORD },
  "GET /api/v1/patients/[id]/referrals": { entity: "patient", access: CLINIC_RECORD },
  "POST /api/v1/patients/[id]/referrals": { entity: "patient", access: CLINIC_RECORD, body: { specialty: "orthopaedics", urgency: "routine" } },
  "GET /api/v1/patients/[id]/treatments": { entity: "patient", access: CLINIC_RECORD },
  "POST /api/v1/patients/[id]/treatments": { entity: "patient", access: CLINIC_RECORD, body: { kind: "stretching", occurredAt: "2026-01-11T09:00:00Z" } },
  "GET /api/v1/assessments/[id]": { entity: "assessment", access: CLINIC_RECORD },
  "PATCH /api/v1/assessments/[id]": { entity: "assessment", access: CLINIC_RECORD, body: { ...VISIT, reason: "typo in the value" } },
  "DELETE /api/v1/assessments/[id]": { entity: "assessment", access: CLINIC_RECORD, body: { reason: "entered for the wrong patient" } },
  "POST /api/v1/assessments/[id]/restore": { entity: "deletedAssessment", access: ADMIN_RECORD },
  "DELETE /api/v1/treatments/[id]": { entity: "treatment", access: CLINIC_RECORD },
  "PATCH /api/v1/treatments/[id]": { entity: "treatment", access: CLINIC_RECORD, body: { dose: "3 sets of 10, twice daily" } },
  "GET /api/v1/patients/[id]/history": { entity: "patient", access: CLINIC_RECORD },
  "PUT /api/v1/patients/[id]/history": { entity: "patient", access: CLINIC_RECORD, body: { heelPainOnset: { left: "2025-09-01" } } },
  "GET /api/v1/patients/[id]/questionnaires.csv": { entity: "patient", access: CLINIC_RECORD },
  "GET /api/v1/patients/[id]/history.csv": { entity: "patient", access: CLINIC_RECORD },
  "GET /api/v1/patients/[id]/treatments.csv": { entity: "patient", access: CLINIC_RECORD },
  "GET /api/v1/referrals/[id]": { entity: "referral", access: CLINIC_RECORD },
  "PATCH /api/v1/referrals/[id]": { entity: "referral", access: CLINIC_RECORD, body: { comment: "checked" } },
  "GET /api/v1/referrals/[id]/pdf": { entity: "referral", access: CLINIC_RECORD },
  "POST /api/v1/referrals/[id]/finalise": { entity: "referral", access: CLINIC_RECORD },
  "POST /api/v1/referrals/[id]/supersede": { entity: "finalReferral", access: CLINIC_RECORD },
  "GET /api/v1/exports/measures.csv": { entity: "none", access: ADMIN },
  "GET /api/v1/audit.csv": { entity: "none", access: ADMIN },
};

/** Pages: anonymous visitors are sent to sign in; admin pages are not-found pages for clinicians. */
const PAGE: Access = { anonymous: "login", clinician: { own: "ok", other: "n/a" }, admin: { own: "ok", other: "n/a" } };
const PAGE_RECORD: Access = { anonymous: "login", clinician: { own: "ok", other: 404 }, admin: { own: "ok", other: 404 } };
const ADMIN_PAGE: Access = { anonymous: "login", clinician: { own: 404, other: "n/a" }, admin: { own: "ok", other: "n/a" } };
/** The sign-in page: open to all; a signed-in user is sent on to the app. */
const LOGIN_PAGE: Access = { anonymous: "ok", clinician: { own: "login", other: "n/a" }, admin: { own: "login", other: "n/a" } };

export const PAGES: Record<string, { entity: Entity; access: Access; params?: Record<string, string> }> = {
  "/login": { entity: "none", access: LOGIN_PAGE },
  "/": { entity: "none", access: PAGE },
  "/patients": { entity: "none", access: PAGE },
  "/patients/new": { entity: "none", access: PAGE },
  "/patients/[id]": { entity: "patient", access: PAGE_RECORD },
  "/patients/[id]/edit": { entity: "patient", access: PAGE_RECORD },
  "/patients/[id]/assessments/new": { entity: "patient", access: PAGE_RECORD },
  "/patients/[id]/treatments/new": { entity: "patient", access: PAGE_RECORD },
  "/patients/[id]/history": { entity: "patient", access: PAGE_RECORD },
  "/treatments/[id]": { entity: "treatment", access: PAGE_RECORD },
  "/patients/[id]/trends": { entity: "patient", access: PAGE_RECORD },
  // The measure recorded at the test's visit.
  "/patients/[id]/trends/explore/[code]": { entity: "patient", access: PAGE_RECORD, params: { code: "ankle_df_nwb_ext_deg" } },
  "/patients/[id]/referrals": { entity: "patient", access: PAGE_RECORD },
  "/patients/[id]/referrals/new": { entity: "patient", access: PAGE_RECORD },
  "/assessments/[id]/amend": { entity: "assessment", access: PAGE_RECORD },
  "/referrals/[id]": { entity: "referral", access: PAGE_RECORD },
  "/referrals/[id]/print": { entity: "referral", access: PAGE_RECORD },
  "/profile": { entity: "none", access: PAGE },
  "/admin/users": { entity: "none", access: ADMIN_PAGE },
  "/admin/audit": { entity: "none", access: ADMIN_PAGE },
};
