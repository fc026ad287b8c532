// The embedded database. PGlite is single-process and does not lock its data directory (a second
// process opening it corrupts it), so exactly one process owns it, under a lock file, and serves it
// over the PostgreSQL wire protocol on 127.0.0.1; the app, the CLI and the tests all connect with
// the ordinary pg driver, whichever database they run on.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ConfigError, type DatabaseConfig } from "./config";
import { keepExtendedQueriesTogether } from "./pglite-queue";
import { readLockOwner, releaseLockFile, rewriteLockFile, takeLockFile } from "./lock-file";
import { isProcessAlive } from "./process-alive";

export interface LockInfo {
  pid: number;
  /** The port the owner serves the database on, once it does. */
  port?: number;
  startedAt: string;
}

export class DatabaseLockedError extends ConfigError {
  constructor(
    readonly dir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The embedded database in ${dir} is in use by another Stride process (pid ${owner.pid}). ` +
        "Stop that process, or set PGLITE_DIR to use another data directory.",
    );
  }
}


/** The live owner of the embedded database, if one holds the lock. */
export function runningOwner(config: DatabaseConfig): LockInfo | undefined {
  const owner = readLockOwner<LockInfo>(config.lockFile);
  return owner && owner.pid !== process.pid && isProcessAlive(owner.pid) ? owner : undefined;
}

/** Takes the lock (lib/db/lock-file.ts); a lock left by a dead process (kill -9) is reclaimed. */
async function acquireLock(config: DatabaseConfig): Promise<void> {
  mkdirSync(path.dirname(config.lockFile), { recursive: true, mode: 0o700 });
  const result = await takeLockFile<LockInfo>(config.lockFile, { pid: process.pid, startedAt: new Date().toISOString() });
  if (!result.taken) throw new DatabaseLockedError(config.pgliteDir, result.owner);
}

export interface EmbeddedServer {
  url: string;
  port: number;
  db: PGlite;
  close(): Promise<void>;
}

/**
 * Memory settings of the embedded database. PGlite's WebAssembly memory grows to the most the
 * database ever held at once and never shrinks, so what it may hold is what the process keeps:
 * initdb's 128 MB of shared buffers (filled once the data outgrows them) was the largest part of
 * the start process's memory under load. Pages evicted from 32 MB of buffers are read again from
 * the operating system's file cache (not counted against the process). Sorts and hashes keep
 * PostgreSQL's 4 MB; VACUUM and index builds get 16 MB instead of 64 MB.
 * Override with PGLITE_SHARED_BUFFERS (e.g. "64MB") on a machine with memory to spare.
 */
export function embeddedStartParams(env: NodeJS.ProcessEnv = process.env): string[] {
  const sharedBuffers = /^\d+(kB|MB|GB)$/.test(env.PGLITE_SHARED_BUFFERS ?? "") ? env.PGLITE_SHARED_BUFFERS! : "32MB";
  return [
    ...PGlite.defaultStartParams,
    ...["-c", `shared_buffers=${sharedBuffers}`, "-c", "work_mem=4MB", "-c", "maintenance_work_mem=16MB", "-c", "temp_buffers=4MB"],
  ];
}

/** Opens PGlite under the lock and serves it on 127.0.0.1 (port 0 picks a free one). */
export async function startEmbeddedServer(
  config: DatabaseConfig,
  options: { port?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  await acquireLock(config);
  let db: PGlite | undefined;
  try {
    mkdirSync(config.pgliteDir, { recursive: true, mode: 0o700 });
    options.log?.(`Opening the embedded database in ${config.pgliteDir}…`);
    db = await PGlite.create({ dataDir: config.pgliteDir, startParams: embeddedStartParams() }).catch((error: unknown) => {
      throw new ConfigError(
        `The embedded database in ${config.pgliteDir} could not be opened (${(error as Error).message}). ` +
          "If it was made by another Stride version, restore a backup into a new PGLITE_DIR.",
        { cause: error },
      );
    });
    return await serve(db, config, options.port ?? 0);
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLockFile(config.lockFile);
    throw error;
  }
}

/** Serves an open PGlite (also used by the tests, on in-memory clones). */
export async function servePglite(db: PGlite, port = 0) {
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 200 });
  keepExtendedQueriesTogether(server);
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  return { server, port: actualPort, url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres` };
}

async function serve(db: PGlite, config: DatabaseConfig, port: number): Promise<EmbeddedServer> {
  const served = await servePglite(db, port);
  const info: LockInfo = { pid: process.pid, port: served.port, startedAt: new Date().toISOString() };
  rewriteLockFile(config.lockFile, info);
  let closed = false;
  return {
    url: served.url,
    port: served.port,
    db,
    async close() {
      if (closed) return;
      closed = true;
      await served.server.stop();
      await db.close();
      releaseLockFile(config.lockFile);
    },
  };
}
