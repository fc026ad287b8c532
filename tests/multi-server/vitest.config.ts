// Standalone runner for the multi-server test (it starts real servers, so it is kept apart):
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     flock /tmp/stride-e2e.lock npx vitest run --config tests/multi-server/vitest.config.ts
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@/": root + "/" } },
  test: { include: ["tests/multi-server/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 900_000 },
});
