// `npm run cli -- backup --out FILE` and `restore FILE [--replace]` (contract section 4) on the
// embedded database: backup while the server owns the files, restore into another data directory
// the CLI opens itself; exit codes and one-line errors an operator can act on.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/demo";
import { cleanEnv, runScriptAsync } from "./run-script";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), "stride-backup-cli-"));
const sourceDir = join(dir, "source");
const targetDir = join(dir, "target");
const file = join(dir, "clinic.backup");
let server: EmbeddedServer;

const cli = (args: string[], pgliteDir: string) => runScriptAsync("scripts/cli.ts", args, { env: cleanEnv({ PGLITE_DIR: pgliteDir }) });
const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

beforeAll(async () => {
  server = await startEmbeddedServer(databaseConfig(cleanEnv({ PGLITE_DIR: sourceDir })));
  await applyMigrations(server.url);
  const client = createPrismaClient({ kind: "pglite", url: server.url });
  try {
    await seedDemo(client);
  } finally {
    await client.$disconnect();
  }
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore on the command line", () => {
  it("backs up through the running server's database, with a one-line summary", async () => {
    const backup = await cli(["backup", "--out", file], sourceDir);
    expect(backup.stderr).toMatch(/MeasureValue: \d+ rows/); // progress goes to stderr
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim()).toMatch(/^Backup written: .*clinic\.backup \(\d+ tables, \d+ rows, \d+ bytes, sha256 [0-9a-f]{64}\)$/);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it("restores into a new data directory, then refuses to restore over its data", async () => {
    const restore = await cli(["restore", file], targetDir);
    expect(restore.stderr).not.toMatch(/error/);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ rows into \d+ tables of the pglite database\.$/m);

    const again = await cli(["restore", file], targetDir);
    expect(again.code).toBe(1);
    expect(lastLine(again.stderr)).toMatch(/^error: the database already holds data \(.*\); .*--replace/);
  });

  it("refuses a damaged file with exit 1 and one line, before opening the database", async () => {
    const damaged = join(dir, "damaged.backup");
    copyFileSync(file, damaged);
    const bytes = readFileSync(damaged);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await cli(["restore", "--replace", damaged], targetDir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: .*damaged.*nothing was restored/);
    expect(result.stdout).toBe("");
  });

  it("replaces the data with --replace", async () => {
    const result = await cli(["restore", file, "--replace"], targetDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\(replacing its data\)/);
  });

  it("answers usage errors with exit 2", async () => {
    expect((await cli(["backup"], targetDir)).code).toBe(2);
    const noFile = await cli(["restore"], targetDir);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/restore needs exactly one FILE/);
  });
});
