// Summarises a V8 heap snapshot (.heapsnapshot, as written by `node --heapsnapshot-signal=SIGUSR2`
// or Chrome DevTools) by what holds the memory: total self size per node type and constructor
// name, largest first, plus the largest single strings. Used to find what the Next server and
// the start process keep under the bench's load (docs/performance.md, "Memory").
//   npx tsx bench/heap-summary.ts <file.heapsnapshot> [top=25]
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  strings: string[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx bench/heap-summary.ts <file.heapsnapshot> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const data = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
const fields = data.snapshot.meta.node_fields;
const types = data.snapshot.meta.node_types[0];
const width = fields.length;
const at = { type: fields.indexOf("type"), name: fields.indexOf("name"), size: fields.indexOf("self_size") };

const groups = new Map<string, { bytes: number; count: number }>();
const strings: { bytes: number; text: string }[] = [];
let total = 0;
for (let i = 0; i < data.nodes.length; i += width) {
  const type = types[data.nodes[i + at.type]!] ?? "?";
  const name = data.strings[data.nodes[i + at.name]!] ?? "?";
  const bytes = data.nodes[i + at.size]!;
  total += bytes;
  const key = type === "string" || type === "concatenated string" || type === "sliced string" ? `(${type})` : `${type}: ${name.slice(0, 80)}`;
  const group = groups.get(key) ?? { bytes: 0, count: 0 };
  group.bytes += bytes;
  group.count++;
  groups.set(key, group);
  if (type === "string" && bytes > 64 * 1024) strings.push({ bytes, text: name.slice(0, 100).replace(/\s+/g, " ") });
}
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(`${file}: ${mb(total)} MB in ${(data.nodes.length / width).toLocaleString("en")} objects`);
for (const [key, g] of [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
  console.log(`${mb(g.bytes).padStart(8)} MB ${String(g.count).padStart(9)}  ${key}`);
}
strings.sort((a, b) => b.bytes - a.bytes);
if (strings.length) console.log("\nlargest strings:");
for (const s of strings.slice(0, 10)) console.log(`${mb(s.bytes).padStart(8)} MB  ${JSON.stringify(s.text)}`);
