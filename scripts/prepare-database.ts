// Run by `npm start` (scripts/start.ts) in a process of its own, after the database answers and
// before the app server starts: pending migrations, the demo clinics for an empty embedded
// database, and the recompute of stored evaluations made by other clinical rules. What these load
// (Prisma's migration engine, whose WebAssembly memory is never returned; the ORM) leaves with this
// process, so the long-lived start process stays small. Exits 1 after one "cannot start" line.
// Reads STRIDE_DATABASE_URL and STRIDE_DATABASE_KIND (set by start.ts) and DEMO.
import pg from "pg";
import { demoEnabled, type DatabaseKind } from "@/lib/db/config";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";

const log = (line: string) => console.log(`[stride] ${line}`);

async function main() {
  const url = process.env.STRIDE_DATABASE_URL;
  const kind = process.env.STRIDE_DATABASE_KIND as DatabaseKind | undefined;
  if (!url || (kind !== "pglite" && kind !== "postgresql")) throw new Error("STRIDE_DATABASE_URL and STRIDE_DATABASE_KIND must be set (run npm start)");

  log("Applying pending migrations…");
  const applied = await applyMigrations(url).catch((error: unknown) => {
    throw new MigrationError(
      `A migration failed and was rolled back; the database is as it was. ${(error as Error).message}`,
      { cause: error },
    );
  });
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");

  // The ORM (lib/db/client) reads STRIDE_DATABASE_URL and STRIDE_DATABASE_KIND, set by start.ts.
  await seedIfEmpty(kind);
  await recomputeOutdatedEvaluations(url);
}

async function seedIfEmpty(kind: DatabaseKind) {
  if (!demoEnabled(kind)) return;
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
 * Stored evaluations made by other clinical rules (STORED_EVALUATION_VERSION changed) or never stored (rows
 * from before the stored evaluation, an old backup) are recomputed before the app serves, in
 * batches with progress. A database that is up to date costs one count over a plain connection
 * (the ORM is loaded only when there is work, which keeps a routine start quick).
 */
async function recomputeOutdatedEvaluations(url: string) {
  const { STORED_EVALUATION_VERSION } = await import("@/lib/clinical/rules-version");
  const client = new pg.Client({ connectionString: url });
  let outdated: number;
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Patient" WHERE "rulesVersion" IS DISTINCT FROM $1 OR "evaluation" IS NULL`,
      [STORED_EVALUATION_VERSION],
    );
    outdated = rows[0]!.n;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (outdated === 0) return;
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof MigrationError) console.error(`[stride] cannot start: ${error.message}`);
    else console.error("[stride] cannot start:", error);
    process.exit(1);
  },
);
