// Migrations without the internet: Prisma's schema engine compiled to WebAssembly, driven through
// the same pg driver adapter as the app. It records applied migrations in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so a clinic with internet can switch to the official CLI.
import { readFile, readdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm";
import { projectRoot } from "./paths";

export const MIGRATIONS_DIR = path.join(projectRoot, "prisma", "migrations");
export const SCHEMA_PATH = path.join(projectRoot, "prisma", "schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof Engine;
/**
 * Process-wide state: Node shares the engine's JS glue between module graphs (test runners load
 * this file more than once), and giving the glue a second WebAssembly instance corrupts the first.
 */
const shared = globalThis as typeof globalThis & {
  strideSchemaEngine?: { module?: Promise<EngineModule>; queue: Promise<unknown>; lastPanic?: string };
};
const state = (shared.strideSchemaEngine ??= { queue: Promise.resolve() });

/** The package's ESM entry imports a .wasm file, which Node 20 cannot; instantiate it ourselves. */
function loadEngineModule(): Promise<EngineModule> {
  state.module ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    // The engine reports Rust panics through this global; keep the message for the error we throw.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        state.lastPanic = message;
      },
    };
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return state.module;
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
export function withSchemaEngine<T>(url: string, work: (engine: Engine.SchemaEngine) => Promise<T>): Promise<T> {
  // One engine at a time: the instance is shared and its glue is not built for interleaving.
  const run = state.queue.then(() => runSchemaEngine(url, work));
  state.queue = run.catch(() => undefined);
  return run;
}

async function runSchemaEngine<T>(url: string, work: (engine: Engine.SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  const schema = readSchema();
  // Our own pool, closed afterwards: the engine takes a session-level advisory lock and does not
  // release it when a migration fails, so the connections must go with the engine.
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const adapter = bindMigrationAwareSqlAdapterFactory(introspectableAdapter(pool));
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
    await pool.end();
  }
}

/**
 * The engine's introspection reads catalog columns of PostgreSQL's internal `"char"` type (OID 18)
 * and expects them typed as Character, but @prisma/adapter-pg rejects that type as unsupported.
 * pg already hands the values over as strings, so we let the adapter read them as text and then
 * label those columns Character for the engine (its connections only).
 */
function introspectableAdapter(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchCharColumns(adapter);
    runScriptsWhole(adapter);
    return adapter;
  };
  return factory;
}

type QueryFn = (this: unknown, ...args: unknown[]) => Promise<{ rows: unknown[]; fields: { dataTypeID: number }[]; columnTypes: number[] }>;
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const patched = new WeakSet<object>();
/** performIO and queryRaw share the rows array, which tells queryRaw which columns were "char". */
const charColumnsByRows = new WeakMap<object, number[]>();

function ownerOf(object: object, method: string): Record<string, QueryFn> | undefined {
  let proto: object | null = object;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, method)) proto = Object.getPrototypeOf(proto);
  return (proto ?? undefined) as Record<string, QueryFn> | undefined;
}

function patchCharColumns(adapter: object): void {
  const io = ownerOf(adapter, "performIO");
  const raw = ownerOf(adapter, "queryRaw");
  if (!io || !raw || patched.has(io)) return;
  patched.add(io);
  const performIO = io.performIO!;
  io.performIO = async function (...args) {
    const result = await performIO.apply(this, args);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length && result.rows) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  const queryRaw = raw.queryRaw!;
  raw.queryRaw = async function (...args) {
    const result = await queryRaw.apply(this, args);
    for (const index of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
}

/**
 * The adapter splits a migration script on ";" and runs the pieces one by one outside any
 * transaction: a function body with ";" breaks, and a failure halfway leaves half a migration.
 * Sent whole over the simple query protocol, PostgreSQL parses it itself and runs it as one
 * implicit transaction, so a failed migration changes nothing (as with the native engine).
 */
function runScriptsWhole(adapter: object): void {
  const target = adapter as {
    client: { query(sql: string): Promise<unknown> };
    onError(error: unknown): never;
    executeScript(script: string): Promise<void>;
  };
  target.executeScript = async (script: string) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function describeEngineError(error: unknown): string {
  if (state.lastPanic) {
    const panic = state.lastPanic;
    state.lastPanic = undefined;
    // A panic leaves the WebAssembly instance unusable; the next call loads a fresh one.
    state.module = undefined;
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

export async function migrationStatus(url: string, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const list = await loadMigrationList(dir);
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
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const list = await loadMigrationList(dir);
  if (list.migrationDirectories.length === 0) return [];
  try {
    return await withSchemaEngine(url, async (engine) => {
      const result = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
      return result.appliedMigrationNames;
    });
  } catch (error) {
    // The failed script ran in one transaction and changed nothing; record it as rolled back
    // (what `prisma migrate resolve --rolled-back` does) so that a fixed release can apply it.
    await withSchemaEngine(url, async (engine) => {
      const diag = await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: NO_FILTER });
      for (const migrationName of diag.failedMigrationNames) await engine.markMigrationRolledBack({ migrationName });
    });
    throw error;
  }
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
