// Crash safety (issue 7): a write that was acknowledged survives a kill -9, and the next start
// opens the data cleanly. Embedded: the process that owns PGlite is killed in the middle of 50
// concurrent writes and restarted on the same directory. PostgreSQL: the server is not ours to
// kill, so a writer process is killed with committed writes and open transactions in flight.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createDatabase, dropDatabase, uniqueName } from "../integration/test-databases";
import { cleanEnv, ROOT } from "./run-script";

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), "stride-crash-"));
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Spawns a test script and resolves once it prints a line matching `ready`. */
function spawnUntil(script: string, env: NodeJS.ProcessEnv, ready: RegExp, onLine: (line: string) => void = () => undefined) {
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const lines: string[] = [];
  let buffered = "";
  return new Promise<{ child: typeof child; lines: string[] }>((resolve, reject) => {
    child.stdout.on("data", (data: Buffer) => {
      buffered += data.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        onLine(line);
        if (ready.test(line)) resolve({ child, lines });
      }
    });
    child.on("exit", (code, signal) => reject(new Error(`${script} exited (${code ?? signal}) before ${ready}: ${stderr}`)));
  });
}

async function startOwner(pgliteDir: string) {
  const { child, lines } = await spawnUntil("tests/cli/crash/embedded-owner.ts", cleanEnv({ PGLITE_DIR: pgliteDir }), /^READY /);
  const url = lines.find((l) => l.startsWith("READY "))!.slice(6);
  const settings = lines.find((l) => l.startsWith("SETTINGS ")) ?? "";
  return { child, url, settings };
}

async function names(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(sql)).rows.map((r) => r.name).sort();
  } finally {
    await client.end();
  }
}

describe("crash safety on the embedded database", () => {
  it("does not ask PGlite for relaxed durability", () => {
    // relaxedDurability lets a query return before its writes reach the file system.
    expect(readFileSync(join(ROOT, "lib/db/embedded.ts"), "utf8")).not.toMatch(/relaxedDurability\s*:\s*true/);
  });

  it("keeps every acknowledged write when the owner is killed mid-way through 50 concurrent writes", async () => {
    const pgliteDir = join(dir, "pglite");
    const first = await startOwner(pgliteDir);
    const clients = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const client = new pg.Client({ connectionString: first.url });
        client.on("error", () => undefined); // the server vanishes mid-query
        await client.connect();
        return client;
      }),
    );
    const acknowledged: string[] = [];
    const failed: string[] = [];
    const KILL_AFTER = 15;
    await Promise.all(
      clients.map(async (client, n) => {
        const name = `write-${n}`;
        try {
          // One clinic and its audit event in one transaction, as the app writes.
          await client.query("BEGIN");
          await client.query(`INSERT INTO "Clinic" (name) VALUES ($1)`, [name]);
          await client.query(`INSERT INTO "AuditEvent" (action, "entityId") VALUES ('crash.write', $1)`, [name]);
          await client.query("COMMIT");
          acknowledged.push(name);
          if (acknowledged.length === KILL_AFTER) first.child.kill("SIGKILL");
        } catch {
          failed.push(name);
        }
      }),
    );
    await new Promise((resolve) => (first.child.exitCode !== null || first.child.signalCode ? resolve(null) : first.child.on("exit", resolve)));
    for (const client of clients) client.end().catch(() => undefined);
    console.info(`[crash] embedded: ${acknowledged.length} acknowledged, ${failed.length} cut off by kill -9; ${first.settings}`);
    expect(first.child.signalCode).toBe("SIGKILL");
    // PGlite runs with fsync=off: a commit is durable against a killed process (the OS keeps the
    // written WAL) but not against power loss. Asynchronous commit would lose acknowledged writes
    // even to kill -9 (measured: 0 of 15 survived), so it must stay on.
    expect(first.settings).toMatch(/synchronous_commit=on/);
    expect(failed.length).toBeGreaterThan(0); // the kill really came in the middle

    // Restart on the same files: the stale lock (dead pid) is reclaimed and the data opens.
    const second = await startOwner(pgliteDir);
    try {
      const clinics = await names(second.url, `SELECT name FROM "Clinic" WHERE name LIKE 'write-%'`);
      const audits = await names(second.url, `SELECT "entityId" AS name FROM "AuditEvent" WHERE action = 'crash.write'`);
      console.info(`[crash] embedded after restart: ${clinics.length} writes present (${acknowledged.length} acknowledged)`);
      for (const name of acknowledged) expect(clinics).toContain(name);
      expect(audits).toEqual(clinics); // no transaction is half there
      const after = await names(second.url, `INSERT INTO "Clinic" (name) VALUES ('after-restart') RETURNING name`);
      expect(after).toEqual(["after-restart"]);
    } finally {
      second.child.kill("SIGTERM");
      await new Promise((resolve) => second.child.on("exit", resolve));
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("crash safety on PostgreSQL", () => {
  it("keeps acknowledged writes and none of the open transactions when the writer is killed", async () => {
    const name = uniqueName("stride_crash");
    const url = await createDatabase(name);
    try {
      await applyMigrations(url);
      const acknowledged: string[] = [];
      let opened = 0;
      let killed = false;
      const writer = spawnUntil("tests/cli/crash/postgres-writer.ts", cleanEnv({ CRASH_DATABASE_URL: url }), /^DONE$/, (line) => {
        if (line.startsWith("OPEN ")) opened++;
        if (line.startsWith("ACK ")) acknowledged.push(`write-${line.slice(4)}`);
        if (acknowledged.length === 20 && !killed) {
          killed = true;
          children.at(-1)!.kill("SIGKILL");
        }
      });
      await writer.catch((error: Error) => expect(error.message).toMatch(/SIGKILL/));
      expect(opened).toBe(5);
      expect(acknowledged.length).toBeLessThan(50);
      // PostgreSQL notices the dead connections and rolls their transactions back.
      const clinics = await names(url, `SELECT name FROM "Clinic"`);
      const audits = await names(url, `SELECT "entityId" AS name FROM "AuditEvent"`);
      console.info(`[crash] postgresql: ${acknowledged.length} acknowledged, ${clinics.length} present after kill -9 of the writer`);
      for (const write of acknowledged) expect(clinics).toContain(write);
      expect(clinics.filter((c) => c.startsWith("open-"))).toEqual([]);
      expect(audits).toEqual(clinics);
    } finally {
      await dropDatabase(name);
    }
  });
});
