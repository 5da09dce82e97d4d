import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { env } from "./env";

export { Prisma };
export type Db = PrismaClient;
/** A client or an open transaction: services take this first so they compose inside `$transaction`. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** SQL with `$1`-style parameters straight on the driver under a client. */
export type RawQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;
const drivers = new WeakMap<object, RawQuery>();

/**
 * The driver a client runs on, for the one query every request makes before any other (the session check in
 * server/authz/access.ts): on the driver it costs half of what it does through Prisma. Undefined for an open
 * transaction or a client not made here (callers then use Prisma).
 */
export function driverOf(db: DbClient): RawQuery | undefined {
  return drivers.get(db);
}

/** A client on PostgreSQL, its pool shared with the driver query. */
export function postgresClient(url: string, options: { max?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, ...options });
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  drivers.set(client, async (sql, params) => (await pool.query(sql, params)).rows);
  return client;
}

/** A client on an embedded PGlite database. */
export function pgliteClient(pglite: PGlite): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  drivers.set(client, async <T,>(sql: string, params: unknown[]) => (await pglite.query<T>(sql, params)).rows);
  return client;
}

/** PostgreSQL when a URL is given (or DATABASE_URL is set), otherwise the embedded PGlite database. */
export function createDb(target: { url?: string; pglite?: PGlite } = {}): PrismaClient {
  const url = target.url ?? (target.pglite ? undefined : env.DATABASE_URL);
  if (url) return postgresClient(url);
  if (!target.pglite) mkdirSync(path.dirname(path.resolve(env.PGLITE_DIR)), { recursive: true });
  return pgliteClient(target.pglite ?? new PGlite(env.PGLITE_DIR, { extensions: { pg_trgm } }));
}

const globalForDb = globalThis as unknown as { rosterDb?: PrismaClient };

/**
 * The process-wide client, opened on first use (one per process: PGlite allows a single owner of its directory).
 * Tests never call this; they build their own client for a database of their own.
 */
export function getDb(): PrismaClient {
  return (globalForDb.rosterDb ??= createDb());
}
