// WORKAROUND, to remove when lib/db/client.ts opens ONE connection to the embedded database.
// pglite-socket 0.2.17 queues each protocol message separately, so the Parse/Bind/Execute messages
// of concurrent connections interleave outside transactions ("unnamed prepared statement does not
// exist"), and after such an error its queue stops for good (every later query hangs). With one
// connection nothing interleaves. Import this first in a test file that writes concurrently.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

if (process.env.TEST_DB_KIND !== "postgresql") {
  const url = process.env.STRIDE_DATABASE_URL!;
  const holder = globalThis as unknown as { strideDb?: { client: PrismaClient; target: { kind: "pglite"; url: string } } };
  if (!holder.strideDb) {
    holder.strideDb = { client: new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) }), target: { kind: "pglite", url } };
  }
}
