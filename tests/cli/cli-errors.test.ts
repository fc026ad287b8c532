// The operator CLI fails in one line starting with "error:" (docs/operations.md), whatever went
// wrong: a wrong option, a database that cannot be reached, one that has no tables yet, a path
// that is a folder. Before, these printed stack traces of 20 to 40 lines.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv, runScriptAsync } from "./run-script";

const dir = mkdtempSync(join(tmpdir(), "stride-cli-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string>) => runScriptAsync("scripts/cli.ts", args, { env: cleanEnv(env) });
const errorLines = (stderr: string) => stderr.trim().split("\n").filter((line) => line.startsWith("error:"));

describe("operator CLI errors", () => {
  it("an unknown option is a usage error (exit 2) naming the option", async () => {
    const r = await cli(["token", "create", "--email", "a@clinic.test", "--bogus"], { PGLITE_DIR: join(dir, "unused") });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("error: Unknown option '--bogus'");
  });

  it("a PostgreSQL server that does not answer: one line, exit 1", async () => {
    const r = await cli(["db", "status"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/stride", AUTH_SECRET: "x".repeat(40) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*127\.0\.0\.1:1/);
  });

  it("a database without tables: one line that says to migrate first", async () => {
    const r = await cli(["token", "create", "--email", "a@clinic.test"], { PGLITE_DIR: join(dir, "fresh") });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual(['error: the database has no Stride tables yet: run "npm run cli -- db migrate" first']);
  });

  it("a backup of a database without tables is refused, and no file is left", async () => {
    const out = join(dir, "empty.backup");
    const r = await cli(["backup", "--out", out], { PGLITE_DIR: join(dir, "fresh-backup") });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^error: the database has no Stride tables .*nothing to back up$/);
    expect(existsSync(out) || existsSync(`${out}.tmp`)).toBe(false);
  });

  it("a folder given as the file to restore: one line naming the problem", async () => {
    const r = await cli(["restore", dir], { PGLITE_DIR: join(dir, "fresh") });
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^error: .*(EISDIR|directory)/);
  });
});
