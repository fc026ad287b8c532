// The lock files that keep one owner on the embedded database and one `next build` per checkout
// (lib/db/lock-file.ts): taken whole, never shared, reclaimed from the dead, and a lock that is
// still being written is waited for, not taken over.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLockOwner, releaseLockFile, rewriteLockFile, takeLockFile } from "@/lib/db/lock-file";
import { ROOT } from "./run-script";

const dir = mkdtempSync(join(tmpdir(), "stride-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const lockPath = () => join(dir, `test-${++n}.lock`);
const me = () => ({ pid: process.pid, startedAt: new Date().toISOString() });
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid!;

describe("lock files", () => {
  it("are taken whole by the first process; a live holder is named to the next", async () => {
    const file = lockPath();
    expect(await takeLockFile(file, me())).toEqual({ taken: true });
    expect(readLockOwner(file)?.pid).toBe(process.pid);
    rewriteLockFile(file, { ...me(), port: 4321 });
    expect(readLockOwner<{ pid: number; startedAt: string; port: number }>(file)?.port).toBe(4321);

    // A live process's lock (our parent's pid stands in for another Stride process).
    const other = lockPath();
    writeFileSync(other, JSON.stringify({ pid: process.ppid, startedAt: "2026-12-01T00:00:00.000Z" }));
    expect(await takeLockFile(other, me())).toEqual({ taken: false, owner: { pid: process.ppid, startedAt: "2026-12-01T00:00:00.000Z" } });
    releaseLockFile(other); // not ours: stays
    expect(existsSync(other)).toBe(true);
    releaseLockFile(file);
    expect(existsSync(file)).toBe(false);
  });

  it("reclaims a lock whose process is gone, and an unreadable one once it is old", async () => {
    const dead = lockPath();
    writeFileSync(dead, JSON.stringify({ pid: deadPid(), startedAt: "2026-12-01T00:00:00.000Z" }));
    expect(await takeLockFile(dead, me())).toEqual({ taken: true });
    expect(readLockOwner(dead)?.pid).toBe(process.pid);

    const stale = lockPath();
    writeFileSync(stale, "");
    utimesSync(stale, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await takeLockFile(stale, me())).toEqual({ taken: true });
  });

  it("waits while a fresh lock is still empty (being written) instead of taking it over", async () => {
    // What a process between creating the lock and writing its pid leaves for a moment; the
    // earlier code read it as a dead owner's, removed it and became a second owner.
    const file = lockPath();
    writeFileSync(file, "");
    const attempt = takeLockFile(file, me());
    writeFileSync(file, JSON.stringify({ pid: process.ppid, startedAt: "2026-12-01T00:00:00.000Z" }));
    expect(await attempt).toEqual({ taken: false, owner: { pid: process.ppid, startedAt: "2026-12-01T00:00:00.000Z" } });
  });

  it("lets one of eight processes at a time hold the build lock, every round", async () => {
    const root = mkdtempSync(join(dir, "build-"));
    const runs = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "tests/cli/lock/hold-build-lock.ts"), root, "5"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      return new Promise<{ code: number | null; stderr: string }>((done) => child.on("exit", (code) => done({ code, stderr })));
    });
    for (const run of await Promise.all(runs)) expect(run).toEqual({ code: 0, stderr: "" });

    const lines = readFileSync(join(root, "held.log"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(8 * 5 * 2);
    for (let i = 0; i < lines.length; i += 2) {
      const holder = lines[i]!.replace("enter ", "");
      expect([lines[i], lines[i + 1]]).toEqual([`enter ${holder}`, `exit ${holder}`]);
    }
    expect(existsSync(join(root, ".next-build.lock"))).toBe(false);
  }, 60_000);
});
