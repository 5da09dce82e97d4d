import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { env } from "./env";

export { Prisma };
export type Db = PrismaClient;
/** A client or an open transaction: services take this first so they compose inside `$transaction`. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** PostgreSQL when a URL is given (or DATABASE_URL is set), otherwise the embedded PGlite database. */
export function createDb(target: { url?: string; pglite?: PGlite } = {}): PrismaClient {
  const url = target.url ?? (target.pglite ? undefined : env.DATABASE_URL);
  if (url) return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  if (!target.pglite) mkdirSync(path.dirname(path.resolve(env.PGLITE_DIR)), { recursive: true });
  const pglite = target.pglite ?? new PGlite(env.PGLITE_DIR, { extensions: { pg_trgm } });
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

const globalForDb = globalThis as unknown as { rosterDb?: PrismaClient };

/**
 * The process-wide client, opened on first use (one per process: PGlite allows a single owner of its directory).
 * Tests never call this; they build their own client for a database of their own.
 */
export function getDb(): PrismaClient {
  return (globalForDb.rosterDb ??= createDb());
}
