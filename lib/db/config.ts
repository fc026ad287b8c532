// Start-up configuration (contract section 1). Read once, validated, with errors that name the
// variable and the fix, because a clinic's IT person reads them, not a developer.
import path from "node:path";
import { resolveFromRoot } from "./paths";

export type DatabaseKind = "pglite" | "postgresql";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** Set for a PostgreSQL server. */
  url?: string;
  /** Embedded mode: where PGlite keeps its files, and the files beside them. */
  pgliteDir: string;
  lockFile: string;
  secretFile: string;
}

export function databaseConfig(env = process.env): DatabaseConfig {
  const pgliteDir = resolveFromRoot(env.PGLITE_DIR || path.join("data", "pglite"));
  const beside = { pgliteDir, lockFile: `${pgliteDir}.lock`, secretFile: `${pgliteDir}.secret` };
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", ...beside };
  if (!/^postgres(ql)?:\/\/.+/.test(url)) {
    throw new ConfigError(
      "DATABASE_URL must be a PostgreSQL connection string like postgresql://user:password@host:5432/stride " +
        "(or unset it to use the embedded database).",
    );
  }
  return { kind: "postgresql", url, ...beside };
}

export function portFromEnv(env = process.env): number {
  const raw = env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

export function demoEnabled(kind: DatabaseKind, env = process.env): boolean {
  // Contract: DEMO defaults to 1 in embedded mode and is never on with DATABASE_URL.
  if (kind === "postgresql") return false;
  return (env.DEMO ?? "1") === "1";
}
