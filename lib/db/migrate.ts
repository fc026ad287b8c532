// Migrations without the internet: Prisma's schema engine compiled to WebAssembly, driven through
// the same pg driver adapter as the app. It records applied migrations in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so a clinic with internet can switch to the official CLI.
import { readFile, readdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm";
import { projectRoot } from "./paths";

export const MIGRATIONS_DIR = path.join(projectRoot, "prisma", "migrations");
export const SCHEMA_PATH = path.join(projectRoot, "prisma", "schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof Engine;
let engineModule: Promise<EngineModule> | undefined;
let lastPanic: string | undefined;

/** The package's ESM entry imports a .wasm file, which Node 20 cannot; instantiate it ourselves. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    // The engine reports Rust panics through this global; keep the message for the error we throw.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

export async function loadMigrationList(dir = MIGRATIONS_DIR): Promise<Engine.MigrationList> {
  const lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: Engine.MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content: Engine.JsResult<string, string> = await readFile(
      path.join(dir, entry.name, "migration.sql"),
      "utf8",
    ).then(
      (value) => ({ tag: "ok", value }),
      (error: Error) => ({ tag: "error", value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export function readSchema(): Engine.SchemasContainer {
  return { files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] };
}

/** Runs `work` with a schema engine connected to `url`, and always frees it. */
export async function withSchemaEngine<T>(
  url: string,
  work: (engine: Engine.SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadEngineModule();
  const schema = readSchema();
  const adapter = bindMigrationAwareSqlAdapterFactory(introspectableAdapter(url));
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content]) },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await work(engine);
  } catch (error) {
    throw new MigrationError(describeEngineError(error), { cause: error });
  } finally {
    engine.free();
  }
}

/**
 * The engine's introspection reads catalog columns of PostgreSQL's internal `"char"` type (OID 18),
 * which @prisma/adapter-pg rejects as unsupported. pg already hands them over as strings, so we
 * report them as text (OID 25) for the engine's connections only.
 */
function introspectableAdapter(url: string): PrismaPg {
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchPerformIO(adapter);
    return adapter;
  };
  return factory;
}

type PerformIO = (...args: unknown[]) => Promise<{ fields: { dataTypeID: number }[] }>;
const CHAR_OID = 18;
const TEXT_OID = 25;
const patched = new WeakSet<object>();

function patchPerformIO(adapter: object): void {
  let proto: object | null = adapter;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto || patched.has(proto)) return;
  patched.add(proto);
  const original = (proto as { performIO: PerformIO }).performIO;
  (proto as { performIO: PerformIO }).performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    for (const field of result.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function describeEngineError(error: unknown): string {
  if (lastPanic) {
    const panic = lastPanic;
    lastPanic = undefined;
    return `schema engine panicked: ${panic}`;
  }
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String(error.message);
  return String(error);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Applied in the database but missing from prisma/migrations (e.g. a newer app version ran). */
  unknown: string[];
}

export async function migrationStatus(url: string): Promise<MigrationStatus> {
  const list = await loadMigrationList();
  const all = list.migrationDirectories.map((d) => d.path);
  return withSchemaEngine(url, async (engine) => {
    const diag = await engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const history = diag.history;
    const pending =
      history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unappliedMigrationNames
        : [];
    const unknown =
      history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unpersistedMigrationNames
        : [];
    return {
      applied: all.filter((name) => !pending.includes(name) && !diag.failedMigrationNames.includes(name)),
      pending,
      failed: diag.failedMigrationNames,
      edited: diag.editedMigrationNames,
      unknown,
    };
  });
}

/** Applies every pending migration; each runs in its own transaction like `migrate deploy`. */
export async function applyMigrations(url: string): Promise<string[]> {
  const list = await loadMigrationList();
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/** SQL that would take a database built from the migrations to `schema.prisma` ("" when none). */
export async function pendingSchemaChange(url: string): Promise<string> {
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", ...readSchema(), configDir: projectRoot },
      to: { tag: "schemaDatamodel", ...readSchema() },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normaliseScript(result.stdout ?? "");
  });
}

/** The empty-diff script still carries a comment line; treat it as no change. */
function normaliseScript(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : sql.trim() + "\n";
}
