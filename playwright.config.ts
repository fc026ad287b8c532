// End-to-end tests against the real production server (`npm start`: migrate, seed the demo
// clinics, `next build` when needed, `next start`) on a fresh embedded database per run.
// Uses Debian's Chromium; never `playwright install`.
// E2E_BASE_URL=http://host:port runs the tests against a server that is already running instead.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;

// The config is evaluated in the runner and again in every worker; the env var makes the whole
// run agree on one directory.
process.env.STRIDE_E2E_PGLITE_DIR ??= path.join(mkdtempSync(path.join(os.tmpdir(), `stride-e2e-${Date.now()}-`)), "pglite");

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-output",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "playwright-report", open: "never" }]],
  use: {
    baseURL,
    screenshot: "on",
    trace: "retain-on-failure",
    locale: "en-GB",
    timezoneId: "UTC",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: external
    ? undefined
    : {
        command: "npm start",
        url: `${baseURL}/api/v1/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
        env: {
          PORT: String(PORT),
          PGLITE_DIR: process.env.STRIDE_E2E_PGLITE_DIR,
          DEMO: "1",
          DATABASE_URL: "",
        },
      },
});
