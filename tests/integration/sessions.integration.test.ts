// Revocable sessions (issue 14): a copied session cookie stops working after the user signs out,
// changes their password, has it reset by an admin or is deactivated; and a session ends 12 h
// after sign-in however often GET /api/auth/session re-issued its cookie.
import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/users/passwords";
import { authOptions, authenticateWithPassword } from "@/lib/auth/options";
import { requireApiActor } from "@/lib/auth/session";
import { UnauthenticatedError } from "@/lib/errors/app-errors";
import { changeOwnPassword, resetUserPassword, setUserActive } from "@/lib/users/mutations";
import { actorFor, createClinic, createUser } from "./factories";

const PASSWORD = "correct horse battery";
const SECRET = "integration-secret-integration-secret";
let clinic: { id: string; name: string };
let admin: { id: string; clinicId: string; email: string; role: "clinician" | "admin" };

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  clinic = await createClinic();
  admin = await createUser(clinic.id, { role: "admin", passwordHash: await hashPassword(PASSWORD) });
});

async function newClinician() {
  return createUser(clinic.id, { passwordHash: await hashPassword(PASSWORD) });
}

/** Signs in as next-auth does (authorize, then the jwt callback) and returns the session's token. */
async function signIn(email: string): Promise<JWT> {
  const user = await authenticateWithPassword(email, PASSWORD);
  expect(user).not.toBeNull();
  return (await authOptions.callbacks!.jwt!({ token: { email }, user: user!, account: null } as never)) as JWT;
}

async function cookieOf(token: JWT): Promise<string> {
  return `next-auth.session-token=${await encode({ token, secret: SECRET })}`;
}

async function works(cookie: string): Promise<boolean> {
  try {
    await requireApiActor(new Request("http://localhost/api/v1/patients", { headers: { cookie } }));
    return true;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return false;
    throw error;
  }
}

/** What GET /api/auth/session does with the cookie: the jwt callback, which re-issues it or refuses. */
async function sessionEndpointAccepts(token: JWT): Promise<boolean> {
  try {
    await authOptions.callbacks!.jwt!({ token } as never);
    return true;
  } catch {
    return false;
  }
}

describe("ending sessions", () => {
  it("signing out ends the session and every copy of its cookie", async () => {
    const user = await newClinician();
    const token = await signIn(user.email);
    const copied = await cookieOf(token);
    const otherDevice = await cookieOf(await signIn(user.email));
    expect(await works(copied)).toBe(true);
    expect(await sessionEndpointAccepts(token)).toBe(true);

    await authOptions.events!.signOut!({ token, session: undefined as never });

    expect(await works(copied)).toBe(false);
    expect(await works(otherDevice)).toBe(false);
    expect(await sessionEndpointAccepts(token)).toBe(false);
    // Signing in again gives a working session.
    expect(await works(await cookieOf(await signIn(user.email)))).toBe(true);
  });

  it("an admin's password reset and a deactivation end the user's sessions; reactivating does not revive them", async () => {
    const user = await newClinician();
    const before = await cookieOf(await signIn(user.email));
    await resetUserPassword(actorFor(admin), { userId: user.id, password: PASSWORD });
    expect(await works(before)).toBe(false);

    const second = await cookieOf(await signIn(user.email));
    expect(await works(second)).toBe(true);
    await setUserActive(actorFor(admin), user.id, false);
    expect(await works(second)).toBe(false);
    await setUserActive(actorFor(admin), user.id, true);
    expect(await works(second)).toBe(false);
    expect(await works(await cookieOf(await signIn(user.email)))).toBe(true);
  });

  it("changing one's own password ends the other sessions; the returned version keeps the current one", async () => {
    const user = await newClinician();
    const current = await signIn(user.email);
    const copied = await cookieOf(current);
    const { sessionVersion } = await changeOwnPassword(actorFor(user), { currentPassword: PASSWORD, newPassword: "another long phrase", confirmPassword: "another long phrase" });
    expect(await works(copied)).toBe(false);
    expect(await works(await cookieOf({ ...current, sessionVersion }))).toBe(true);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(stored.sessionVersion).toBe(sessionVersion);
  });
});

describe("absolute lifetime", () => {
  it("ends 12 h after sign-in: the session endpoint refuses to re-issue it and the API refuses it", async () => {
    const user = await newClinician();
    const token = await signIn(user.email);
    const hoursAgo = (h: number) => Math.floor(Date.now() / 1000 - h * 3600);
    // A cookie re-issued a moment ago (its JWT expiry is fresh) for a sign-in 11 h 50 min ago works…
    expect(await works(await cookieOf({ ...token, signedInAt: hoursAgo(11.8) }))).toBe(true);
    expect(await sessionEndpointAccepts({ ...token, signedInAt: hoursAgo(11.8) })).toBe(true);
    // …and one for a sign-in 12 h 5 min ago does not, however recently it was refreshed.
    expect(await works(await cookieOf({ ...token, signedInAt: hoursAgo(12.1) }))).toBe(false);
    expect(await sessionEndpointAccepts({ ...token, signedInAt: hoursAgo(12.1) })).toBe(false);
  });

  it("keeps the sign-in time when the session endpoint re-issues the cookie", async () => {
    const user = await newClinician();
    const token = await signIn(user.email);
    const reissued = (await authOptions.callbacks!.jwt!({ token: { ...token } } as never)) as JWT;
    expect(reissued.signedInAt).toBe(token.signedInAt);
  });
});
