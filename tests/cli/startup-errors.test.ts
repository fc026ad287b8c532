// npm start with bad configuration stops with one clear line naming the cause and the fix.
import { describe, expect, it, vi } from "vitest";
import { cleanEnv, runScript } from "./run-script";

vi.setConfig({ testTimeout: 60_000 });

function start(env: Record<string, string>) {
  const result = runScript("scripts/start.ts", [], { env: cleanEnv(env) });
  const lines = result.stderr.trim().split("\n").filter(Boolean);
  return { ...result, lines };
}

describe("start-up configuration errors", () => {
  it("refuses a DATABASE_URL that is not a PostgreSQL URL", () => {
    const r = start({ DATABASE_URL: "mysql://localhost/stride", AUTH_SECRET: "x".repeat(40) });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/cannot start: DATABASE_URL must be a PostgreSQL connection string/);
  });

  it("requires AUTH_SECRET with a PostgreSQL server, and says how to make one", () => {
    const r = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/AUTH_SECRET is required when DATABASE_URL is set: generate one with `openssl rand -base64 32`/);
  });

  it("names the server it cannot reach, without a stack trace", () => {
    const r = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/stride", AUTH_SECRET: "x".repeat(40) });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/Cannot connect to the PostgreSQL server in DATABASE_URL \(127\.0\.0\.1:1\/stride\)/);
  });

  it("rejects a PORT that is not a port number", () => {
    const r = start({ PORT: "http", PGLITE_DIR: "/nonexistent-never-opened" });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['[stride] cannot start: PORT must be a whole number from 1 to 65535, not "http".']);
  });
});
