// The HTTP benchmark's outputs: bench/results.json, bench/results.md (a table per engine with the
// machine it ran on), and the "Benchmark" section at the end of README.md.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EngineResult } from "./http";
import { ROOT } from "./server";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  date: string;
  loadAverage: number[];
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : "–");
const ratio = (x: number) => (Number.isFinite(x) ? `×${x.toFixed(1)}` : "–");

export function engineMarkdown(r: EngineResult): string {
  const name = r.engine === "postgresql" ? "PostgreSQL" : "Embedded (PGlite)";
  const lines = [
    `### ${name}: ${r.patients.toLocaleString("en")} patients × ${r.visitsPerPatient} visits (+1 patient with ${r.trendVisits} visits)`,
    "",
    `Seeded ${r.assessments.toLocaleString("en")} assessments and ${r.measures.toLocaleString("en")} measure values in ${r.seedSeconds.toFixed(0)} s; ` +
      `database ${r.databaseMb.toFixed(0)} MB; peak server memory ${r.peakMemoryMb.toFixed(0)} MB ` +
      `(start process ${r.peakMemoryDetail.start.toFixed(0)} MB + Next ${r.peakMemoryDetail.next.toFixed(0)} MB)` +
      (r.peakMemoryEach
        ? `; each process's own peak: start process${r.engine === "pglite" ? " (serves the embedded database)" : ""} ${r.peakMemoryEach.start.toFixed(0)} MB, Next ${r.peakMemoryEach.next.toFixed(0)} MB.`
        : "."),
    "",
    "| target | clients | requests | req/s | p50 ms | p95 ms | p99 ms | p50 ÷ floor | p95 ÷ floor | errors |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const t of r.targets) {
    if (t.skipped) {
      lines.push(`| ${t.name} | – | – | – | – | – | – | – | – | skipped: ${t.skipped} |`);
      continue;
    }
    for (const l of t.levels) {
      lines.push(
        `| ${t.name} | ${l.clients} | ${l.requests} | ${l.rps.toFixed(0)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ratio(l.ratioP50)} | ${ratio(l.ratioP95)} | ${l.errors} |`,
      );
    }
  }
  lines.push("", "Goals:", "");
  for (const g of r.goals) lines.push(`- ${g.met ? "met" : "**missed**"}: ${g.name} (${g.detail})`);
  return lines.join("\n");
}

export function machineLine(m: Machine): string {
  return `Ran ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os} (load average at the end ${m.loadAverage.join(" / ")}: the machine is shared).`;
}

export function writeHttpResults(results: EngineResult[], m: Machine, durationSeconds: number): { json: string; md: string } {
  const json = path.join(ROOT, "bench", "results.json");
  const md = path.join(ROOT, "bench", "results.md");
  writeFileSync(json, `${JSON.stringify({ machine: m, secondsPerLevel: durationSeconds, engines: results }, null, 2)}\n`);
  const body = [
    "# HTTP benchmark",
    "",
    machineLine(m),
    `Closed-loop load from the same machine, ${durationSeconds} s per target and level; "floor" is GET /api/v1/health at the same number of clients in the same run. ` +
      "Method and findings: docs/performance.md.",
    "",
    ...results.map(engineMarkdown).flatMap((s) => [s, ""]),
  ].join("\n");
  writeFileSync(md, body);
  return { json, md };
}

/** Replaces (or appends) the README's "## Benchmark" section, the last section of the file. */
export function updateReadme(results: EngineResult[], m: Machine): void {
  const file = path.join(ROOT, "README.md");
  const readme = readFileSync(file, "utf8");
  const section = [
    "## Benchmark",
    "",
    "`npm run bench` (flag engine, then the HTTP benchmark on the embedded database and, when",
    "127.0.0.1:5432 answers, on PostgreSQL; `npm run bench -- --only evaluate` skips the HTTP part).",
    "Latest run (full results in `bench/results.md` and `bench/results.json`, method in `docs/performance.md`):",
    "",
    machineLine(m),
    "",
    ...results.map(engineMarkdown).flatMap((s) => [s.replace(/^### /, "#### "), ""]),
  ].join("\n");
  const at = readme.search(/^## Benchmark\s*$/m);
  const next = readme.slice(at + 1).search(/^## /m);
  const updated =
    at < 0
      ? `${readme.trimEnd()}\n\n${section}`
      : `${readme.slice(0, at)}${section}${next < 0 ? "" : `\n${readme.slice(at + 1 + next)}`}`;
  writeFileSync(file, `${updated.trimEnd()}\n`);
}
