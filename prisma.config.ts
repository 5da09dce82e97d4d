import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// `prisma generate` insists on a schema-engine binary it never runs; offline none is downloaded. Roster migrates
// with the WASM engine (scripts/migrate.ts), so any existing file satisfies the check.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !existsSync("node_modules/@prisma/engines/schema-engine-debian-openssl-3.0.x")) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = "package.json";
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
