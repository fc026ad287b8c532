// `npm start`: the whole app on a bare machine. Embedded mode takes the data-directory lock and
// serves PGlite on 127.0.0.1 (for the app and the operator CLI); then migrate, seed the demo
// clinics when the database is empty, build if needed, and run Next on PORT.
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigError, databaseConfig, portFromEnv, type DatabaseConfig } from "@/lib/db/config";
import type { EmbeddedServer } from "@/lib/db/embedded";
import { authSecret } from "@/lib/db/secret";
import { buildIsStale, withBuildLock } from "@/lib/db/build-check";
import { projectRoot } from "@/lib/db/paths";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[stride] ${line}`);
let embedded: EmbeddedServer | undefined;
/** The running `next build` or `next start`, stopped first on shutdown. */
let child: ChildProcess | undefined;
let stopping = false;

/** How long in-flight requests get to finish after a stop signal before the app server is killed;
 * with closing the database it keeps a whole shutdown under the 10 s supervisors allow. */
const DRAIN_MS = 7_000;

async function main() {
  watchForShutdown();
  ensurePrismaClient();
  const config = databaseConfig();
  const port = portFromEnv();
  const secret = authSecret(config);
  const url = await connect(config);

  await prepareDatabase(url, config);

  if (!dev) {
    await withBuildLock(async () => {
      if (!buildIsStale()) return;
      log("Building the app (first start or changed sources; about a minute)…");
      // Asynchronous, so a stop signal during the build is handled at once (spawnSync would not).
      child = spawn(process.execPath, [nextBin(), "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
      const code = await exitOf(child);
      child = undefined;
      if (stopping) throw new ConfigError("stopped during the build"); // the shutdown exits the process
      if (code !== 0) throw new ConfigError("next build failed (see above); fix the error and run npm start again.");
    });
  }
  if (stopping) return;

  // STRIDE_NEXT_CPU_PROFILE_DIR: a V8 CPU profile of the app server, written there when it stops
  // (docs/performance.md; --cpu-prof is not accepted in NODE_OPTIONS).
  const profileDir = process.env.STRIDE_NEXT_CPU_PROFILE_DIR;
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  child = spawn(process.execPath, [...nextHeapGrowth(), ...profiling, nextBin(), dev ? "dev" : "start", "-p", String(port)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      NODE_OPTIONS: nextNodeOptions(),
      STRIDE_DATABASE_URL: url,
      STRIDE_DATABASE_KIND: config.kind,
      STRIDE_PARENT_PID: String(process.pid),
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    },
  });
  log(`Stride is starting on http://localhost:${port} (${config.kind === "pglite" ? "embedded database" : "PostgreSQL"}).`);

  child.on("exit", (code) => void shutdown(`the app server exited (${code ?? "signal"})`, code ?? 1));
}

/**
 * Stops on SIGTERM/SIGINT, and when the process that started us is gone (npm killed, or a shell
 * that did not pass the signal on): the app server first (it stops accepting connections and lets
 * in-flight requests finish, for at most DRAIN_MS), then the database, then the lock.
 */
function watchForShutdown() {
  process.on("SIGTERM", () => void shutdown("SIGTERM received", 0));
  process.on("SIGINT", () => void shutdown("SIGINT received", 0));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown("the process that started Stride is gone", 0);
  }, 500).unref();
}

async function shutdown(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  log(`Stopping (${reason})…`);
  const running = child;
  if (running && running.exitCode === null && running.signalCode === null) {
    const exited = exitOf(running);
    running.kill("SIGTERM");
    const drained = await Promise.race([exited.then(() => true), sleep(DRAIN_MS).then(() => false)]);
    if (!drained) {
      log(`The app server did not finish within ${DRAIN_MS / 1000} s; stopping it.`);
      running.kill("SIGKILL");
      await Promise.race([exited, sleep(1_000)]);
    }
  }
  await Promise.race([embedded?.close().catch(() => undefined), sleep(2_000)]);
  log("Stopped.");
  process.exit(code);
}

function exitOf(process: ChildProcess): Promise<number | null> {
  if (process.exitCode !== null || process.signalCode !== null) return Promise.resolve(process.exitCode);
  return new Promise((resolve) => process.once("exit", (code) => resolve(code)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clone installed without running npm's scripts (or whose lib/generated was removed) has no
 * Prisma client yet: generate it, as `npm install` would have. */
function ensurePrismaClient() {
  if (existsSync(path.join(projectRoot, "lib", "generated", "prisma", "client.ts"))) return;
  log("Generating the database client (lib/generated)…");
  const result = spawnSync(process.execPath, [path.join(projectRoot, "scripts", "prisma-generate.mjs")], { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) throw new ConfigError("Generating the database client failed (see above); run `npm install` and try again.");
}

/**
 * The Next server's V8 heap limit. Under load its live heap is about 100 MB (heap snapshots,
 * docs/performance.md "Memory"), but V8 sizes its heap from the machine's RAM and lets garbage
 * pile up to several times that before collecting; a limit makes it collect sooner and keeps the
 * process's memory bounded. STRIDE_NEXT_HEAP_MB overrides it (a NODE_OPTIONS that already sets
 * --max-old-space-size wins).
 */
function nextNodeOptions(): string {
  const inherited = process.env.NODE_OPTIONS ?? "";
  if (/--max-old-space-size/.test(inherited)) return inherited;
  const mb = Number(process.env.STRIDE_NEXT_HEAP_MB) > 0 ? Number(process.env.STRIDE_NEXT_HEAP_MB) : 256;
  return `${inherited} --max-old-space-size=${mb}`.trim();
}

/**
 * How far V8 lets the old generation grow past what survived the last full collection before the
 * next one. Near the 256 MB limit V8 picks a small factor (~1.4 here): a first view of a 300-visit
 * trends page ran a full collection every ~8 requests. STRIDE_NEXT_HEAP_GROWING_PERCENT=100
 * doubles it: every request got faster in the quiet benchmark (health 195 vs 135 requests/s, patient
 * page 28 vs 21, assessment POST 47 vs 39 at 10 clients) for ~25 MB more at the peak (PostgreSQL
 * 509 vs 480 MB, too close to the 512 MB goal to be the default; docs/performance.md "Memory").
 * Unset or 0: V8's own choice. A V8 flag, not accepted in NODE_OPTIONS, hence an argument here.
 */
function nextHeapGrowth(): string[] {
  const percent = Number(process.env.STRIDE_NEXT_HEAP_GROWING_PERCENT);
  return Number.isInteger(percent) && percent > 0 ? [`--heap-growing-percent=${percent}`] : [];
}

function nextBin() {
  return path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
}

async function connect(config: DatabaseConfig): Promise<string> {
  if (config.kind === "pglite") {
    // Loaded only here: with a PostgreSQL server this process never holds PGlite's code.
    const { startEmbeddedServer } = await import("@/lib/db/embedded");
    embedded = await startEmbeddedServer(config, { log });
    log(`Embedded database served on 127.0.0.1:${embedded.port} for the app and the CLI.`);
    return embedded.url;
  }
  const client = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = safeHost(config.url!);
    throw new ConfigError(
      `Cannot connect to the PostgreSQL server in DATABASE_URL (${where}): ${(error as Error).message}. ` +
        "Check that the server runs, the database exists and the user and password are right.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  log(`Connected to PostgreSQL at ${safeHost(config.url!)}.`);
  return config.url!;
}

/**
 * Migrations, the demo seed of an empty embedded database and the recompute of outdated stored
 * evaluations (scripts/prepare-database.ts), in a child process: what they load (Prisma's migration
 * engine keeps ~40–55 MB of WebAssembly memory it never returns; the ORM for the seed and the
 * recompute) leaves with it, so this long-lived process stays small. It prints its own progress and
 * errors; a failure stops the start.
 */
async function prepareDatabase(url: string, config: DatabaseConfig) {
  child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "prepare-database.ts")], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, STRIDE_DATABASE_URL: url, STRIDE_DATABASE_KIND: config.kind },
  });
  const code = await exitOf(child);
  child = undefined;
  if (stopping) throw new ConfigError("stopped while preparing the database"); // the shutdown exits the process
  if (code !== 0) throw new ReportedError();
}

/** A failure the child process has already explained (its own "cannot start" line). */
class ReportedError extends Error {}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "unparseable URL";
  }
}

main().catch(async (error: unknown) => {
  if (stopping) return;
  await embedded?.close().catch(() => undefined);
  if (error instanceof ReportedError) {
    // already said by the process that failed
  } else if (error instanceof ConfigError) {
    console.error(`[stride] cannot start: ${error.message}`);
  } else {
    console.error("[stride] cannot start:", error);
  }
  process.exit(1);
});
