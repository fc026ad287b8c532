// `restore FILE [--replace]`: verify the whole file first, then load it in ONE transaction, so a
// damaged file, a refusal or a failure halfway leaves the database exactly as it was.
//
// Rows go in foreign-key order (constraints are not deferrable). `--replace` empties the tables
// with TRUNCATE … CASCADE inside the same transaction: TRUNCATE does not fire row-level triggers,
// so an append-only trigger on AuditEvent (which blocks UPDATE and DELETE) does not stop it, and
// INSERT, all a restore does otherwise, stays allowed.
import pg from "pg";
import { BackupError, readBackup, type BackupHeader } from "./format";
import { applicationTables, appliedMigrations, columnSequences, quoteIdent, useExactTextForms, type TableInfo } from "./schema";

const BATCH_ROWS = 500;
const PROGRESS_EVERY = 50_000;

export class RestoreRefusedError extends BackupError {
  override name = "RestoreRefusedError";
}

/** Before any migration runs: a backup from a newer Stride cannot be loaded by this one. */
export function checkBackupIsNotNewer(header: BackupHeader, knownMigrations: string[]): void {
  const unknown = header.appMigrations.filter((name) => !knownMigrations.includes(name));
  if (unknown.length) {
    throw new RestoreRefusedError(
      `the backup was taken by a newer Stride (migration ${unknown.join(", ")} is unknown here); ` +
        "upgrade Stride first, then restore.",
    );
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  replaced: boolean;
}

export async function restoreBackup(
  url: string,
  file: string,
  options: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreSummary> {
  // Pass 1: checksum, format, version, row counts. Nothing is connected to yet.
  const header = await readBackup(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await useExactTextForms(client);
    const tables = await checkTarget(client, header);
    // Hold off the app's writes until we commit, so "empty" stays true while we load.
    await client.query(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(", ")} IN EXCLUSIVE MODE`);
    const occupied = await tablesWithRows(client, tables);
    if (occupied.length && !options.replace) {
      throw new RestoreRefusedError(
        `the database already holds data (${occupied.join(", ")}); restore into an empty database, ` +
          'or add --replace to delete everything in it first (one transaction: nothing changes if restore fails).',
      );
    }
    if (options.replace) {
      await client.query(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(", ")} CASCADE`);
    }

    // Pass 2: the rows. The checksum is checked again at the end of this pass (the file could have
    // changed since pass 1); only then do we commit.
    const byName = new Map(tables.map((t) => [t.name, t]));
    let current: TableInfo | undefined;
    let batch: string[] = [];
    let rows = 0;
    const flush = async () => {
      if (!current || batch.length === 0) return;
      await insertBatch(client, current, batch);
      rows += batch.length;
      batch = [];
    };
    let tableRows = 0;
    const done = () => current && options.log?.(`  ${current.name}: ${tableRows} rows`);
    await readBackup(file, async (entry) => {
      if (entry.kind === "table") {
        await flush();
        done();
        current = byName.get(entry.name);
        tableRows = 0;
        return;
      }
      batch.push(entry.line);
      if (++tableRows % PROGRESS_EVERY === 0) options.log?.(`  ${current?.name}: ${tableRows} rows…`);
      if (batch.length >= BATCH_ROWS) await flush();
    });
    await flush();
    done();

    await resetSequences(client, tables, header);
    await client.query("COMMIT");
    return { tables: tables.length, rows, replaced: Boolean(options.replace) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The target must be at the backup's migrations and hold the same tables and columns. */
async function checkTarget(client: pg.ClientBase, header: BackupHeader): Promise<TableInfo[]> {
  const applied = await appliedMigrations(client);
  if (applied.join("\n") !== header.appMigrations.join("\n")) {
    const missing = header.appMigrations.filter((m) => !applied.includes(m));
    const extra = applied.filter((m) => !header.appMigrations.includes(m));
    throw new RestoreRefusedError(
      "the database's schema differs from the backup's" +
        (missing.length ? `; the database lacks migration ${missing.join(", ")} (run "db migrate")` : "") +
        (extra.length ? `; the backup predates migration ${extra.join(", ")} (restore it with the Stride version that made it, then upgrade)` : ""),
    );
  }
  const tables = await applicationTables(client);
  const describe = (t: { name: string; columns: { name: string; type: string }[] }) =>
    `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}`).join(", ")})`;
  const target = tables.map(describe).sort();
  const source = header.tables.map(describe).sort();
  if (target.join("\n") !== source.join("\n")) {
    const differing = [...source.filter((s) => !target.includes(s)), ...target.filter((t) => !source.includes(t))];
    throw new RestoreRefusedError(`the database's tables differ from the backup's: ${differing.map((d) => d.split("(")[0]).join(", ")}`);
  }
  return tables;
}

async function tablesWithRows(client: pg.ClientBase, tables: TableInfo[]): Promise<string[]> {
  const occupied: string[] = [];
  for (const table of tables) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 1`);
    if (rowCount) occupied.push(table.name);
  }
  return occupied;
}

/** Each value goes back through its type's own input function: `(text)::type`. */
async function insertBatch(client: pg.ClientBase, table: TableInfo, lines: string[]): Promise<void> {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
  const values = table.columns.map((c, i) => `(r ->> ${i})::${c.type}`).join(", ");
  await client.query(
    `INSERT INTO ${quoteIdent(table.name)} (${columns}) SELECT ${values} FROM json_array_elements($1::json) AS r`,
    [`[${lines.join(",")}]`],
  );
}

/** Serial columns continue after both the restored rows and the source's sequence position. */
async function resetSequences(client: pg.ClientBase, tables: TableInfo[], header: BackupHeader): Promise<void> {
  for (const seq of await columnSequences(client, tables)) {
    const recorded = header.sequences.find((s) => s.table === seq.table && s.column === seq.column)?.nextValue ?? "1";
    await client.query(
      `SELECT setval($1, GREATEST($2::bigint, COALESCE((SELECT max(${quoteIdent(seq.column)}) FROM ${quoteIdent(seq.table)}), 0) + 1), false)`,
      [seq.sequence, recorded],
    );
  }
}
