import { PGlite } from "@electric-sql/pglite";
import { embeddedStartParams } from "@/lib/db/embedded";
const mode = process.argv[2];
const db = await PGlite.create({ dataDir: "/tmp/i15-start/pglite", ...(mode === "tuned" ? { startParams: embeddedStartParams() } : {}) });
const mu = process.memoryUsage();
console.log(mode, (await db.query("SHOW shared_buffers")).rows, "rss", (mu.rss / 1e6).toFixed(0), "heap", (mu.heapUsed / 1e6).toFixed(0), "ext", (mu.external / 1e6).toFixed(0), "ab", (mu.arrayBuffers / 1e6).toFixed(0));
await db.close();
