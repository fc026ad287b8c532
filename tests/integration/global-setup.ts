// Runs once per integration project: builds the migrated template the test files copy.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { servePglite } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createDatabase, dropDatabase, uniqueName } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB_KIND;
  if (kind === "postgresql") {
    const name = uniqueName("stride_tpl");
    const url = await createDatabase(name);
    await applyMigrations(url);
    project.provide("postgresTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => dropDatabase(name);
  }
  const db = await PGlite.create();
  const served = await servePglite(db);
  await applyMigrations(served.url);
  await served.server.stop();
  const dump = await db.dumpDataDir("none");
  await db.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "stride-template-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
