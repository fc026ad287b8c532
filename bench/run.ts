// `npm run bench`: runs every benchmark and prints one table each. To add a benchmark, append an
// entry to BENCHES that returns a BenchTable (or several).
// `npm run bench -- --only evaluate` (or `BENCH_ONLY=evaluate`) runs only the named benchmarks;
// `--skip http` (or `BENCH_SKIP=http`) leaves some out. Bare names work as before: `npm run bench -- evaluate`.

import { runEvaluateBench } from "./evaluate";
import { runReferralBench } from "./referral";
import { defaultHttpOptions, runHttpBench } from "./http";
import { machine, writeHttpResults, updateReadme } from "./http-report";

export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
  /** False when the benchmark missed its goal; the process then exits 1. */
  ok?: boolean;
}

interface Bench {
  name: string;
  run: () => BenchTable | BenchTable[] | Promise<BenchTable | BenchTable[]>;
}

const BENCHES: Bench[] = [
  {
    name: "evaluate",
    run: () => {
      const r = runEvaluateBench();
      const base = r.rows.find((row) => row.visits === 1000) ?? r.rows[0];
      return {
        title: "evaluate(history): flag engine, 20 values per visit",
        columns: ["visits", "values", "runs", "ms/evaluation", "ns/value", "× ns/value at 1,000"],
        rows: r.rows.map((row) => [
          row.visits,
          row.values,
          row.iterations,
          row.msPerEvaluation.toFixed(3),
          row.nsPerValue.toFixed(1),
          base ? (row.nsPerValue / base.nsPerValue).toFixed(2) : "",
        ]),
        notes: [
          `goal: < ${r.goalMs} ms at 1,000 visits → ${r.at1000?.toFixed(3) ?? "?"} ms ` +
            `(${r.at1000 !== undefined && r.at1000 < r.goalMs ? "met" : "MISSED"})`,
          `linear growth: ns/value varies by ×${r.linearity.toFixed(2)} from 250 to 2,000 visits`,
        ],
        ok: r.at1000 !== undefined && r.at1000 < r.goalMs,
      };
    },
  },
  {
    // History → referral PDF bytes (issue 19): flags, the note's model and the react-pdf render.
    name: "referral",
    run: async () => {
      const r = await runReferralBench();
      const at300 = r.rows.find((row) => row.visits === 300);
      return {
        title: "referral note: evaluate + assemble + render the PDF",
        columns: ["case", "visits", "runs", "median ms", "max ms", "PDF KB"],
        rows: r.rows.map((row) => [row.name, row.visits, row.runs, row.medianMs.toFixed(0), row.maxMs.toFixed(0), row.kb.toFixed(0)]),
        notes: [`goal: < ${r.goalMs} ms per referral at 300 visits → ${at300?.medianMs.toFixed(0) ?? "?"} ms (${r.ok ? "met" : "MISSED"})`],
        ok: r.ok,
      };
    },
  },
  {
    // The real server under load, per database engine (bench/http.ts); writes bench/results.json,
    // bench/results.md and the README's Benchmark section.
    name: "http",
    run: async () => {
      const options = defaultHttpOptions();
      const started = Date.now();
      const results = await runHttpBench(options);
      const m = machine();
      const files = writeHttpResults(results, m, options.durationMs / 1000);
      if (process.env.BENCH_README !== "0" && results.length) updateReadme(results, m);
      console.log(`\nHTTP benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote ${files.json} and ${files.md}.`);
      return results.map((r) => ({
        title: `HTTP, ${r.engine}: ${r.patients} patients × ${r.visitsPerPatient} visits; seed ${r.seedSeconds.toFixed(0)} s, database ${r.databaseMb.toFixed(0)} MB, peak memory ${r.peakMemoryMb.toFixed(0)} MB`,
        columns: ["target", "clients", "req", "req/s", "p50 ms", "p95 ms", "p99 ms", "p50/floor", "p95/floor", "errors"],
        rows: r.targets.flatMap((t) =>
          t.skipped
            ? [[t.name, "-", "-", "-", "-", "-", "-", "-", "-", "skipped"]]
            : t.levels.map((l) => [t.name, l.clients, l.requests, l.rps.toFixed(0), l.p50.toFixed(1), l.p95.toFixed(1), l.p99.toFixed(1), l.ratioP50.toFixed(1), l.ratioP95.toFixed(1), l.errors]),
        ),
        notes: r.goals.map((g) => `${g.met ? "met" : "MISSED"}: ${g.name} (${g.detail})`),
        ok: r.goals.every((g) => g.met),
      }));
    },
  },
];

function printTable(t: BenchTable): void {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  console.log(`\n${t.title}`);
  console.log(line(t.columns));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
  for (const n of t.notes ?? []) console.log(`  ${n}`);
}

function selection(argv: string[]): { only: string[]; skip: string[] } {
  const only: string[] = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
  const skip: string[] = (process.env.BENCH_SKIP ?? "").split(",").filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--only" || arg === "--skip") (arg === "--only" ? only : skip).push(...(argv[++i] ?? "").split(",").filter(Boolean));
    else if (arg.startsWith("--only=")) only.push(...arg.slice(7).split(","));
    else if (arg.startsWith("--skip=")) skip.push(...arg.slice(7).split(","));
    else only.push(arg);
  }
  return { only, skip };
}

const { only, skip } = selection(process.argv.slice(2));
let failed = false;
for (const b of BENCHES) {
  if ((only.length > 0 && !only.includes(b.name)) || skip.includes(b.name)) continue;
  const tables = await b.run();
  for (const table of Array.isArray(tables) ? tables : [tables]) {
    printTable(table);
    if (table.ok === false) failed = true;
  }
}
console.log(failed ? "\nbench: some goals were missed (see MISSED above)." : "\nbench: every goal met.");
if (failed) process.exitCode = 1;
