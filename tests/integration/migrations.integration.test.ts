import { mkdtempSync, mkdirSync, cpSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, loadMigrationList, migrationStatus, MIGRATIONS_DIR, pendingSchemaChange } from "@/lib/db/migrate";

const url = () => process.env.STRIDE_DATABASE_URL!;

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe(`migrations on ${process.env.TEST_DB_KIND}`, () => {
  it("applies every migration in prisma/migrations and records it as prisma migrate deploy does", async () => {
    const names = (await loadMigrationList()).migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("reports nothing pending and no drift between the migrations and schema.prisma", async () => {
    const status = await migrationStatus(url());
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
    expect(status.edited).toEqual([]);
    expect(await pendingSchemaChange(url())).toBe("");
    expect(await applyMigrations(url())).toEqual([]);
  });

  it("leaves the database as it was when a migration fails, and lets a fixed one apply", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stride-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    mkdirSync(broken);
    // The first statement would succeed; the second fails, so neither may stay.
    writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n');

    await expect(applyMigrations(url(), dir)).rejects.toThrow(/no_such_table/);
    expect(await query(`SELECT to_regclass('public.half_done') AS t`)).toEqual([{ t: null }]);
    const status = await migrationStatus(url(), dir);
    expect(status.pending).toEqual(["29990101000000_broken"]);
    expect(status.failed).toEqual([]);

    writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "half_done" (id int);\n');
    expect(await applyMigrations(url(), dir)).toEqual(["29990101000000_broken"]);
    expect(await query(`SELECT to_regclass('public.half_done')::text AS t`)).toEqual([{ t: "half_done" }]);
  });
});
