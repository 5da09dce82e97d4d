import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../server/generated/prisma/client";
import { openPglite, pgliteFactory } from "../../server/db-adapter";
import { pgliteClient, postgresClient } from "../../server/db";
import { deployMigrations } from "../migrate";

/**
 * The benchmark's own database, never the app's: on PostgreSQL (DATABASE_URL set) a database `roster_bench` is
 * created next to the one the URL names and dropped afterwards; otherwise a PGlite database in a temporary
 * directory. Both are migrated by the project's own migrate step.
 */
export type Target = {
  kind: "postgresql" | "pglite";
  /** The client the services use (the app's driver adapter for this kind of database). */
  prisma: PrismaClient;
  /** Another client on the same database that reports each SQL statement it sends (to EXPLAIN what a service ran). */
  recording: () => { prisma: PrismaClient; statements: { sql: string; params: unknown[] }[] };
  /** Hand-written SQL straight on the driver, no Prisma in between: the yardstick. `name`: as a prepared statement. */
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[], name?: string) => Promise<T[]>;
  close: () => Promise<void>;
};

export const benchDatabase = "roster_bench";

/** `reuse`: PostgreSQL only, the database a run with BENCH_KEEP=1 left, as it is (migrated, not seeded again). */
export async function openTarget(options: { url?: string; keep: boolean; reuse: boolean }): Promise<Target> {
  if (options.reuse && !options.url)
    throw new Error("BENCH_REUSE needs DATABASE_URL: a PGlite bench database lives in a temporary directory.");
  return options.url ? openPostgres(options.url, options.keep || options.reuse, options.reuse) : openEmbedded(options.keep);
}

function urlFor(base: string, database: string) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function openPostgres(baseUrl: string, keep: boolean, reuse: boolean): Promise<Target> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${benchDatabase}"`);
  }
  const url = urlFor(baseUrl, benchDatabase);
  await deployMigrations(new PrismaPg({ connectionString: url }));
  const prisma = postgresClient(url, { max: 4 });
  const recorders: PrismaClient[] = [];
  // Plans per execution, as on Roster's own connections (server/db.ts), so a prepared statement is only parsed once.
  const raw = new pg.Client({ connectionString: url, options: "-c plan_cache_mode=force_custom_plan" });
  await raw.connect();
  return {
    kind: "postgresql",
    prisma,
    recording: () => {
      const recorder = recordingClient(new PrismaPg({ connectionString: url, max: 1 }));
      recorders.push(recorder.prisma);
      return recorder;
    },
    query: async <T>(sql: string, params: unknown[] = [], name?: string) =>
      (await raw.query({ name, text: sql, values: params })).rows as T[],
    close: async () => {
      await Promise.all([prisma, ...recorders].map((client) => client.$disconnect()));
      await raw.end();
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
      else console.log(`Kept the database ${url}`);
      await admin.end();
    },
  };
}

function recordingClient(adapter: PrismaPg | PrismaPGlite) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  return { prisma: prisma as unknown as PrismaClient, statements };
}

async function openEmbedded(keep: boolean): Promise<Target> {
  const dir = await mkdtemp(path.join(tmpdir(), "roster-bench-"));
  const pglite = await openPglite(path.join(dir, "pglite"));
  await deployMigrations(await pgliteFactory(pglite));
  const prisma = pgliteClient(pglite);
  return {
    kind: "pglite",
    prisma,
    recording: () => recordingClient(new PrismaPGlite(pglite)),
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      if (!keep) await rm(dir, { recursive: true, force: true });
      else console.log(`Kept the database in ${dir}`);
    },
  };
}
