import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules guard against client bundles with "server-only"; tests run them in Node directly.
      "server-only": path.resolve(import.meta.dirname, "server/test/server-only.ts"),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
