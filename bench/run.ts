// `npm run bench`: runs every benchmark and prints one table each. To add a benchmark, append an
// entry to BENCHES that returns a BenchTable.

import { runEvaluateBench } from "./evaluate";

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
  run: () => BenchTable | Promise<BenchTable>;
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

const only = process.argv.slice(2);
let failed = false;
for (const b of BENCHES) {
  if (only.length > 0 && !only.includes(b.name)) continue;
  const table = await b.run();
  printTable(table);
  if (table.ok === false) failed = true;
}
if (failed) process.exitCode = 1;
