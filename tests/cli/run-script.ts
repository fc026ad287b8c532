// Spawns one of the repo's TypeScript scripts the way npm does (node + tsx), for CLI tests.
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/** The environment without database settings, so a test chooses its own. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["DATABASE_URL", "STRIDE_DATABASE_URL", "STRIDE_DATABASE_KIND", "PGLITE_DIR", "AUTH_SECRET", "DEMO", "PORT"]) delete env[key];
  return { ...env, ...extra };
}

export function runScript(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: options.env ?? cleanEnv(),
    input: options.input,
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function runScriptAsync(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: options.env ?? cleanEnv() });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  if (options.input !== undefined) child.stdin.end(options.input);
  else child.stdin.end();
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  return { code, stdout, stderr };
}
