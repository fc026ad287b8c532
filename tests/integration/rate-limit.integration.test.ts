// Abuse limits on both engines: failed sign-ins are slowed and then refused with 429 for a while,
// per account and per address, with the counts in the database (two Prisma clients on the same
// database, standing in for two app servers, see the same buckets); the API answers 429 with
// Retry-After past API_RATE_LIMIT_PER_MIN.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, createPrismaClient } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/connect";
import { hashPassword } from "@/lib/users/passwords";
import { authenticateWithPassword } from "@/lib/auth/options";
import { RateLimitedError } from "@/lib/errors/app-errors";
import { hitBucket } from "@/lib/rate-limit/buckets";
import { signInGate, signInLimits } from "@/lib/rate-limit/sign-in";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { call } from "./api-client";
import { createClinic, createClinicWithToken, createUserWithToken } from "./factories";

const PASSWORD = "rate limit test password";
const saved = { ...signInLimits };
let clinicId: string;
let passwordHash: string;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "rate-limit-secret-rate-limit-secret";
  clinicId = (await createClinic()).id;
  passwordHash = await hashPassword(PASSWORD);
  // The real delay is a second; a tenth keeps the test quick and still measurable.
  signInLimits.slowDelayMs = 300;
});
afterAll(() => Object.assign(signInLimits, saved));
afterEach(() => {
  delete process.env.API_RATE_LIMIT_PER_MIN;
});

let counter = 0;
async function newUser() {
  const email = `limited-${++counter}-${clinicId}@clinic.test`;
  await db.user.create({ data: { clinicId, email, name: "Limited", passwordHash }, select: { id: true } });
  return email;
}
const address = () => `192.0.2.${++counter}`;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe(`failed sign-ins on ${process.env.TEST_DB_KIND}`, () => {
  it("answers at once for the first 5 failures, slowly from then on, and refuses (429) from the 10th for 15 minutes", async () => {
    const email = await newUser();
    const from = address();
    // The gate's verdict before each attempt: no delay for the first five, the slow-down after.
    for (let i = 1; i <= 10; i++) {
      expect(await signInGate(email, from)).toEqual({ delayMs: i <= 5 ? 0 : signInLimits.slowDelayMs });
      const attempt = await timed(() => authenticateWithPassword(email, "wrong password here", from));
      expect(attempt.value).toBeNull();
      // A lower bound only (argon2's own time varies with load): slowed attempts really wait.
      if (i > 5) expect(attempt.ms).toBeGreaterThanOrEqual(signInLimits.slowDelayMs - 5);
    }
    // Blocked now: even the right password is refused, before any password check.
    const blocked = await timed(() => authenticateWithPassword(email, PASSWORD, from));
    expect(blocked.error).toBeInstanceOf(RateLimitedError);
    expect((blocked.error as RateLimitedError).status).toBe(429);
    expect((blocked.error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((blocked.error as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // From another address too: the account itself is blocked.
    await expect(authenticateWithPassword(email, PASSWORD, address())).rejects.toBeInstanceOf(RateLimitedError);
    // ...and after the block, the right password works again.
    const later = new Date(Date.now() + 16 * 60_000);
    await expect(signInGate(email, from, later)).resolves.toEqual({ delayMs: 0 });
  });

  it("lets at most 10 of 50 parallel wrong guesses reach a password check, from one address or from fifty", async () => {
    for (const addresses of [() => "198.51.100.7", () => address()]) {
      const email = await newUser();
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const answers = await Promise.allSettled(Array.from({ length: 50 }, () => authenticateWithPassword(email, "wrong password here", addresses())));
      const checked = answers.filter((a) => a.status === "fulfilled");
      const refused = answers.filter((a) => a.status === "rejected");
      expect(checked).toHaveLength(signInLimits.blockAfter);
      expect(checked.every((a) => a.value === null)).toBe(true);
      expect(refused.every((a) => a.reason instanceof RateLimitedError)).toBe(true);
      // Every password check leaves one audited failure; the refused attempts checked nothing.
      expect(await db.auditEvent.count({ where: { userId: user.id, action: "auth.signin.failure" } })).toBe(signInLimits.blockAfter);
      await expect(authenticateWithPassword(email, PASSWORD, address())).rejects.toBeInstanceOf(RateLimitedError);
    }
  });

  it("blocks an address guessing at many accounts, without blocking those accounts elsewhere", async () => {
    const from = address();
    const emails = await Promise.all(Array.from({ length: 10 }, () => newUser()));
    for (const email of emails) expect(await authenticateWithPassword(email, "wrong password here", from)).toBeNull();
    await expect(authenticateWithPassword(emails[0]!, PASSWORD, from)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await authenticateWithPassword(emails[0]!, PASSWORD, address())).toMatchObject({ email: emails[0] });
  });

  it("a successful sign-in resets the account's count", async () => {
    const email = await newUser();
    for (let i = 0; i < 9; i++) await authenticateWithPassword(email, "wrong password here", address());
    expect(await authenticateWithPassword(email, PASSWORD, address())).toMatchObject({ email });
    for (let i = 0; i < 9; i++) expect(await authenticateWithPassword(email, "wrong password here", address())).toBeNull();
    expect(await authenticateWithPassword(email, PASSWORD, address())).toMatchObject({ email });
  });

  it("starts a new window after 15 minutes", async () => {
    const key = `test:window:${++counter}`;
    const t0 = new Date();
    expect((await hitBucket(key, { windowMs: 15 * 60_000, now: t0 })).count).toBe(1);
    expect((await hitBucket(key, { windowMs: 15 * 60_000, now: new Date(t0.getTime() + 60_000) })).count).toBe(2);
    const fresh = await hitBucket(key, { windowMs: 15 * 60_000, now: new Date(t0.getTime() + 15 * 60_000 + 1) });
    expect(fresh.count).toBe(1);
  });

  it("shares the counts between two app servers (two clients on one database), concurrently", async () => {
    const email = await newUser();
    const second = createPrismaClient(resolveDatabaseTarget());
    try {
      const key = `signin:account:${email}`;
      // Five failures through each "server" at once: the shared bucket must count all ten.
      await Promise.all([
        ...Array.from({ length: 5 }, () => hitBucket(key, { windowMs: signInLimits.windowMs, blockAfter: 10, blockMs: signInLimits.blockMs })),
        ...Array.from({ length: 5 }, () => hitBucket(key, { windowMs: signInLimits.windowMs, blockAfter: 10, blockMs: signInLimits.blockMs }, second)),
      ]);
      const row = await second.rateLimitBucket.findUniqueOrThrow({ where: { key }, select: { count: true, blockedUntil: true } });
      expect(row.count).toBe(10);
      expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
      await expect(authenticateWithPassword(email, PASSWORD, address())).rejects.toBeInstanceOf(RateLimitedError);
    } finally {
      await second.$disconnect();
    }
  });

  it("the credentials callback answers 429 with Retry-After and the form's error code while blocked", async () => {
    const email = await newUser();
    const from = address();
    for (let i = 0; i < 10; i++) await authenticateWithPassword(email, "wrong password here", from);
    const request = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken: "x", json: "true" }),
    });
    const response = await authRoute.POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = await response.json();
    expect(body).toMatchObject({ error: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." });
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited:15");
  });
});

describe(`API rate limit on ${process.env.TEST_DB_KIND}`, () => {
  it("answers 429 rate_limited with Retry-After past API_RATE_LIMIT_PER_MIN, per token", async () => {
    process.env.API_RATE_LIMIT_PER_MIN = "3";
    const { token, clinic } = await createClinicWithToken();
    for (let i = 0; i < 3; i++) expect((await call(patientsRoute.GET, "GET", "/patients", { token })).status).toBe(200);
    const limited = await call(patientsRoute.GET, "GET", "/patients", { token });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: "rate_limited", message: expect.stringContaining("Try again"), issues: [] });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another token (even of the same clinic) has its own allowance.
    const other = await createUserWithToken(clinic.id);
    expect((await call(patientsRoute.GET, "GET", "/patients", { token: other.token })).status).toBe(200);
  });

  it("0 turns the limit off", async () => {
    process.env.API_RATE_LIMIT_PER_MIN = "0";
    const { token } = await createClinicWithToken();
    for (let i = 0; i < 5; i++) expect((await call(patientsRoute.GET, "GET", "/patients", { token })).status).toBe(200);
  });
});
