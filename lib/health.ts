// The health check behind GET /api/v1/health: a real round trip to the database.
import { databaseKind, db } from "@/lib/db/client";

export interface HealthResult {
  ok: boolean;
  database?: "pglite" | "postgresql";
}

const TIMEOUT_MS = 5_000;

export async function checkDatabase(): Promise<HealthResult> {
  let database: HealthResult["database"];
  try {
    database = databaseKind();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    try {
      await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { ok: true, database };
  } catch (error) {
    console.error("[stride] health check failed:", error instanceof Error ? error.message : error);
    return { ok: false, database };
  }
}
