import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { pgliteClient, postgresClient } from "../db";
import { openPglite } from "../db-adapter";
import { databaseUrlFor, templateDatabase, templateFile } from "./template";

/**
 * A database of this test file's own, copied from the seeded template: PostgreSQL when DATABASE_URL is set,
 * an in-memory PGlite otherwise. Dropped after the file's tests.
 */
export async function createTestDb(): Promise<PrismaClient> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `roster_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
    const db = postgresClient(databaseUrlFor(url, name), { max: 4 });
    afterAll(async () => {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    return db;
  }
  const dump = new Blob([await readFile(templateFile)]);
  const pglite = await openPglite(undefined, dump);
  const db = pgliteClient(pglite);
  afterAll(async () => {
    await db.$disconnect();
    await pglite.close();
  });
  return db;
}
