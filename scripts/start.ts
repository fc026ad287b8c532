// `npm start`: the whole app on a bare machine. Embedded mode takes the data-directory lock and
// serves PGlite on 127.0.0.1 (for the app and the operator CLI); then migrate, seed the demo
// clinics when the database is empty, build if needed, and run Next on PORT.
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigError, databaseConfig, demoEnabled, portFromEnv, type DatabaseConfig } from "@/lib/db/config";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
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

  log("Applying pending migrations…");
  const applied = await applyMigrations(url).catch((error: unknown) => {
    throw new MigrationError(
      `A migration failed and was rolled back; the database is as it was. ${(error as Error).message}`,
      { cause: error },
    );
  });
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");

  await seedIfEmpty(url, config);
  await recomputeOutdatedEvaluations(url, config);

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

  child = spawn(process.execPath, [nextBin(), dev ? "dev" : "start", "-p", String(port)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
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

function nextBin() {
  return path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
}

async function connect(config: DatabaseConfig): Promise<string> {
  if (config.kind === "pglite") {
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

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "unparseable URL";
  }
}

async function seedIfEmpty(url: string, config: DatabaseConfig) {
  if (!demoEnabled(config.kind)) return;
  process.env.STRIDE_DATABASE_URL = url;
  process.env.STRIDE_DATABASE_KIND = config.kind;
  const { db, disconnectDb } = await import("@/lib/db/client");
  try {
    if ((await db.clinic.count()) > 0) return;
    log("Empty database: seeding the demo clinics…");
    const { seedDemo } = await import("@/lib/seed/demo");
    const { refreshAllStatuses } = await import("@/lib/patients/evaluation");
    const counts = await seedDemo(db, { log });
    await db.$transaction((tx) => refreshAllStatuses(tx), { timeout: 120_000 });
    log(`Seeded ${counts.clinics} clinics, ${counts.users} users, ${counts.patients} patients, ${counts.assessments} assessments.`);
  } finally {
    await disconnectDb();
  }
}

/**
 * Stored evaluations made by other clinical rules (RULES_VERSION changed) or never stored (rows
 * from before the stored evaluation, an old backup) are recomputed before the app serves, in
 * batches with progress. A database that is up to date costs one count over a plain connection
 * (the ORM is loaded into this long-lived process only when there is work).
 */
async function recomputeOutdatedEvaluations(url: string, config: DatabaseConfig) {
  const { RULES_VERSION } = await import("@/lib/clinical/rules-version");
  const client = new pg.Client({ connectionString: url });
  let outdated: number;
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Patient" WHERE "rulesVersion" IS DISTINCT FROM $1 OR "evaluation" IS NULL`,
      [RULES_VERSION],
    );
    outdated = rows[0]!.n;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (outdated === 0) return;
  process.env.STRIDE_DATABASE_URL = url;
  process.env.STRIDE_DATABASE_KIND = config.kind;
  const { disconnectDb } = await import("@/lib/db/client");
  const { recomputeOutdatedEvaluations: recompute } = await import("@/lib/patients/status-repair");
  try {
    let shown = 0;
    const report = await recompute({
      keep: 0,
      onProgress: (done, total) => {
        if (done === total || Date.now() - shown > 2_000) {
          shown = Date.now();
          log(`Recomputing stored flag evaluations for the current clinical rules: ${done} of ${total} patients…`);
        }
      },
    });
    if (report.checked) log(`Recomputed ${report.checked} stored evaluations in ${report.seconds.toFixed(1)} s.`);
  } finally {
    await disconnectDb();
  }
}

main().catch(async (error: unknown) => {
  if (stopping) return;
  await embedded?.close().catch(() => undefined);
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`[stride] cannot start: ${error.message}`);
  } else {
    console.error("[stride] cannot start:", error);
  }
  process.exit(1);
});
