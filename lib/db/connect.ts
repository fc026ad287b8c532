// Which database a process talks to. Every process connects over the PostgreSQL protocol: to
// DATABASE_URL, or to the embedded database served by the process that owns it.
import { ConfigError, databaseConfig, type DatabaseConfig, type DatabaseKind } from "./config";
import { runningOwner, startEmbeddedServer } from "./embedded";

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
}

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/**
 * For the app server: `npm start` hands its child the URL in STRIDE_DATABASE_URL; otherwise
 * DATABASE_URL, or the embedded database's running owner.
 */
export function resolveDatabaseTarget(env = process.env): DatabaseTarget {
  if (env.STRIDE_DATABASE_URL) {
    return { kind: env.STRIDE_DATABASE_KIND === "pglite" ? "pglite" : "postgresql", url: env.STRIDE_DATABASE_URL };
  }
  const config = databaseConfig(env);
  if (config.kind === "postgresql") return { kind: "postgresql", url: config.url! };
  const owner = runningOwner(config);
  if (owner?.port) return { kind: "pglite", url: embeddedUrl(owner.port) };
  throw new ConfigError(
    `The embedded database (${config.pgliteDir}) is not being served: start the app with "npm start", ` +
      "or set DATABASE_URL to a PostgreSQL server.",
  );
}

export interface OpenDatabase extends DatabaseTarget {
  /** True when this process opened the embedded files itself (no server was running). */
  owned: boolean;
  close(): Promise<void>;
}

/**
 * For the operator CLI: use PostgreSQL, or the running server's embedded database, and open the
 * embedded files itself only when no process holds them.
 */
export async function openDatabase(config: DatabaseConfig = databaseConfig()): Promise<OpenDatabase> {
  if (config.kind === "postgresql") {
    return { kind: "postgresql", url: config.url!, owned: false, close: async () => undefined };
  }
  const owner = runningOwner(config);
  if (owner?.port) {
    return { kind: "pglite", url: embeddedUrl(owner.port), owned: false, close: async () => undefined };
  }
  const server = await startEmbeddedServer(config);
  return { kind: "pglite", url: server.url, owned: true, close: () => server.close() };
}
