// The embedded mode's secret on a machine that never ran Stride: every missing parent is created,
// owner-only, and the secret is kept for the next start (issue 14: ENOENT on a fresh clone).
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "./config";
import { authSecret } from "./secret";

const env = (vars: Record<string, string> = {}) => vars as unknown as NodeJS.ProcessEnv;
const dir = mkdtempSync(path.join(tmpdir(), "stride-secret-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("authSecret in embedded mode", () => {
  it("creates the missing parents of the secret file (0700) and the file (0600), then reuses it", () => {
    const config = databaseConfig(env({ PGLITE_DIR: path.join(dir, "a", "b", "pglite") }));
    const secret = authSecret(config, env());
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, "a")).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, "a", "b")).mode & 0o777).toBe(0o700);
    expect(statSync(config.secretFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(config.secretFile, "utf8").trim()).toBe(secret);
    expect(authSecret(config, env())).toBe(secret);
  });
});
