// `backup --out FILE`: a logical dump of every application table, read in one consistent snapshot
// and streamed to the file in batches through a cursor, so memory stays flat however large the
// clinic is.
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, writeBackupFile, type BackupHeader, type WrittenBackup } from "./format";
import { appliedMigrations, applicationTables, columnSequences, quoteIdent, useExactTextForms, type TableInfo } from "./schema";

const BATCH_ROWS = 1000;
const PROGRESS_EVERY = 50_000;

export interface BackupSummary extends WrittenBackup {
  file: string;
  tables: number;
  rows: number;
}

export async function createBackup(
  url: string,
  file: string,
  options: { source: BackupHeader["source"]; log?: (line: string) => void },
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  let tableCount = 0;
  try {
    // One REPEATABLE READ snapshot: the tables agree with each other even while the app writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await useExactTextForms(client);
    const tables = await applicationTables(client);
    // A backup that no restore accepts is no backup: say so now, not at the restore.
    if (tables.length === 0) {
      throw new BackupError("the database has no Stride tables (a new database, or the wrong DATABASE_URL): nothing to back up");
    }
    const counted: (TableInfo & { rowCount: number })[] = [];
    for (const table of tables) {
      const { rows: count } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table.name)}`);
      counted.push({ ...table, rowCount: Number(count[0]!.n) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appMigrations: await appliedMigrations(client),
      source: options.source,
      tables: counted.map(({ name, columns, rowCount }) => ({ name, columns, rowCount })),
      sequences: (await columnSequences(client, tables)).map(({ table, column, nextValue }) => ({ table, column, nextValue })),
    };
    tableCount = tables.length;

    async function* lines(): AsyncGenerator<string> {
      yield JSON.stringify(header);
      for (const table of counted) {
        yield JSON.stringify({ table: table.name });
        const select = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(", ");
        const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
        await client.query(`DECLARE stride_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.name)}${order}`);
        let written = 0;
        for (;;) {
          const batch = await client.query<unknown[]>({ text: `FETCH ${BATCH_ROWS} FROM stride_backup`, rowMode: "array" });
          for (const row of batch.rows) yield JSON.stringify(row);
          written += batch.rows.length;
          if (batch.rows.length > 0 && written % PROGRESS_EVERY < BATCH_ROWS && written < table.rowCount) {
            options.log?.(`  ${table.name}: ${written} of ${table.rowCount} rows…`);
          }
          if (batch.rows.length < BATCH_ROWS) break;
        }
        await client.query("CLOSE stride_backup");
        rows += written;
        options.log?.(`  ${table.name}: ${written} rows`);
      }
    }
    const written = await writeBackupFile(file, lines());
    await client.query("COMMIT");
    return { ...written, file, tables: tableCount, rows };
  } finally {
    await client.end();
  }
}
