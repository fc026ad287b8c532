// Trends page weight and server time for a 60-visit and a 300-visit history (issue 17's before and
// after): `npx tsx bench/trends-page.ts`. One server (`npm start`, PostgreSQL in a throwaway
// database when 127.0.0.1:5432 answers, else the embedded database), one clinician, two synthetic
// patients. Per history: the page's size as sent (gzip, as Next compresses it) for a full page load
// and for a client-side navigation (the RSC payload), then sequential requests: the repeat view
// (kept view) and the first view (each request another equivalent date range, nothing kept), as
// median latency and as CPU time of the Next process per request (from /proc), which is steadier
// than latency on a shared machine. Prints a Markdown table.
import http from "node:http";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  baseEnv,
  createClinicUser,
  createPgDatabase,
  dropPgDatabase,
  freePort,
  postgresAnswers,
  runCli,
  signIn,
  startServer,
  uniqueDatabaseName,
  type RunningServer,
} from "./server";

const CLINIC = "Trends Bench Clinic";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 20);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Answer {
  status: number;
  location: string | undefined;
  gzipBytes: number;
  bytes: number;
  ms: number;
  body: Buffer;
}

/** One GET asking for gzip, counting the bytes as they come over the wire. */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers: { "Accept-Encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const zlib = await import("node:zlib");
        const body = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, gzipBytes: res.headers["content-encoding"] === "gzip" ? raw.length : zlib.gzipSync(raw).length, bytes: body.length, ms: performance.now() - t0, body });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** CPU time (user + system, ms) of every process under rootPid whose command line is Next's server. */
function nextCpuMs(rootPid: number): number {
  const tree = new Map<number, number[]>();
  const stats = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      stats.set(Number(entry), stat);
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      tree.set(ppid, [...(tree.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const under: number[] = [];
  const walk = (pid: number) => {
    for (const c of tree.get(pid) ?? []) {
      under.push(c);
      walk(c);
    }
  };
  walk(rootPid);
  let ticks = 0;
  for (const pid of under) {
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!/next/.test(cmd) || /scripts\/start/.test(cmd)) continue;
    const fields = stats.get(pid)!.slice(stats.get(pid)!.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10; // USER_HZ = 100
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(server: RunningServer, url: (n: number) => string, cookie: string) {
  const latencies: number[] = [];
  const cpu: number[] = [];
  let n = 0;
  for (let i = 0; i < 3; i++) await get(url(n++), { Cookie: cookie });
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = nextCpuMs(server.pid);
    for (let i = 0; i < PER_ROUND; i++) {
      const a = await get(url(n++), { Cookie: cookie });
      if (a.status !== 200) throw new Error(`${url(n)} answered ${a.status}`);
      latencies.push(a.ms);
    }
    cpu.push((nextCpuMs(server.pid) - c0) / PER_ROUND);
  }
  return { p50: median(latencies), cpu: median(cpu) };
}

async function main() {
  const usePg = process.env.BENCH_ENGINE !== "pglite" && (await postgresAnswers(ADMIN_URL));
  const dbName = uniqueDatabaseName("stride_trends_bench");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "stride-trends-bench-"));
  const dbEnv: Record<string, string> = usePg
    ? { DATABASE_URL: await createPgDatabase(ADMIN_URL, dbName), AUTH_SECRET: randomBytes(32).toString("base64") }
    : { PGLITE_DIR: path.join(tmp, "pglite") };
  const env = baseEnv({ ...dbEnv, DEMO: "0", API_RATE_LIMIT_PER_MIN: "0" });
  const server = startServer({ env, port: Number(process.env.BENCH_PORT ?? (await freePort())), label: "trends bench server", readyTimeoutMs: 900_000 });
  try {
    await server.ready;
    const user = await createClinicUser(env, CLINIC, `trends-bench-${randomBytes(3).toString("hex")}@clinic.test`);
    for (const [visits, seed] of [[60, 7], [300, 8]] as const) {
      const seeded = await runCli(["seed-synthetic", "--clinic", CLINIC, "--patients", "1", "--visits", String(visits), "--seed", String(seed)], env);
      if (seeded.code !== 0) throw new Error(`seed-synthetic failed: ${seeded.stderr}`);
    }
    const cookie = await signIn(server.base, user.email, user.password);
    const bearer = { Authorization: `Bearer ${user.token}` };
    const idOf = async (mrn: string) =>
      ((await (await fetch(`${server.base}/api/v1/patients?q=${mrn}`, { headers: bearer })).json()) as { id: string }[])[0]!.id;
    const rows: string[] = [
      `Engine: ${usePg ? "PostgreSQL 15" : "embedded (PGlite)"}; ${ROUNDS} rounds × ${PER_ROUND} sequential requests, medians. ${new Date().toISOString()}`,
      "",
      "| history | page HTML (gzip / raw) | client navigation payload (gzip / raw) | repeat view p50 / CPU | first view p50 / CPU |",
      "|---|--:|--:|--:|--:|",
    ];
    for (const [visits, mrn] of [[60, "SYN-000001"], [300, "SYN-000002"]] as const) {
      const id = await idOf(mrn);
      const page = `${server.base}/patients/${id}/trends`;
      const html = await get(page, { Cookie: cookie, "Sec-Fetch-Dest": "document" });
      if (process.env.BENCH_DUMP_DIR) writeFileSync(path.join(process.env.BENCH_DUMP_DIR, `trends-${visits}.html`), html.body);
      // A client-side navigation's request, as the router sends it (RSC header; Next answers a wrong
      // cache-busting _rsc value with a redirect to the right one, which is then followed).
      const rscHeaders = { Cookie: cookie, RSC: "1", "Sec-Fetch-Dest": "empty" };
      let rsc = await get(`${page}?_rsc=bench`, rscHeaders);
      if (rsc.status === 307 && rsc.location) rsc = await get(new URL(rsc.location, server.base).toString(), rscHeaders);
      if (rsc.status !== 200 || rsc.bytes === 0) console.error(`RSC request answered ${rsc.status} with ${rsc.bytes} bytes`);
      const repeat = await measure(server, () => page, cookie);
      const first = await measure(
        server,
        (n) => `${page}?range=custom&from=${new Date(Date.UTC(2000, 0, 1) + (n % 3000) * 86_400_000).toISOString().slice(0, 10)}`,
        cookie,
      );
      const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      rows.push(
        `| ${visits} visits | ${kb(html.gzipBytes)} / ${kb(html.bytes)} | ${kb(rsc.gzipBytes)} / ${kb(rsc.bytes)} | ${repeat.p50.toFixed(0)} ms / ${repeat.cpu.toFixed(0)} ms | ${first.p50.toFixed(0)} ms / ${first.cpu.toFixed(0)} ms |`,
      );
    }
    const health = await measure(server, () => `${server.base}/api/v1/health`, "");
    rows.push("", `Floor (health route): p50 ${health.p50.toFixed(0)} ms, CPU ${health.cpu.toFixed(0)} ms per request.`);
    console.log(rows.join("\n"));
  } finally {
    await server.stop();
    if (usePg) await dropPgDatabase(ADMIN_URL, dbName).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
