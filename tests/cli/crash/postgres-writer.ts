// Test-only writer for the PostgreSQL crash test: 50 concurrent committed writes, each printed as
// "ACK <n>" once COMMIT has returned, while 5 other transactions stay open ("OPEN <n>", never
// committed). The test kill -9s this process mid-way.
import pg from "pg";

const url = process.env.CRASH_DATABASE_URL!;
const open = Array.from({ length: 5 }, async (_, n) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`INSERT INTO "Clinic" (name) VALUES ($1)`, [`open-${n}`]);
  await client.query(`INSERT INTO "AuditEvent" (action, "entityId") VALUES ('crash.open', $1)`, [`open-${n}`]);
  console.log(`OPEN ${n}`);
});
await Promise.all(open);
const writes = Array.from({ length: 50 }, async (_, n) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await new Promise((resolve) => setTimeout(resolve, n * 20)); // spread over ~1 s
  await client.query("BEGIN");
  await client.query(`INSERT INTO "Clinic" (name) VALUES ($1)`, [`write-${n}`]);
  await client.query(`INSERT INTO "AuditEvent" (action, "entityId") VALUES ('crash.write', $1)`, [`write-${n}`]);
  await client.query("COMMIT");
  console.log(`ACK ${n}`);
});
await Promise.all(writes);
console.log("DONE");
setInterval(() => undefined, 1 << 30); // hold the open transactions until killed
