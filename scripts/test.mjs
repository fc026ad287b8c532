// `npm test`: every test. Unit and integration tests (Vitest: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set), then the browser tests (Playwright). Ends with one summary line.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, existsSync, rmSync } from "node:fs";

const ci = process.env.CI === "true";
const skipE2e = process.argv.includes("--no-e2e");
mkdirSync("test-results", { recursive: true });
// Logs of app servers that a test started and that never became ready (bench/server.ts).
const failedServers = "test-results/failed-servers";
rmSync(failedServers, { recursive: true, force: true });

function run(command, args, env = {}) {
  console.log(`\n> ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

let failedStep = false;
let missingServer = false;
if (!process.env.TEST_DATABASE_URL) {
  missingServer = true;
  console.log(
    "\nNOTE: the PostgreSQL server tests did NOT run: TEST_DATABASE_URL is not set " +
      "(e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test).",
  );
}

const vitestJson = "test-results/vitest.json";
rmSync(vitestJson, { force: true });
if (run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]) !== 0) failedStep = true;

const playwrightJson = "test-results/playwright.json";
rmSync(playwrightJson, { force: true });
if (!skipE2e) {
  if (run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) !== 0) failedStep = true;
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (existsSync(playwrightJson)) {
  const stats = JSON.parse(readFileSync(playwrightJson, "utf8")).stats;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
if (missingServer) {
  console.log(ci ? "\nFAIL: CI=true but TEST_DATABASE_URL is not set, so the PostgreSQL tests did not run." : "\n(PostgreSQL server tests skipped: TEST_DATABASE_URL not set.)");
}
if (existsSync(failedServers)) {
  for (const name of readdirSync(failedServers).sort()) {
    const lines = readFileSync(`${failedServers}/${name}`, "utf8").trimEnd().split("\n");
    console.log(`\nA server started by a test did not become ready: ${lines[0]} (${failedServers}/${name}); its last lines:`);
    console.log(lines.slice(1).slice(-40).join("\n"));
  }
}
if (failedStep && failed === 0) failed = 1; // a runner crashed before reporting
console.log(`\ntotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedStep || (missingServer && ci) ? 1 : 0);
