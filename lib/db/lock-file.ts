// Lock files: the embedded database's owner (PGlite does not lock its directory; two openers
// corrupt it) and `next build` (two builds into one `.next` break each other).
//
// A lock file always holds its owner's JSON whole. It is written to a temporary file first and
// then linked into place (the link fails if the lock exists, atomically), and rewritten by rename.
// With `open(O_EXCL)` and a write after it, the file is empty for a moment: a second process that
// read it then took it for a dead owner's, removed it and went on as a second owner.
import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { isProcessAlive } from "./process-alive";

export interface LockOwner {
  pid: number;
  startedAt: string;
}

/** An unreadable lock younger than this may be one an older Stride is still writing: wait for it. */
const UNREADABLE_GRACE_MS = 10_000;
const RETRY_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;
const sideFile = (file: string, what: string) => `${file}.${what}-${process.pid}-${randomBytes(4).toString("hex")}`;

/** The lock's text, or undefined when there is no lock. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

function parseOwner<T extends LockOwner>(text: string): T | undefined {
  try {
    const owner = JSON.parse(text) as T;
    return Number.isInteger(owner?.pid) && owner.pid > 0 ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function readLockOwner<T extends LockOwner>(file: string): T | undefined {
  const text = readText(file);
  return text === undefined ? undefined : parseOwner<T>(text);
}

/** Creates the lock holding `text`, or answers false when one exists. Never leaves it partial. */
function create(file: string, text: string): boolean {
  const temp = sideFile(file, "new");
  writeFileSync(temp, text, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(errorCode(error) ?? "")) throw error;
    // A file system without hard links: O_EXCL, with the short empty moment readers wait out.
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, text);
      closeSync(fd);
      return true;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === "EEXIST") return false;
      throw fallbackError;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Removes a dead owner's lock, the one whose text was `seen`. It is renamed aside first (only one
 * process can); if what was moved is not what was seen, another process had taken the lock in
 * between, and it is put back.
 */
function removeDead(file: string, seen: string): void {
  const aside = sideFile(file, "dead");
  try {
    renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  try {
    if (readFileSync(aside, "utf8") !== seen) linkSync(aside, file);
  } catch {
    // put back by nobody: a third process took the lock meanwhile, and it holds it
  } finally {
    rmSync(aside, { force: true });
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Takes `file` for this process, or answers the live process that holds it. A lock left by a
 * process that is gone (killed, or this process's own pid after a restart) is taken over.
 */
export async function takeLockFile<T extends LockOwner>(file: string, owner: T): Promise<{ taken: true } | { taken: false; owner: T }> {
  const text = JSON.stringify(owner);
  for (;;) {
    if (create(file, text)) return { taken: true };
    const seen = readText(file);
    if (seen === undefined) continue; // released meanwhile
    const holder = parseOwner<T>(seen);
    if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) return { taken: false, owner: holder };
    if (!holder && ageMs(file) < UNREADABLE_GRACE_MS) {
      await sleep(RETRY_MS);
      continue;
    }
    removeDead(file, seen);
  }
}

/** Replaces this process's lock with `owner` (e.g. once it knows its port), atomically. */
export function rewriteLockFile<T extends LockOwner>(file: string, owner: T): void {
  const temp = sideFile(file, "new");
  writeFileSync(temp, JSON.stringify(owner), { mode: 0o600 });
  renameSync(temp, file);
}

/** Removes the lock if this process holds it. */
export function releaseLockFile(file: string): void {
  if (readLockOwner(file)?.pid === process.pid) rmSync(file, { force: true });
}
