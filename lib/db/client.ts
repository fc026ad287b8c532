// The one Prisma client. Always the pg driver adapter: the rest of the code cannot tell whether it
// runs on the embedded database or on a PostgreSQL server.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./connect";

export type Db = PrismaClient;

export function createPrismaClient(target: DatabaseTarget): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: target.url,
    // The embedded server multiplexes one PGlite; a few connections are plenty there.
    max: target.kind === "pglite" ? 8 : Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  // The embedded database is one backend: while one connection is inside a transaction every
  // other connection waits, so under load a transaction can take longer than Prisma's default 2 s
  // to start (P2028, seen as 500s at 50 concurrent dashboard requests). Wait longer there.
  const transactionOptions = target.kind === "pglite" ? { maxWait: 15_000, timeout: 30_000 } : undefined;
  return new PrismaClient({ adapter, ...(transactionOptions ? { transactionOptions } : {}) });
}

const globalForPrisma = globalThis as unknown as { strideDb?: { client: PrismaClient; target: DatabaseTarget } };

function instance() {
  if (!globalForPrisma.strideDb) {
    const target = resolveDatabaseTarget();
    globalForPrisma.strideDb = { client: createPrismaClient(target), target };
  }
  return globalForPrisma.strideDb;
}

/** Lazily connects on first use, so importing this module never touches the network. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance().client;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export function databaseKind(): DatabaseTarget["kind"] {
  return instance().target.kind;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForPrisma.strideDb;
  globalForPrisma.strideDb = undefined;
  await current?.client.$disconnect();
}
