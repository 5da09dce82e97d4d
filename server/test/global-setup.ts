import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { openPglite, pgliteFactory } from "../db-adapter";
import { deployMigrations } from "../../scripts/migrate";
import { seedDemo } from "../seed/demo";
import { databaseUrlFor, templateDatabase, templateFile } from "./template";

/**
 * Builds the template every test file copies: migrated by the project's own migrate step and seeded with the demo
 * data. PostgreSQL (DATABASE_URL set): a template database; otherwise a PGlite data dump.
 */
export default async function setup() {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${templateDatabase}"`);
    await admin.end();
    const templateUrl = databaseUrlFor(url, templateDatabase);
    await deployMigrations(new PrismaPg({ connectionString: templateUrl }));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: templateUrl }) });
    await db.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
    await db.$disconnect();
    // A template may have no other sessions while it is copied: close the migrate step's pool and lock it.
    const closer = new pg.Client({ connectionString: url });
    await closer.connect();
    await closer.query(`ALTER DATABASE "${templateDatabase}" WITH ALLOW_CONNECTIONS false`);
    await closer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [templateDatabase]);
    await closer.end();
  } else {
    const pglite = await openPglite();
    await deployMigrations(await pgliteFactory(pglite));
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    await db.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
    await db.$disconnect();
    const dump = await pglite.dumpDataDir("none");
    await mkdir(path.dirname(templateFile), { recursive: true });
    await writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
  }
  console.log(`[test] template database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${url ? "PostgreSQL" : "PGlite"})`);
}
