import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = { "@/": root + "/" };
const integrationFiles = ["tests/integration/**/*.test.ts", "lib/**/*.integration.test.ts"];

/** Integration tests run once per database engine; PostgreSQL only when TEST_DATABASE_URL is set. */
function integrationProject(kind: "pglite" | "postgresql") {
  return {
    resolve: { alias },
    test: {
      name: `integration-${kind}`,
      include: integrationFiles,
      environment: "node",
      globalSetup: ["tests/integration/global-setup.ts"],
      setupFiles: ["tests/integration/setup-database.ts"],
      env: { TEST_DB_KIND: kind },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    // Each worker holds a PGlite clone (~150 MB); two fit the 2-core CI machine comfortably.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/cli/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        // Starts real `npm start` servers (one shared build under the build lock), so it is kept
        // apart from the fast unit tests; needs TEST_DATABASE_URL (CI sets it).
        resolve: { alias },
        test: {
          name: "multi-server",
          include: ["tests/multi-server/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
      integrationProject("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integrationProject("postgresql")] : []),
    ],
  },
});
