// `npm start`: the whole app on a bare machine. Embedded mode takes the data-directory lock and
// serves PGlite on 127.0.0.1 (for the app and the operator CLI); then migrate, seed the demo
// clinics when the database is empty, build if needed, and run Next on PORT.
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
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

async function main() {
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

  await prepareData(url, config);

  if (!dev) {
    await withBuildLock(() => {
      if (!buildIsStale()) return;
      log("Building the app (first start or changed sources; about a minute)…");
      const build = spawnSync(process.execPath, [nextBin(), "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
      if (build.status !== 0) throw new ConfigError("next build failed (see above); fix the error and run npm start again.");
    });
  }

  const child = spawn(process.execPath, [nextBin(), dev ? "dev" : "start", "-p", String(port)], {
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

  const stop = async (code: number) => {
    child.kill("SIGTERM");
    await embedded?.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));
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

/** Brings stored statuses up to the current rules, then seeds the demo clinics into an empty database. */
async function prepareData(url: string, config: DatabaseConfig) {
  process.env.STRIDE_DATABASE_URL = url;
  process.env.STRIDE_DATABASE_KIND = config.kind;
  const { disconnectDb } = await import("@/lib/db/client");
  try {
    await recomputeStatusesAfterRulesUpgrade();
    await seedIfEmpty(config);
  } finally {
    await disconnectDb();
  }
}

/** Statuses stored under older flag rules are recomputed before the app serves them. */
async function recomputeStatusesAfterRulesUpgrade() {
  const { recomputeStatusesIfRulesChanged } = await import("@/lib/patients/rules-upgrade");
  const result = await recomputeStatusesIfRulesChanged();
  if (!result) return;
  log(
    `Flag rules changed (version ${result.from} → ${result.to}): recomputed the stored status of ${result.report.checked} patient(s); ` +
      `${result.report.stale} changed.`,
  );
}

async function seedIfEmpty(config: DatabaseConfig) {
  if (!demoEnabled(config.kind)) return;
  const { db } = await import("@/lib/db/client");
  if ((await db.clinic.count()) > 0) return;
  log("Empty database: seeding the demo clinics…");
  const { seedDemo } = await import("@/lib/seed/demo");
  const { refreshAllStatuses } = await import("@/lib/patients/evaluation");
  const counts = await seedDemo(db, { log });
  await db.$transaction((tx) => refreshAllStatuses(tx), { timeout: 120_000 });
  log(`Seeded ${counts.clinics} clinics, ${counts.users} users, ${counts.patients} patients, ${counts.assessments} assessments.`);
}

main().catch(async (error: unknown) => {
  await embedded?.close().catch(() => undefined);
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`[stride] cannot start: ${error.message}`);
  } else {
    console.error("[stride] cannot start:", error);
  }
  process.exit(1);
});
