// Two `npm start` processes on two ports against one PostgreSQL database serve one clinic
// correctly: concurrent assessment POSTs through both are each stored once (Idempotency-Keys are
// rows, so a retry sent to the other server replays instead of storing twice), and a session cookie
// signed in on server A works on server B (sessions are signed cookies, nothing in memory).
// Needs TEST_DATABASE_URL (CI sets it); skipped with a message otherwise, but never under CI=true.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseEnv,
  createClinicUser,
  createPgDatabase,
  dropPgDatabase,
  freePort,
  signIn,
  startServer,
  uniqueDatabaseName,
  type ClinicUser,
  type RunningServer,
} from "../../bench/server";

const adminUrl = process.env.TEST_DATABASE_URL;
const ci = process.env.CI === "true";

if (!adminUrl && !ci) {
  console.warn("two-servers.test.ts skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run it.");
}

describe.skipIf(!adminUrl && !ci)("two app servers on one PostgreSQL", () => {
  const name = uniqueDatabaseName("stride_multi");
  let url = "";
  let env: NodeJS.ProcessEnv;
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  let user: ClinicUser;
  let patientId = "";

  beforeAll(async () => {
    if (!adminUrl) throw new Error("CI=true but TEST_DATABASE_URL is not set: the multi-server test must run in CI.");
    url = await createPgDatabase(adminUrl, name);
    env = baseEnv({ DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64"), DEMO: "0" });
    // Both at once: they migrate under the schema engine's advisory lock and build under
    // .next-build.lock (the first builds if the build is stale, the second waits and reuses it).
    const [portA, portB] = [await freePort(), await freePort()];
    a = startServer({ env, port: portA, label: "server A" });
    b = startServer({ env, port: portB === portA ? portA + 1 : portB, label: "server B" });
    await Promise.all([a.ready, b.ready]);
    user = await createClinicUser(env, "Two Servers Physio", `two-servers-${randomBytes(3).toString("hex")}@clinic.test`);
    const created = await fetch(`${a.base}/api/v1/patients`, {
      method: "POST",
      headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ givenName: "Ada", familyName: "Twoserver", birthDate: "1980-04-02", sex: "female", heightCm: 165, diagnosisSide: "left" }),
    });
    expect(created.status).toBe(201);
    patientId = ((await created.json()) as { id: string }).id;
  }, 900_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (adminUrl) await dropPgDatabase(adminUrl, name).catch(() => undefined);
  }, 60_000);

  it("stores every one of 30 distinct concurrent writes once, and 10 duplicates sent to the other server once", async () => {
    const servers = [a!, b!];
    const visit = (i: number) => ({
      takenAt: new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString(),
      // The last visit is severe, so a lost or stale status refresh would show in the flags check.
      measures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: i === 29 ? -5 : 15 }],
      redFlags: [],
    });
    const post = (server: RunningServer, i: number) =>
      fetch(`${server.base}/api/v1/patients/${patientId}/assessments`, {
        method: "POST",
        headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json", "Idempotency-Key": `multi-${i}` },
        body: JSON.stringify(visit(i)),
      }).then(async (response) => ({ i, status: response.status, replayed: response.headers.get("idempotent-replayed") === "true", body: (await response.json()) as { id?: string } }));
    // 30 distinct visits alternating between A and B, plus the first 10 sent again to the other server.
    const requests = [
      ...Array.from({ length: 30 }, (_, i) => post(servers[i % 2]!, i)),
      ...Array.from({ length: 10 }, (_, i) => post(servers[(i + 1) % 2]!, i)),
    ];
    const answers = await Promise.all(requests);
    expect(answers.map((x) => x.status)).toEqual(Array(40).fill(201));
    const idsByVisit = new Map<number, Set<string>>();
    for (const answer of answers) {
      const set = idsByVisit.get(answer.i) ?? new Set<string>();
      set.add(answer.body.id!);
      idsByVisit.set(answer.i, set);
    }
    expect([...idsByVisit.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set([...idsByVisit.values()].map((set) => [...set][0])).size).toBe(30);
    expect(answers.filter((x) => x.replayed)).toHaveLength(10);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const stored = await client.query<{ n: number; days: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT "takenAt")::int AS days FROM "Assessment" WHERE "patientId" = $1`,
        [patientId],
      );
      expect(stored.rows[0]).toEqual({ n: 30, days: 30 });
      const keys = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "IdempotencyKey" WHERE key LIKE 'multi-%'`);
      expect(keys.rows[0]!.n).toBe(30);
    } finally {
      await client.end();
    }

    // Both servers read the same stored status, and it is the engine's verdict on all 30 visits.
    for (const server of servers) {
      const [flags, one] = await Promise.all([
        fetch(`${server.base}/api/v1/patients/${patientId}/flags`, { headers: { Authorization: `Bearer ${user.token}` } }).then((r) => r.json() as Promise<{ status: string }>),
        fetch(`${server.base}/api/v1/patients/${patientId}`, { headers: { Authorization: `Bearer ${user.token}` } }).then((r) => r.json() as Promise<{ status: string }>),
      ]);
      expect(one.status).toBe(flags.status);
      expect(flags.status).not.toBe("none");
    }
  }, 120_000);

  it("accepts a session cookie signed in on server A at server B", async () => {
    const cookie = await signIn(a!.base, user.email, user.password);
    const list = await fetch(`${b!.base}/api/v1/patients`, { headers: { Cookie: cookie } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { id: string }[];
    expect(body.map((p) => p.id)).toContain(patientId);
    const page = await fetch(`${b!.base}/patients/${patientId}`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Twoserver");
  }, 60_000);
});
