// CPU time the Next process spends per request, for A/B comparisons of one page on a busy shared
// machine (wall-clock latency there mostly measures the neighbours): sequential requests, the
// process's user+system time from /proc before and after, median of several rounds.
//   BASE=http://localhost:3000 NEXT_PID=<pid of next-server> EMAIL=demo@clinic.test PASSWORD=… \
//     npx tsx bench/cpu-per-request.ts /patients/<id> [/other/path …]
// ROUNDS (5) and REQUESTS (50) per round; a path starting with /api/ is sent with the session
// cookie too (the API accepts it).
import { readFileSync } from "node:fs";
import { signIn } from "./server";

const base = process.env.BASE ?? "http://localhost:3000";
const pid = Number(process.env.NEXT_PID);
const rounds = Number(process.env.ROUNDS ?? 5);
const requests = Number(process.env.REQUESTS ?? 50);
const paths = process.argv.slice(2);
if (!pid || paths.length === 0) {
  console.error("usage: BASE=… NEXT_PID=… EMAIL=… PASSWORD=… npx tsx bench/cpu-per-request.ts <path>…");
  process.exit(2);
}

/** utime + stime of the process and its threads, in milliseconds. */
function cpuMs(): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

const cookie = await signIn(base, process.env.EMAIL ?? "demo@clinic.test", process.env.PASSWORD ?? "demo-clinician");
for (const path of paths) {
  const perRound: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) await (await fetch(`${base}${path}`, { headers: { Cookie: cookie } })).arrayBuffer(); // warm up
  for (let round = 0; round < rounds; round++) {
    const before = cpuMs();
    for (let i = 0; i < requests; i++) {
      const response = await fetch(`${base}${path}`, { headers: { Cookie: cookie, "Accept-Encoding": "identity" } });
      bytes = (await response.arrayBuffer()).byteLength;
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
    }
    perRound.push((cpuMs() - before) / requests);
  }
  perRound.sort((a, b) => a - b);
  console.log(`${path}: ${perRound[Math.floor(perRound.length / 2)]!.toFixed(1)} ms CPU per request (median of ${rounds}×${requests}), ${(bytes / 1024).toFixed(0)} KB`);
}
