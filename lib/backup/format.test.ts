// The backup file format: a damaged file is refused before anything uses its content.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, CorruptBackupError, readBackup, writeBackupFile, type BackupHeader } from "./format";

const dir = mkdtempSync(path.join(tmpdir(), "stride-backup-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header: BackupHeader = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  createdAt: "2026-01-02T03:04:05.678Z",
  appMigrations: ["20260101000000_init"],
  source: "pglite",
  tables: [
    { name: "Clinic", columns: [{ name: "id", type: "uuid" }, { name: "name", type: "text" }], rowCount: 2 },
    { name: "Empty", columns: [{ name: "id", type: "bigint" }], rowCount: 0 },
  ],
  sequences: [],
};
const lines = [
  JSON.stringify(header),
  JSON.stringify({ table: "Clinic" }),
  JSON.stringify(["3f1e8a52-7c1b-4d6e-9a51-0c3b2f6d7e81", "Lakeside Podiatry"]),
  JSON.stringify(["7d2c1b9a-0e4f-4a3b-8c6d-5e1f2a3b4c5d", null]),
  JSON.stringify({ table: "Empty" }),
];

async function written(name: string, content = lines) {
  const file = path.join(dir, name);
  await writeBackupFile(file, content);
  return file;
}

/** Rewrites the uncompressed content, gzip'd again (so only our checksum can notice). */
function editContent(file: string, edit: (text: string) => string) {
  writeFileSync(file, gzipSync(edit(gunzipSync(readFileSync(file)).toString("utf8"))));
}

describe("backup file format", () => {
  it("reads back what it wrote, entry by entry, and leaves no temporary file", async () => {
    const file = await written("ok.backup");
    const entries: unknown[] = [];
    const read = await readBackup(file, (entry) => void entries.push(entry));
    expect(read).toEqual(header);
    expect(entries).toEqual([
      { kind: "table", name: "Clinic" },
      { kind: "row", line: lines[2] },
      { kind: "row", line: lines[3] },
      { kind: "table", name: "Empty" },
    ]);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it("detects one flipped byte in the content even when the gzip wrapper is intact", async () => {
    const file = await written("flipped.backup");
    editContent(file, (text) => text.replace("Lakeside", "Lakesidf"));
    await expect(readBackup(file)).rejects.toThrow(/damaged: checksum mismatch/);
  });

  it("detects a flipped byte in the compressed file", async () => {
    const file = await written("flipped-gzip.backup");
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
    writeFileSync(file, bytes);
    await expect(readBackup(file)).rejects.toBeInstanceOf(CorruptBackupError);
  });

  it("detects truncation, of the compressed file and of the content at a line boundary", async () => {
    const file = await written("cut.backup");
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    await expect(readBackup(file)).rejects.toBeInstanceOf(CorruptBackupError);

    const lineCut = await written("line-cut.backup");
    editContent(lineCut, (text) => text.split("\n").slice(0, 3).join("\n") + "\n");
    await expect(readBackup(lineCut)).rejects.toThrow(/damaged/);
  });

  it("detects a row count that disagrees with the header even with a valid checksum", async () => {
    const file = await written("count.backup", lines.filter((_, i) => i !== 3));
    await expect(readBackup(file)).rejects.toThrow(/Clinic holds 1 rows, expected 2/);
  });

  it("refuses another format version with a message naming both versions", async () => {
    const file = await written("v2.backup", [JSON.stringify({ ...header, formatVersion: 2 }), ...lines.slice(1)]);
    const error = await readBackup(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/format version 2; this Stride reads version 1/);
  });

  it("refuses files that are not backups at all", async () => {
    const plain = path.join(dir, "plain.txt");
    writeFileSync(plain, "hello\n");
    await expect(readBackup(plain)).rejects.toThrow(/not a Stride backup/);
    const other = path.join(dir, "other.gz");
    writeFileSync(other, gzipSync('{"hello":1}\n'));
    await expect(readBackup(other)).rejects.toThrow(/not a Stride backup/);
    await expect(readBackup(path.join(dir, "missing"))).rejects.toThrow(/no such file/);
  });
});
