import { describe, expect, it } from "vitest";
import { openAdapterFactory } from "../server/db-adapter";
import { pendingSchemaChanges, withoutRoundTripNoise } from "./migrate";

describe("migrations", () => {
  it("describe exactly the schema: no change is waiting for a migration", async () => {
    const { factory, close } = await openAdapterFactory({ memory: true });
    try {
      expect(await pendingSchemaChanges(factory)).toBe("");
    } finally {
      await close();
    }
  }, 120_000);
});

describe("withoutRoundTripNoise", () => {
  const history = {
    baseDir: "/m",
    lockfile: { path: "migration_lock.toml", content: null },
    shadowDbInitScript: "",
    migrationDirectories: [
      {
        path: "1_init",
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: 'CREATE EXTENSION IF NOT EXISTS "pg_trgm";\nCREATE INDEX "A_path_idx" ON "A"("path" text_pattern_ops);',
          },
        },
      },
    ],
  };

  it("drops what only repeats the history and keeps real changes", () => {
    const script = [
      '-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS "pg_trgm";',
      '-- DropIndex\nDROP INDEX "A_path_idx";',
      '-- AlterTable\nALTER TABLE "A" ADD COLUMN "b" TEXT;',
      '-- CreateIndex\nCREATE INDEX "A_path_idx" ON "A"("path" text_pattern_ops);',
      '-- CreateIndex\nCREATE INDEX "A_b_idx" ON "A"("b");',
    ].join("\n\n");
    expect(withoutRoundTripNoise(script, history)).toBe(
      '-- AlterTable\nALTER TABLE "A" ADD COLUMN "b" TEXT;\n\n-- CreateIndex\nCREATE INDEX "A_b_idx" ON "A"("b");',
    );
  });
});
