// Runs `prisma generate` offline: the Prisma CLI insists on a schema-engine binary it would
// otherwise download, so we point it at a placeholder (generate never executes it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
if (!existsSync(prismaBin)) {
  // `npm ci --omit=dev` has no CLI; the generated client must then already exist.
  console.log("prisma-generate: Prisma CLI not installed, skipping generate");
  process.exit(0);
}
const result = spawnSync(prismaBin, ["generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma", "schema-engine-placeholder.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  },
});
process.exit(result.status ?? 1);
