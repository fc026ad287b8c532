// Prisma CLI configuration. `env()` from prisma/config throws when a variable is unset, so we
// read process.env with a fallback: generate needs no database at all.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/stride" },
});
