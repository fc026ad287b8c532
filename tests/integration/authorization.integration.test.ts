// Authorization over every route handler and page × role (anonymous, clinician, admin) × own or
// another clinic's record, against authorization-table.ts. Routes and pages are discovered from
// app/, so one without a row fails the first test. Route handlers are called as Next calls them
// (a Request with a bearer token); pages are rendered as server components with a session cookie
// (next/headers stubbed), and their redirect/notFound outcome is read from Next's error digests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/actor";
import { createApiTokenForEmail } from "@/lib/auth/api-tokens";
import { PAGES, ROUTES, type Access, type Entity, type Outcome } from "./authorization-table";

const session = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    const all = session.cookie ? [{ name: "next-auth.session-token", value: session.cookie }] : [];
    return { getAll: () => all, get: (name: string) => all.find((c) => c.name === name), has: (name: string) => all.some((c) => c.name === name) };
  },
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.77" }),
}));

const SECRET = "authorization-secret-authorization-secret";
const APP = path.resolve(import.meta.dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every file called `name` under app/, as [URL path, file]: route groups "(x)" leave no trace. */
function discover(name: "route.ts" | "page.tsx"): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === name) {
        const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        found.push([`/${segments.join("/")}`, full]);
      }
    }
  };
  walk(APP);
  return found.sort();
}

async function discoveredRoutes(): Promise<{ key: string; file: string; method: string }[]> {
  const out = [];
  for (const [url, file] of discover("route.ts")) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method];
      // A 405 for a method the route does not implement, or the JSON 404 for unknown paths.
      if (typeof handler === "function" && !(handler as { answersOnlyRefusals?: true }).answersOnlyRefusals) out.push({ key: `${method} ${url}`, file, method });
    }
  }
  return out;
}

interface Caller {
  role: Role;
  clinicId: string;
  userId: string;
  token: string;
  cookie: string;
}
let callers: Record<Role, Caller>;
let otherClinic: { clinicId: string; userId: string };

async function makeCaller(clinicId: string, role: Role): Promise<Caller> {
  const user = await db.user.create({
    data: { clinicId, email: `authz-${role}-${randomUUID()}@clinic.test`, name: `Authz ${role}`, role, passwordHash: "x" },
    select: { id: true },
  });
  const token = await createApiTokenForEmail((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email);
  const cookie = await encode({ token: { userId: user.id, clinicId, role, name: "x", clinicName: "y", sessionVersion: 0, signedInAt: Math.floor(Date.now() / 1000) }, secret: SECRET });
  return { role, clinicId, userId: user.id, token: token.secret, cookie };
}

/** A fresh set of records in a clinic: every route gets its own, so writes never affect the next. */
async function recordsIn(clinicId: string, userId: string): Promise<Record<Entity, string>> {
  const patient = await db.patient.create({
    data: { clinicId, givenName: "Authz", familyName: "Patient", birthDate: new Date("1970-01-01"), sex: "female", heightCm: 170, diagnosisSide: "left" },
    select: { id: true },
  });
  const visit = (deleted: boolean) =>
    db.assessment.create({
      data: {
        clinicId,
        patientId: patient.id,
        raterId: userId,
        takenAt: new Date("2026-01-05T09:00:00Z"),
        ...(deleted ? { deletedAt: new Date(), deletedById: userId, deleteReason: "test" } : {}),
        measures: { create: [{ clinicId, code: "ankle_df_nwb_ext_deg", side: "left", value: 4 }] },
      },
      select: { id: true },
    });
  const referral = (final: boolean) =>
    db.referral.create({
      data: {
        clinicId,
        patientId: patient.id,
        authorId: userId,
        specialty: "Orthopaedics",
        urgency: "routine",
        sections: [{ key: "reason", title: "Reason", text: "Test", included: true }],
        ...(final ? { status: "final" as const, finalizedAt: new Date(), finalizedById: userId } : {}),
      },
      select: { id: true },
    });
  const treatment = await db.treatmentEvent.create({
    data: { clinicId, patientId: patient.id, kind: "stretching", occurredAt: new Date("2026-01-06T09:00:00Z"), createdById: userId },
    select: { id: true },
  });
  return {
    patient: patient.id,
    assessment: (await visit(false)).id,
    deletedAssessment: (await visit(true)).id,
    referral: (await referral(false)).id,
    finalReferral: (await referral(true)).id,
    treatment: treatment.id,
    none: "",
  };
}

type Case = { who: "anonymous" | Role; scope: "own" | "other" };
const CASES: Case[] = [
  { who: "anonymous", scope: "own" },
  { who: "clinician", scope: "own" },
  { who: "clinician", scope: "other" },
  { who: "admin", scope: "own" },
  { who: "admin", scope: "other" },
];

function expected(access: Access, c: Case): Outcome {
  return c.who === "anonymous" ? access.anonymous : access[c.who][c.scope];
}

function outcomeOfStatus(status: number): Outcome | number {
  if (status === 401 || status === 403 || status === 404) return status;
  return status < 500 ? "ok" : status;
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.API_RATE_LIMIT_PER_MIN = "0";
  const clinic = await db.clinic.create({ data: { name: `Authz ${randomUUID().slice(0, 8)}` }, select: { id: true } });
  const other = await db.clinic.create({ data: { name: `Authz other ${randomUUID().slice(0, 8)}` }, select: { id: true } });
  callers = { clinician: await makeCaller(clinic.id, "clinician"), admin: await makeCaller(clinic.id, "admin") };
  const otherUser = await db.user.create({ data: { clinicId: other.id, email: `authz-other-${randomUUID()}@clinic.test`, name: "Other", passwordHash: "x" }, select: { id: true } });
  otherClinic = { clinicId: other.id, userId: otherUser.id };
});

describe("the authorization table covers everything", () => {
  it("has a row for every route handler method under app/", async () => {
    const missing = (await discoveredRoutes()).map((r) => r.key).filter((key) => !(key in ROUTES));
    expect(missing, "add these to tests/integration/authorization-table.ts").toEqual([]);
  });

  it("has a row for every page under app/", () => {
    const missing = discover("page.tsx").map(([url]) => url).filter((url) => !(url in PAGES));
    expect(missing, "add these to tests/integration/authorization-table.ts").toEqual([]);
  });

  it("has no stale rows", async () => {
    const routes = new Set((await discoveredRoutes()).map((r) => r.key));
    const pages = new Set(discover("page.tsx").map(([url]) => url));
    expect(Object.keys(ROUTES).filter((k) => !routes.has(k))).toEqual([]);
    expect(Object.keys(PAGES).filter((k) => !pages.has(k))).toEqual([]);
  });
});

describe("route handlers", async () => {
  const routes = (await discoveredRoutes()).filter((r) => ROUTES[r.key] && !ROUTES[r.key]!.external);
  it.each(routes.map((r) => [r.key, r] as const))("%s", async (key, route) => {
    const rule = ROUTES[key]!;
    const handler = ((await import(route.file)) as Record<string, (r: Request, c: unknown) => Promise<Response>>)[route.method]!;
    const results: Record<string, Outcome | number> = {};
    const wanted: Record<string, Outcome> = {};
    for (const c of CASES) {
      const want = expected(rule.access, c);
      if (want === "n/a") continue;
      const caller = c.who === "anonymous" ? undefined : callers[c.who];
      const owner = c.scope === "own" ? { clinicId: callers.clinician.clinicId, userId: callers.clinician.userId } : otherClinic;
      const ids = await recordsIn(owner.clinicId, owner.userId);
      const id = ids[rule.entity];
      const url = `http://localhost${key.split(" ")[1]!.replace("[id]", id)}`;
      const headers: Record<string, string> = caller ? { authorization: `Bearer ${caller.token}` } : {};
      let body: string | undefined;
      if (route.method !== "GET") {
        body = JSON.stringify(rule.body ?? {});
        headers["content-type"] = "application/json";
      }
      const response = await handler(new Request(url, { method: route.method, headers, body }), { params: Promise.resolve({ id }) });
      await response.arrayBuffer();
      const label = `${c.who}/${c.scope}`;
      results[label] = outcomeOfStatus(response.status);
      wanted[label] = want;
    }
    expect(results).toEqual(wanted);
  });
});

describe("pages", async () => {
  const pages = discover("page.tsx").filter(([url]) => PAGES[url]);
  it.each(pages)("%s", async (url, file) => {
    const rule = PAGES[url]!;
    const Page = ((await import(file)) as { default: (props: unknown) => Promise<unknown> }).default;
    const results: Record<string, Outcome | string> = {};
    const wanted: Record<string, Outcome> = {};
    for (const c of CASES) {
      const want = expected(rule.access, c);
      if (want === "n/a") continue;
      const owner = c.scope === "own" ? { clinicId: callers.clinician.clinicId, userId: callers.clinician.userId } : otherClinic;
      const id = rule.entity === "none" ? "" : (await recordsIn(owner.clinicId, owner.userId))[rule.entity];
      session.cookie = c.who === "anonymous" ? "" : callers[c.who].cookie;
      const label = `${c.who}/${c.scope}`;
      wanted[label] = want;
      try {
        await Page({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });
        results[label] = "ok";
      } catch (error) {
        const digest = String((error as { digest?: unknown }).digest ?? "");
        if (digest.startsWith("NEXT_REDIRECT")) results[label] = "login";
        else if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) results[label] = 404;
        else if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) results[label] = 403;
        else results[label] = `error: ${(error as Error).message}`;
      }
    }
    session.cookie = "";
    expect(results).toEqual(wanted);
  });
});
