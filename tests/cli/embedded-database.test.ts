// The embedded database has one owner. The operator CLI uses the owner's server instead of
// opening the files a second time, a second owner is refused, and a lock left by a killed
// process is reclaimed.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded";
import { cleanEnv, runScriptAsync } from "./run-script";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), "stride-embedded-"));
const pgliteDir = join(dir, "pglite");
const env = cleanEnv({ PGLITE_DIR: pgliteDir });
let server: EmbeddedServer;

beforeAll(async () => {
  server = await startEmbeddedServer(databaseConfig(cleanEnv({ PGLITE_DIR: pgliteDir })));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("embedded database with a running owner", () => {
  it("lets the CLI migrate and create users through the owner's server", async () => {
    const status = await runScriptAsync("scripts/cli.ts", ["db", "status"], { env });
    expect(status.stdout).toMatch(/Database: pglite/);
    expect(status.stdout).toMatch(/pending\s+\d+_init/);

    const migrate = await runScriptAsync("scripts/cli.ts", ["db", "migrate"], { env });
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/Applied \d+ migration\(s\)/);

    const user = await runScriptAsync(
      "scripts/cli.ts",
      ["user", "create", "--clinic", "Lakeside Podiatry", "--email", "Pat@Lakeside.test", "--role", "admin", "--password-stdin"],
      { env, input: "correct horse battery\n" },
    );
    expect(user.stderr).toBe("");
    expect(user.stdout).toMatch(/Created clinic "Lakeside Podiatry"/);
    expect(user.stdout).toMatch(/Created admin pat@lakeside\.test/);

    // The row is visible to the owner, so the CLI really wrote into the served database.
    const rows = await server.db.query<{ email: string; role: string }>(`SELECT email, role FROM "User"`);
    expect(rows.rows).toEqual([{ email: "pat@lakeside.test", role: "admin" }]);
  });

  it("refuses a second owner with one line naming the process and the fix", async () => {
    const second = await runScriptAsync("scripts/start.ts", [], { env: { ...env, PORT: "3999" } });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toMatch(new RegExp(`in use by another Stride process \\(pid ${process.pid}\\).*set PGLITE_DIR`));
  });
});

describe("several connections to the embedded server", () => {
  it("answers interleaved parameterised queries from many connections, and survives a failing one", async () => {
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      // Parameterised queries use the extended protocol (Parse/Bind/Execute/Sync per query).
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 50 === 7
            ? pool.query("SELECT * FROM no_such_table WHERE id = $1", [i]).then(() => "unexpected", () => "failed")
            : pool.query<{ n: number }>("SELECT $1::int * 2 AS n", [i]).then((r) => r.rows[0]!.n),
        ),
      );
      results.forEach((value, i) => expect(value).toBe(i % 50 === 7 ? "failed" : i * 2));
    } finally {
      await pool.end();
    }
  });
});

describe("a lock left behind by a killed process", () => {
  it("is reclaimed by the next opener", async () => {
    const other = join(dir, "crashed");
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!; // a pid that has exited
    writeFileSync(`${other}.lock`, JSON.stringify({ pid: dead, port: 1, startedAt: new Date().toISOString() }));
    const status = await runScriptAsync("scripts/cli.ts", ["db", "status"], { env: cleanEnv({ PGLITE_DIR: other }) });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/pending/);
    expect(existsSync(`${other}.lock`)).toBe(false);
  });
});
