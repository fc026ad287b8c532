// The operator CLI's `backup` and `restore` commands (contract section 4), kept here so that
// scripts/cli.ts only dispatches to them. Errors an operator can act on are one line on stderr.
import path from "node:path";
import { parseArgs } from "node:util";
import type { OpenDatabase } from "@/lib/db/connect";
import { applyMigrations, loadMigrationList } from "@/lib/db/migrate";
import { createBackup } from "./backup";
import { BackupError, readBackup } from "./format";
import { checkBackupIsNotNewer, restoreBackup } from "./restore";

export const BACKUP_USAGE = `  backup --out FILE          write a checksummed backup of every table
  restore FILE [--replace]   load a backup (an empty database, or --replace to delete what is there)`;

type WithDatabase = (work: (database: OpenDatabase) => Promise<number>) => Promise<number>;
const progress = (line: string) => console.error(line);

function usage(message: string): number {
  console.error(`error: ${message}\n\nusage: npm run cli -- <command>\n\n${BACKUP_USAGE}`);
  return 2;
}

function refused(error: unknown): number {
  if (!(error instanceof BackupError)) throw error;
  console.error(`error: ${error.message}`);
  return 1;
}

export async function backupCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  let out: string | undefined;
  try {
    out = parseArgs({ args, options: { out: { type: "string" } } }).values.out;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!out) return usage("backup needs --out FILE");
  const file = path.resolve(out);
  return withDatabase(async (database) => {
    console.error(`Backing up the ${database.kind} database to ${file}…`);
    const summary = await createBackup(database.url, file, { source: database.kind, log: progress }).catch(refused);
    if (typeof summary === "number") return summary;
    console.log(`Backup written: ${file} (${summary.tables} tables, ${summary.rows} rows, ${summary.bytes} bytes, sha256 ${summary.sha256})`);
    return 0;
  });
}

export async function restoreCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  let parsed: { values: { replace?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { replace: { type: "boolean", default: false } }, allowPositionals: true });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (parsed.positionals.length !== 1) return usage("restore needs exactly one FILE");
  const file = path.resolve(parsed.positionals[0]!);
  try {
    // Everything about the file is checked before the database is even opened.
    const header = await readBackup(file);
    const known = (await loadMigrationList()).migrationDirectories.map((d) => d.path);
    checkBackupIsNotNewer(header, known);
    console.error(`Verified ${file}: ${header.source} backup of ${header.createdAt}, checksum OK.`);
  } catch (error) {
    return refused(error);
  }
  return withDatabase(async (database) => {
    // Like npm start: bring the target to this version's schema, which must be the backup's.
    const applied = await applyMigrations(database.url);
    if (applied.length) console.error(`Applied ${applied.length} pending migration(s) to the ${database.kind} database.`);
    const summary = await restoreBackup(database.url, file, { replace: parsed.values.replace, log: progress }).catch(refused);
    if (typeof summary === "number") return summary;
    console.log(`Restored ${summary.rows} rows into ${summary.tables} tables of the ${database.kind} database${summary.replaced ? " (replacing its data)" : ""}.`);
    return 0;
  });
}
