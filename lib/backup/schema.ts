// What a backup covers, read from the database's own catalog rather than from a hand-kept list:
// every table of the application schema except Prisma's migration history, in foreign-key order,
// so a table added by a future migration is backed up and restored without touching this code.
import type pg from "pg";
import type { BackupColumn, BackupSequence } from "./format";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface TableInfo {
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Application tables in an order where every table follows the tables it references. */
export async function applicationTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
       WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p') AND c.relname <> $1
       ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const columns = await client.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attgenerated = ''
       ORDER BY c.relname, a.attnum`,
  );
  const keys = await client.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, a.attname AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE i.indisprimary AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
       ORDER BY c.relname, k.position`,
  );
  const references = await client.query<{ table: string; referenced: string }>(
    `SELECT DISTINCT c.relname AS table, r.relname AS referenced
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
       WHERE k.contype = 'f' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  );
  const byName = new Map<string, TableInfo>(tables.rows.map((t) => [t.name, { name: t.name, columns: [], primaryKey: [] }]));
  for (const column of columns.rows) byName.get(column.table)?.columns.push({ name: column.name, type: column.type });
  for (const key of keys.rows) byName.get(key.table)?.primaryKey.push(key.name);
  return inForeignKeyOrder([...byName.values()], references.rows);
}

/** Topological order; a self-reference needs no ordering between tables and is ignored. */
function inForeignKeyOrder(tables: TableInfo[], references: { table: string; referenced: string }[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const remaining = [...tables];
  while (remaining.length) {
    const next = remaining.findIndex((table) =>
      references.every((r) => r.table !== table.name || r.referenced === table.name || placed.has(r.referenced) || !tables.some((t) => t.name === r.referenced)),
    );
    if (next < 0) {
      throw new Error(`foreign keys form a cycle between ${remaining.map((t) => t.name).join(", ")}; backup cannot order them`);
    }
    const [table] = remaining.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}

/** Sequences behind serial/identity columns (AuditEvent.id), with the value each hands out next. */
export async function columnSequences(client: pg.ClientBase, tables: TableInfo[]): Promise<(BackupSequence & { sequence: string })[]> {
  const found: (BackupSequence & { sequence: string })[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const { rows } = await client.query<{ sequence: string | null }>(`SELECT pg_get_serial_sequence($1, $2) AS sequence`, [
        quoteIdent(table.name),
        column.name,
      ]);
      const sequence = rows[0]?.sequence;
      if (!sequence) continue;
      const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${sequence}`);
      const { last_value, is_called } = state.rows[0]!;
      found.push({ table: table.name, column: column.name, sequence, nextValue: is_called ? (BigInt(last_value) + 1n).toString() : last_value });
    }
  }
  return found;
}

/** Migrations recorded as applied (finished, not rolled back), in order. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query(`SELECT 1 FROM pg_class WHERE relname = $1 AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`, [MIGRATIONS_TABLE]);
  if (exists.rowCount === 0) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)}
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/**
 * Session settings that make every value's text form exact and unambiguous: shortest-exact floats,
 * ISO dates, UTC offsets. SET LOCAL, because on the embedded database every connection shares one
 * PostgreSQL session and a plain SET would change the app's settings too.
 */
export async function useExactTextForms(client: pg.ClientBase): Promise<void> {
  await client.query(`SET LOCAL extra_float_digits = 3`);
  await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
  await client.query(`SET LOCAL IntervalStyle = 'postgres'`);
  await client.query(`SET LOCAL TimeZone = 'UTC'`);
}
