// Test-only stand-in for `npm start` in embedded mode, without `next build`: it does what matters
// for durability (takes the lock, opens PGlite through startEmbeddedServer, migrates, serves the
// socket the app's writes go through) and prints "READY <url>". The crash test kill -9s it.
import { databaseConfig } from "@/lib/db/config";
import { startEmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const server = await startEmbeddedServer(databaseConfig());
await applyMigrations(server.url);
const settings = await server.db.query<{ name: string; setting: string }>(
  `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes') ORDER BY name`,
);
console.log(`SETTINGS ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(" ")}`);
console.log(`READY ${server.url}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
setInterval(() => undefined, 1 << 30); // keep serving until killed
