// Runs before each integration test file: a fresh copy of the migrated template, reached through
// STRIDE_DATABASE_URL exactly as the app reaches its database (lib/db/client reads it lazily).
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "@/lib/db/embedded";
import { disconnectDb } from "@/lib/db/client";
import { createDatabase, dropDatabase, uniqueName } from "./test-databases";

const kind = process.env.TEST_DB_KIND === "postgresql" ? "postgresql" : "pglite";
let cleanup: () => Promise<void>;

if (kind === "postgresql") {
  const name = uniqueName("stride_test");
  process.env.STRIDE_DATABASE_URL = await createDatabase(name, inject("postgresTemplate"));
  cleanup = () => dropDatabase(name);
} else {
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) });
  const served = await servePglite(pglite);
  process.env.STRIDE_DATABASE_URL = served.url;
  cleanup = async () => {
    await served.server.stop();
    await pglite.close();
  };
}
process.env.STRIDE_DATABASE_KIND = kind;

afterAll(async () => {
  await disconnectDb();
  await cleanup();
});
