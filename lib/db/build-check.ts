// `npm start` builds when needed: no build yet, or sources newer than the last build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";
import { releaseLockFile, takeLockFile } from "./lock-file";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function buildIsStale(root = projectRoot): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

/**
 * Runs `work` while holding `.next-build.lock` (lib/db/lock-file.ts): two `npm start`s from one
 * checkout (several app servers, or parallel test runs) must not build into `.next` at the same
 * time. A lock whose owner died is taken over.
 */
export async function withBuildLock<T>(work: () => T | Promise<T>, root = projectRoot): Promise<T> {
  const lock = path.join(root, ".next-build.lock");
  while (!(await takeLockFile(lock, { pid: process.pid, startedAt: new Date().toISOString() })).taken) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    return await work();
  } finally {
    releaseLockFile(lock);
  }
}
