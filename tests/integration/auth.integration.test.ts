// Sign-in checks (argon2 against the real users table) and API authentication (cookie or token).
import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/users/passwords";
import { authenticateWithPassword } from "@/lib/auth/options";
import { requireApiActor } from "@/lib/auth/session";
import { UnauthenticatedError } from "@/lib/errors/app-errors";
import { createApiTokenForEmail, revokeApiToken } from "@/lib/auth/api-tokens";
import { actorFor, createClinic, createUser } from "./factories";

const PASSWORD = "correct horse battery";
const SECRET = "integration-secret-integration-secret";
let clinic: { id: string; name: string };
let active: { id: string; clinicId: string; email: string; role: "clinician" | "admin" };
let inactive: { id: string; clinicId: string; email: string; role: "clinician" | "admin" };

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  clinic = await createClinic();
  const passwordHash = await hashPassword(PASSWORD);
  active = await createUser(clinic.id, { passwordHash, email: `active-${clinic.id}@clinic.test` });
  inactive = await createUser(clinic.id, { passwordHash, email: `inactive-${clinic.id}@clinic.test`, active: false });
});

describe("authenticateWithPassword", () => {
  it("signs in with the right password, whatever the email's case and spaces", async () => {
    const user = await authenticateWithPassword(`  ${active.email.toUpperCase()} `, PASSWORD, "10.0.0.9");
    expect(user).toMatchObject({ id: active.id, clinicId: clinic.id, role: "clinician", clinicName: clinic.name });
    const audit = await db.auditEvent.findFirst({ where: { userId: active.id, action: "auth.signin.success" }, select: { sourceAddress: true } });
    expect(audit?.sourceAddress).toBe("10.0.0.9");
  });

  it("refuses a wrong password, an unknown email, an inactive user and junk alike", async () => {
    expect(await authenticateWithPassword(active.email, "wrong password!")).toBeNull();
    expect(await authenticateWithPassword("nobody@clinic.test", PASSWORD)).toBeNull();
    expect(await authenticateWithPassword(inactive.email, PASSWORD)).toBeNull();
    expect(await authenticateWithPassword(undefined, undefined)).toBeNull();
    expect(await db.auditEvent.count({ where: { userId: active.id, action: "auth.signin.failure" } })).toBe(1);
  });
});

async function cookieFor(user: { id: string; clinicId: string; role: string }, extra: { sessionVersion?: number; signedInAt?: number } = {}) {
  const claims = { userId: user.id, clinicId: user.clinicId, role: user.role as "clinician", name: "x", clinicName: "y", sessionVersion: 0, signedInAt: Math.floor(Date.now() / 1000) };
  const token = await encode({ token: { ...claims, ...extra }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

function request(headers: Record<string, string>) {
  return new Request("http://localhost/api/v1/patients", { headers });
}

describe("requireApiActor", () => {
  it("accepts a valid session cookie and reads the user afresh", async () => {
    const actor = await requireApiActor(request({ cookie: await cookieFor(active), "x-forwarded-for": "10.1.2.3, 10.0.0.1" }));
    expect(actor).toMatchObject({ ...actorFor(active), via: "session", sourceAddress: "10.1.2.3" });
  });

  it("refuses the cookie of an inactive user, or one claiming another clinic", async () => {
    await expect(requireApiActor(request({ cookie: await cookieFor(inactive) }))).rejects.toBeInstanceOf(UnauthenticatedError);
    const other = await createClinic();
    await expect(requireApiActor(request({ cookie: await cookieFor({ ...active, clinicId: other.id }) }))).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(requireApiActor(request({ cookie: "next-auth.session-token=forged" }))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(requireApiActor(request({}))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("accepts a bearer token until it is revoked", async () => {
    const created = await createApiTokenForEmail(active.email, "test");
    const actor = await requireApiActor(request({ authorization: `Bearer ${created.secret}` }));
    expect(actor).toMatchObject({ userId: active.id, clinicId: clinic.id, via: "token", tokenId: created.id });
    await revokeApiToken(actorFor(active), created.id);
    await expect(requireApiActor(request({ authorization: `Bearer ${created.secret}` }))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(requireApiActor(request({ authorization: "Basic abc" }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
