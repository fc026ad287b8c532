// Backup and restore (contract section 4, issue 7): a backup of this engine restores into the
// OTHER engine row for row; a non-empty target, a damaged file and a failure halfway all leave the
// target exactly as it was.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { servePglite } from "@/lib/db/embedded";
import { applyMigrations, loadMigrationList, SCHEMA_PATH } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed/demo";
import { createBackup } from "@/lib/backup/backup";
import { backupLines, CorruptBackupError, writeBackupFile, type BackupHeader } from "@/lib/backup/format";
import { checkBackupIsNotNewer, restoreBackup, RestoreRefusedError } from "@/lib/backup/restore";
import { applicationTables, quoteIdent, useExactTextForms } from "@/lib/backup/schema";
import { createDatabase, dropDatabase, uniqueName } from "./test-databases";

const sourceKind = process.env.TEST_DB_KIND === "postgresql" ? "postgresql" : "pglite";
const sourceUrl = () => process.env.STRIDE_DATABASE_URL!;
const dir = mkdtempSync(path.join(tmpdir(), "stride-backup-"));
const file = path.join(dir, "clinic.backup");
const cleanups: (() => Promise<void>)[] = [];
const otherKind = sourceKind === "pglite" && process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";
let target: { kind: string; url: string };

/** A fresh migrated database of the other engine (PGlite when no PostgreSQL server is configured). */
async function freshDatabase(kind: "pglite" | "postgresql"): Promise<{ kind: string; url: string }> {
  if (kind === "postgresql") {
    const name = uniqueName("stride_restore");
    const url = await createDatabase(name);
    cleanups.push(() => dropDatabase(name));
    await applyMigrations(url);
    return { kind, url };
  }
  const pglite = await PGlite.create();
  const served = await servePglite(pglite);
  cleanups.push(async () => {
    await served.server.stop();
    await pglite.close();
  });
  await applyMigrations(served.url);
  return { kind, url: served.url };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every application table, every column as its exact text form, ordered by primary key. */
async function snapshot(url: string): Promise<Record<string, unknown[][]>> {
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    await useExactTextForms(client);
    const result: Record<string, unknown[][]> = {};
    for (const table of await applicationTables(client)) {
      const columns = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(", ");
      const order = table.primaryKey.map(quoteIdent).join(", ");
      const { rows } = await client.query<unknown[]>({ text: `SELECT ${columns} FROM ${quoteIdent(table.name)} ORDER BY ${order}`, rowMode: "array" });
      result[table.name] = rows;
    }
    await client.query("COMMIT");
    return result;
  });
}

/** Values that break naive dumps: >2^53 bigints, binary-unfriendly floats, JSON null vs NULL, arrays. */
async function addAwkwardRows(url: string) {
  await withClient(url, async (client) => {
    const clinic = (await client.query<{ id: string }>(`SELECT id FROM "Clinic" ORDER BY name LIMIT 1`)).rows[0]!.id;
    await client.query(
      `INSERT INTO "AuditEvent" (id, "clinicId", action, at, details) VALUES
         (9007199254740993, $1, 'backup.test.json-null', '2026-03-01 09:30:00.123+00', 'null'::jsonb),
         (9007199254740994, $1, 'backup.test.sql-null', '2026-03-01 09:30:00.001+02', NULL),
         (9007199254740995, NULL, 'backup.test.nested', '1999-12-31 23:59:59.999+00', $2::jsonb)`,
      [clinic, JSON.stringify({ quote: 'a "b" \\ c', unicode: "Größe ✓ 🦶", list: [1.5, null, true], big: 12345678901234567890 })],
    );
    const assessment = (await client.query<{ id: string }>(`SELECT id FROM "Assessment" ORDER BY id LIMIT 1`)).rows[0]!.id;
    await client.query(`UPDATE "Assessment" SET "redFlags" = $2, notes = $3 WHERE id = $1`, [
      assessment,
      ["night pain", 'has "quotes", commas', "{braces}", "NULL", ""],
      "line one\nline two\ttab",
    ]);
    await client.query(`UPDATE "MeasureValue" SET value = 0.1::float8 + 0.2::float8 WHERE id = (SELECT id FROM "MeasureValue" ORDER BY id LIMIT 1)`);
    await client.query(`UPDATE "MeasureValue" SET value = 1e-300 WHERE id = (SELECT id FROM "MeasureValue" ORDER BY id DESC LIMIT 1)`);
  });
}

async function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines: string[] = [];
  for await (const line of backupLines(from)) lines.push(line);
  await writeBackupFile(to, edit(lines.slice(0, -1))); // drop the old trailer; a new checksum is added
}

beforeAll(async () => {
  await seedDemo(db);
  await addAwkwardRows(sourceUrl());
  target = await freshDatabase(otherKind);
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup of ${sourceKind}`, () => {
  it("covers every model in schema.prisma, in foreign-key order, with header counts", async () => {
    const summary = await createBackup(sourceUrl(), file, { source: sourceKind });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    const header = JSON.parse((await backupLines(file).next()).value as string) as BackupHeader;
    const models = [...readFileSync(SCHEMA_PATH, "utf8").matchAll(/^model (\w+) \{[^}]*?(?:@@map\("([^"]+)"\))?[^}]*\}/gms)].map((m) => m[2] ?? m[1]!);
    expect(header.tables.map((t) => t.name).sort()).toEqual(models.sort());
    const position = (name: string) => header.tables.findIndex((t) => t.name === name);
    expect(position("Clinic")).toBeLessThan(position("User"));
    expect(position("Assessment")).toBeLessThan(position("MeasureValue"));
    expect(header.appMigrations).toEqual((await loadMigrationList()).migrationDirectories.map((d) => d.path));
    expect(header.tables.find((t) => t.name === "MeasureValue")!.rowCount).toBeGreaterThan(100);
    // Issue 18's tables round-trip too (the demo holds answers, histories and investigations).
    for (const name of ["QuestionnaireResponse", "PatientHistory", "PatientInvestigation"]) {
      expect(header.tables.find((t) => t.name === name)!.rowCount, name).toBeGreaterThan(0);
    }
    expect(summary.rows).toBe(header.tables.reduce((sum, t) => sum + t.rowCount, 0));
  });

  it(`restores into a fresh ${otherKind} database, identical row by row`, async () => {
    const restored = await restoreBackup(target.url, file);
    expect(restored.rows).toBeGreaterThan(100);
    const [source, copy] = [await snapshot(sourceUrl()), await snapshot(target.url)];
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    for (const table of Object.keys(source)) expect({ table, rows: copy[table] }).toEqual({ table, rows: source[table] });

    await withClient(target.url, async (client) => {
      const details = await client.query(`SELECT id::text, details IS NULL AS sql_null, details FROM "AuditEvent" WHERE action LIKE 'backup.test.%' ORDER BY id`);
      expect(details.rows.map((r) => [r.id, r.sql_null])).toEqual([["9007199254740993", false], ["9007199254740994", true], ["9007199254740995", false]]);
      expect((await client.query(`SELECT count(*)::int AS n FROM "MeasureValue" WHERE value = 0.1::float8 + 0.2::float8`)).rows[0].n).toBe(1);
      // The sequence continues after the restored ids instead of colliding with them. Rolled back:
      // the audit table is append-only, and the later tests compare against this database.
      await client.query("BEGIN");
      const next = await client.query(`INSERT INTO "AuditEvent" (action) VALUES ('after.restore') RETURNING id::text`);
      await client.query("ROLLBACK");
      expect(BigInt(next.rows[0].id)).toBeGreaterThan(9007199254740995n);
    });
  });

  it("refuses to restore into a database that holds data, and changes nothing", async () => {
    const before = await snapshot(target.url);
    const error = await restoreBackup(target.url, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/already holds data \(Clinic, .*--replace/);
    expect(await snapshot(target.url)).toEqual(before);
  });

  it("refuses a damaged file before touching the database, even with --replace", async () => {
    const damaged = path.join(dir, "damaged.backup");
    await rewriteBackup(file, damaged, (lines) => lines);
    const bytes = readFileSync(damaged);
    bytes[Math.floor(bytes.length * 0.6)]! ^= 0x01;
    writeFileSync(damaged, bytes);
    const before = await snapshot(target.url);
    await expect(restoreBackup(target.url, damaged, { replace: true })).rejects.toBeInstanceOf(CorruptBackupError);
    expect(await snapshot(target.url)).toEqual(before);
  });

  it("rolls everything back when a row fails halfway through a --replace restore", async () => {
    const broken = path.join(dir, "broken.backup");
    // A valid checksum, but the last measure points at an assessment that does not exist: the
    // foreign key fails after the earlier tables were emptied and reloaded.
    await rewriteBackup(file, broken, (lines) => {
      const start = lines.indexOf(JSON.stringify({ table: "MeasureValue" }));
      let last = start + 1;
      while (lines[last + 1]?.startsWith("[")) last++;
      const row = JSON.parse(lines[last]!) as (string | null)[];
      row[2] = "00000000-0000-4000-8000-000000000000"; // assessmentId
      return lines.map((line, i) => (i === last ? JSON.stringify(row) : line));
    });
    await withClient(target.url, (client) => client.query(`UPDATE "Clinic" SET name = name || ' (target)'`));
    const before = await snapshot(target.url);
    await expect(restoreBackup(target.url, broken, { replace: true })).rejects.toThrow(/foreign key/);
    expect(await snapshot(target.url)).toEqual(before);
  });

  it("--replace replaces the data, even with an append-only trigger on AuditEvent", async () => {
    await withClient(target.url, async (client) => {
      await client.query(`CREATE FUNCTION stride_test_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'AuditEvent is append-only'; END $$`);
      await client.query(`CREATE TRIGGER stride_test_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
        FOR EACH ROW EXECUTE FUNCTION stride_test_append_only()`);
    });
    try {
      const restored = await restoreBackup(target.url, file, { replace: true });
      expect(restored.replaced).toBe(true);
      expect(await snapshot(target.url)).toEqual(await snapshot(sourceUrl()));
    } finally {
      await withClient(target.url, async (client) => {
        await client.query(`DROP TRIGGER stride_test_append_only ON "AuditEvent"`);
        await client.query(`DROP FUNCTION stride_test_append_only()`);
      });
    }
  });

  it("refuses a backup whose migrations differ from the database's", async () => {
    const future = path.join(dir, "future.backup");
    await rewriteBackup(file, future, ([header, ...rest]) => {
      const parsed = JSON.parse(header!) as BackupHeader;
      return [JSON.stringify({ ...parsed, appMigrations: [...parsed.appMigrations, "29990101000000_future"] }), ...rest];
    });
    const header = JSON.parse((await backupLines(future).next()).value as string) as BackupHeader;
    const known = (await loadMigrationList()).migrationDirectories.map((d) => d.path);
    expect(() => checkBackupIsNotNewer(header, known)).toThrow(/newer Stride \(migration 29990101000000_future/);
    const before = await snapshot(target.url);
    await expect(restoreBackup(target.url, future, { replace: true })).rejects.toThrow(/lacks migration 29990101000000_future/);
    expect(await snapshot(target.url)).toEqual(before);
  });
});
