// Real app servers for the HTTP benchmark and the multi-server test: `npm start` as a child process
// group, the operator CLI, a throwaway PostgreSQL database, sign-in for a session cookie, and the
// server's memory from /proc. Only 127.0.0.1 is ever contacted; every wait is bounded.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** The environment without any database settings, so the caller chooses its own. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["DATABASE_URL", "STRIDE_DATABASE_URL", "STRIDE_DATABASE_KIND", "PGLITE_DIR", "AUTH_SECRET", "NEXTAUTH_SECRET", "DEMO", "PORT", "NODE_ENV", "API_RATE_LIMIT_PER_MIN"]) {
    delete env[key];
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningServer {
  port: number;
  base: string;
  /** pid of the `npm start` process (leader of its own process group). */
  pid: number;
  output: () => string;
  /** Resolves when GET /api/v1/health answers 200; rejects if the process exits or time runs out. */
  ready: Promise<void>;
  stop: () => Promise<void>;
}

/** `npm start` in its own process group, so stop() ends npm, tsx, start.ts and Next together. */
export function startServer(options: { env: NodeJS.ProcessEnv; port: number; readyTimeoutMs?: number; label?: string; cwd?: string }): RunningServer {
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: options.cwd ?? ROOT,
    env: { ...options.env, PORT: String(options.port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const base = `http://127.0.0.1:${options.port}`;
  const label = options.label ?? `server on ${options.port}`;

  const ready = (async () => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 600_000);
    while (Date.now() < deadline) {
      if (exited) throw keepFailedServerLog(label, log, new Error(`${label} exited before it was ready:\n${log.slice(-4000)}`));
      try {
        const response = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    const seconds = Math.round((options.readyTimeoutMs ?? 600_000) / 1000);
    throw keepFailedServerLog(label, log, new Error(`${label} was not ready within ${seconds} s:\n${log.slice(-4000)}`));
  })();
  ready.catch(() => undefined);

  const stop = async () => {
    if (exited) return;
    const pgid = child.pid!;
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      return;
    }
    const timer = sleep(15_000).then(() => "timeout");
    if ((await Promise.race([exit.then(() => "exited"), timer])) === "timeout") {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
      await Promise.race([exit, sleep(5000)]);
    }
    // npm may exit before its grandchildren: make sure the group is gone.
    for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(250);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // gone
      }
    }
  };

  return { port: options.port, base, pid: child.pid!, output: () => log, ready, stop };
}

/** Where the logs of servers that never became ready are kept; `npm test` prints their ends last. */
export const FAILED_SERVER_LOGS = path.join(ROOT, "test-results", "failed-servers");

/**
 * Keeps the whole log of a server that did not start under test-results/failed-servers. A hook's
 * error is missing from Vitest's JSON report and scrolls far up a CI log; `npm test` prints these
 * files at the very end instead (scripts/test.mjs).
 */
function keepFailedServerLog(label: string, log: string, error: Error): Error {
  try {
    mkdirSync(FAILED_SERVER_LOGS, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${label.replace(/[^a-z0-9]+/gi, "-")}.log`;
    writeFileSync(path.join(FAILED_SERVER_LOGS, name), `${error.message.split("\n")[0]}\n${log}`);
  } catch {
    // the error itself still carries the log's end
  }
  return error;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The live (not zombie) processes in a process group, with their command lines, from /proc. */
export function groupMembers(pgid: number): { pid: number; command: string }[] {
  const members: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z") members.push({ pid: Number(entry), command: cmdline(Number(entry)) });
    } catch {
      // ended while reading
    }
  }
  return members;
}

/** Runs the operator CLI (`npm run cli -- …`, as node + tsx) and collects its output. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string, timeoutMs = 1_800_000) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

async function mustCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  const result = await runCli(args, env, input);
  if (result.code !== 0) throw new Error(`cli ${args.slice(0, 2).join(" ")} failed (${result.code}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

export interface ClinicUser {
  email: string;
  password: string;
  token: string;
}

/** A clinician in CLINIC (created if new) with a password and a fresh API token, through the CLI. */
export async function createClinicUser(env: NodeJS.ProcessEnv, clinic: string, email: string): Promise<ClinicUser> {
  const password = `bench-${randomBytes(9).toString("hex")}`;
  await mustCli(["user", "create", "--clinic", clinic, "--email", email, "--role", "clinician", "--name", "Bench Clinician", "--password-stdin"], env, password);
  const token = (await mustCli(["token", "create", "--email", email, "--name", "bench"], env)).trim().split("\n").at(-1)!.trim();
  return { email, password, token };
}

/** Signs in through next-auth's credentials callback; returns the Cookie header for later requests. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  remember(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie(), Origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/patients`, json: "true" }),
  });
  remember(response);
  if (![...jar.keys()].some((k) => k.includes("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text().catch(() => "")}`);
  }
  return cookie();
}

// ---- PostgreSQL -------------------------------------------------------------------------------

export function pgUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(adminUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/** True when a PostgreSQL server answers at the URL within a couple of seconds. */
export async function postgresAnswers(adminUrl: string): Promise<boolean> {
  try {
    await adminQuery(adminUrl, "SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export async function createPgDatabase(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return pgUrl(adminUrl, name);
}

export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

// ---- memory -----------------------------------------------------------------------------------

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {
      // process ended while reading
    }
  }
  return byParent;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The server's resident memory in MB: the start process (scripts/start.ts, which also serves the
 * embedded database) plus the Next process and anything under it. npm, sh and the tsx launcher in
 * between are not counted.
 */
export function serverRssMb(rootPid: number): { total: number; start: number; next: number } {
  const tree = children();
  const descendants: number[] = [];
  const walk = (pid: number) => {
    for (const child of tree.get(pid) ?? []) {
      descendants.push(child);
      walk(child);
    }
  };
  walk(rootPid);
  const nextPid = descendants.find((pid) => /next(\/dist\/bin\/next| start|-server)/.test(cmdline(pid)));
  if (nextPid === undefined) {
    const total = descendants.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
    return { total, start: total, next: 0 };
  }
  const parent = Number(readFileSync(`/proc/${nextPid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
  let nextKb = rssKb(nextPid);
  const sub: number[] = [];
  const walkNext = (pid: number) => {
    for (const child of tree.get(pid) ?? []) {
      sub.push(child);
      walkNext(child);
    }
  };
  walkNext(nextPid);
  for (const pid of sub) nextKb += rssKb(pid);
  const startKb = rssKb(parent);
  return { total: (startKb + nextKb) / 1024, start: startKb / 1024, next: nextKb / 1024 };
}

/** Samples serverRssMb every intervalMs; stop() returns the peak. */
export function sampleMemory(rootPid: number, intervalMs = 200) {
  let peak = { total: 0, start: 0, next: 0 };
  const each = { start: 0, next: 0 };
  const timer = setInterval(() => {
    const now = serverRssMb(rootPid);
    if (now.total > peak.total) peak = now;
    each.start = Math.max(each.start, now.start);
    each.next = Math.max(each.next, now.next);
  }, intervalMs);
  return {
    peak: () => peak,
    peakEach: () => ({ ...each }),
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
