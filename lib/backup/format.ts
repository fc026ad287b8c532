// The backup file (contract section 4): one gzip'd file of JSON lines.
//
//   line 1      header  {"format":"stride-backup","formatVersion":1,…,"tables":[{name,columns,rowCount}]}
//   per table   {"table":"Clinic"} followed by one line per row: a JSON array of the columns' text
//               forms (PostgreSQL's own output, so every type round-trips exactly) or null
//   last line   {"end":"stride-backup","sha256":"…"}  SHA-256 of every byte before this line
//
// The whole file is read and its checksum checked before a restore touches a database, so a
// truncated or altered file is refused while nothing has changed yet.
import { createHash } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

export const BACKUP_FORMAT = "stride-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupColumn {
  name: string;
  /** format_type() of the column, e.g. `timestamp(3) with time zone`, `text[]`, `"Role"`. */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  rowCount: number;
}

export interface BackupSequence {
  table: string;
  column: string;
  /** The value the sequence would hand out next when the backup was taken. */
  nextValue: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Names of the migrations applied to the source database, in order. */
  appMigrations: string[];
  source: "pglite" | "postgresql";
  /** In foreign-key order: a table comes after every table it references. */
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** The file is not a usable backup; nothing has been written anywhere. */
export class BackupError extends Error {
  override name = "BackupError";
}

export class CorruptBackupError extends BackupError {
  override name = "CorruptBackupError";
}

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  sha256: string;
}

export interface WrittenBackup {
  sha256: string;
  bytes: number;
}

/**
 * Writes `lines` (without newlines) gzip'd to `FILE.tmp`, appends the checksum trailer, flushes it
 * to disk and only then renames it to `file`: the final name never holds half a backup.
 */
export async function writeBackupFile(file: string, lines: AsyncIterable<string> | Iterable<string>): Promise<WrittenBackup> {
  const tmp = `${file}.tmp`;
  const hash = createHash("sha256");
  let sha256 = "";
  async function* withTrailer() {
    for await (const line of lines) {
      const text = `${line}\n`;
      hash.update(text);
      yield text;
    }
    sha256 = hash.digest("hex");
    const trailer: BackupTrailer = { end: BACKUP_FORMAT, sha256 };
    yield `${JSON.stringify(trailer)}\n`;
  }
  try {
    await pipeline(Readable.from(withTrailer()), createGzip(), createWriteStream(tmp));
    const fd = openSync(tmp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { sha256, bytes: statSync(file).size };
}

/** The uncompressed lines of a backup file, trailer included; gzip damage becomes CorruptBackupError. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new CorruptBackupError(`${file} is not a Stride backup (not a gzip file)`);
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (error) => gunzip.destroy(error));
  // Kept, not thrown from the stream: when the reader stops early (a line already found damaged),
  // gzip's own error can come after the loop has ended, with nobody listening (an uncaught error).
  let streamError: Error | undefined;
  gunzip.on("error", (error) => (streamError ??= error));
  const reader = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  const corrupt = (error: Error) => new CorruptBackupError(`${file} is damaged (${error.message}); nothing was restored`);
  try {
    for await (const line of reader) yield line;
  } catch (error) {
    throw corrupt(streamError ?? (error as Error));
  } finally {
    reader.close();
    source.destroy();
    gunzip.destroy();
  }
  if (streamError) throw corrupt(streamError);
}

export type BackupEntry =
  | { kind: "table"; name: string }
  | { kind: "row"; line: string };

/**
 * Reads a whole backup, checking the checksum, the format and version and that every table holds
 * the rows its header announces. Without `onEntry` it only verifies (the first pass of a restore);
 * with it, entries are handed over as they are read and the caller must not commit anything until
 * this resolves, because the checksum is known only at the end.
 */
export async function readBackup(
  file: string,
  onEntry?: (entry: BackupEntry, header: BackupHeader) => Promise<void> | void,
): Promise<BackupHeader> {
  const hash = createHash("sha256");
  let header: BackupHeader | undefined;
  let pending: string | undefined; // the line before the current one: the trailer is the last
  let tableIndex = -1;
  const counts: number[] = [];
  const damaged = (why: string) => new CorruptBackupError(`${file} is damaged: ${why}; nothing was restored`);

  for await (const line of backupLines(file)) {
    if (!header) {
      // Checked at once, so a wrong file or version is named as such, not as "damaged".
      header = parseHeader(line, file);
      hash.update(`${line}\n`);
      continue;
    }
    if (pending !== undefined) {
      hash.update(`${pending}\n`);
      if (pending.startsWith("[")) {
        if (tableIndex < 0) throw damaged("a row comes before any table");
        counts[tableIndex] = (counts[tableIndex] ?? 0) + 1;
        await onEntry?.({ kind: "row", line: pending }, header);
      } else {
        const name = parseJson<{ table?: string }>(pending, damaged).table ?? "";
        tableIndex++;
        if (header.tables[tableIndex]?.name !== name) throw damaged(`unexpected table ${JSON.stringify(name)}`);
        await onEntry?.({ kind: "table", name }, header);
      }
    }
    pending = line;
  }
  if (!header) throw damaged("it is empty");
  if (pending === undefined) throw damaged("it is truncated (no checksum line at the end)");
  const trailer = parseJson<Partial<BackupTrailer>>(pending, damaged);
  if (trailer.end !== BACKUP_FORMAT || typeof trailer.sha256 !== "string") throw damaged("it is truncated (no checksum line at the end)");
  if (trailer.sha256 !== hash.digest("hex")) throw damaged("checksum mismatch");
  header.tables.forEach((table, index) => {
    if ((counts[index] ?? 0) !== table.rowCount) throw damaged(`${table.name} holds ${counts[index] ?? 0} rows, expected ${table.rowCount}`);
  });
  return header;
}

function parseJson<T>(line: string, damaged: (why: string) => Error): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw damaged("a line is not valid JSON");
  }
}

function parseHeader(line: string, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new CorruptBackupError(`${file} is not a Stride backup (unreadable header)`);
  }
  if (header.format !== BACKUP_FORMAT) throw new CorruptBackupError(`${file} is not a Stride backup`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} is a backup in format version ${header.formatVersion}; this Stride reads version ${BACKUP_FORMAT_VERSION}. ` +
        "Restore it with the Stride version that wrote it.",
    );
  }
  if (!Array.isArray(header.tables) || !Array.isArray(header.appMigrations)) throw new CorruptBackupError(`${file} has an incomplete header`);
  return header as BackupHeader;
}
