// Test databases: one migrated template per run, copied per test file.
// PGlite: a data-directory dump loaded into a new in-memory PGlite (~1 s instead of ~5 s).
// PostgreSQL: CREATE DATABASE … TEMPLATE on the server in TEST_DATABASE_URL, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function serverUrl(database?: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string, template?: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      return serverUrl(name);
    } catch (error) {
      // Two copies of one template at the same instant can collide; retry briefly.
      if (attempt < 20 && /being accessed by other users/.test((error as Error).message)) {
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
        continue;
      }
      throw error;
    }
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
