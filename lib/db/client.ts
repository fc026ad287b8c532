// The one Prisma client. Always the pg driver adapter: the rest of the code cannot tell whether it
// runs on the embedded database or on a PostgreSQL server.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors/app-errors";
import { untrustedValueIssues } from "@/lib/validation/untrusted-text";
import { resolveDatabaseTarget, type DatabaseTarget } from "./connect";

/** Prisma's own argument keys, left out of a refused field's path ("data.givenName" → "givenName"). */
const PRISMA_ARGUMENT_KEYS = new Set([
  "data", "where", "create", "update", "upsert", "connect", "connectOrCreate", "createMany", "updateMany", "set",
  "equals", "contains", "startsWith", "endsWith", "in", "notIn", "not", "AND", "OR", "NOT", "some", "every", "none",
  "is", "isNot", "mode", "select", "include", "orderBy", "cursor", "having", "by", "values", "strings",
]);

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
  const client = new PrismaClient({ adapter, ...(transactionOptions ? { transactionOptions } : {}) });
  // A net under every way in (server actions, the CLI, anything a route did not check): a NUL
  // character, which PostgreSQL text cannot hold, is a 400 naming the field, not a driver error.
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        const issues = untrustedValueIssues(args, [], PRISMA_ARGUMENT_KEYS)
          .filter((issue) => issue.message.includes("NUL"))
          // A raw query's parameters have positions, not names.
          .map((issue) => (issue.path.startsWith("[") ? { ...issue, path: "value" } : issue));
        if (issues.length) throw new ValidationError(issues);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
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
