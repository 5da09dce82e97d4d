import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { env } from "./env";
import { attachDriver } from "./dbDriver";

export { Prisma };
export type Db = PrismaClient;
/** A client or an open transaction: services take this first so they compose inside `$transaction`. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export { driverOf, type RawQuery } from "./dbDriver";

/**
 * Names for the statements Prisma sends, so that each connection parses a statement once and afterwards only binds
 * and runs it. The first 1,000 distinct statements of the process get a name and the rest run unnamed ("" is
 * pg's unnamed statement), which bounds what each connection keeps.
 */
export function statementNames(limit = 1000) {
  const names = new Map<string, string>();
  return (query: { sql: string }) => {
    let name = names.get(query.sql);
    if (name === undefined && names.size < limit) names.set(query.sql, (name = `prisma_${names.size + 1}`));
    return name ?? "";
  };
}

/**
 * A client on PostgreSQL, its pool shared with the driver query. Its statements are prepared once per connection
 * (`preparedStatements: false` for a pooler that cannot keep them, such as PgBouncer in transaction mode before
 * 1.21). Plans stay per execution: the connections run with plan_cache_mode=force_custom_plan, so a statement
 * never runs with a generic plan made for another customer's or another search's figures.
 *
 * `max` connections at most; a query or transaction waits `waitMs` for one (free, or newly opened) and then fails
 * with an error server/errors.ts reads as "unavailable" (503 with Retry-After), rather than queueing without end.
 */
export function postgresClient(url: string, options: { max?: number; waitMs?: number; preparedStatements?: boolean } = {}): PrismaClient {
  const prepared = options.preparedStatements ?? true;
  const waitMs = options.waitMs ?? env.DATABASE_POOL_TIMEOUT_SECONDS * 1000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: waitMs,
    ...(prepared ? { options: "-c plan_cache_mode=force_custom_plan" } : {}),
  });
  // An idle connection the server dropped (a restart, an outage) errors on the pool; the next query opens another.
  pool.on("error", (error) => console.warn("[db] idle connection lost:", error.message));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, prepared ? { statementNameGenerator: statementNames() } : {}),
    transactionOptions: { maxWait: waitMs },
  });
  return attachDriver(
    client,
    async (sql, params, name) =>
      (await pool.query(prepared && name ? { name, text: sql, values: params } : { text: sql, values: params })).rows,
  );
}

/** A client on an embedded PGlite database. */
export function pgliteClient(pglite: PGlite): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return attachDriver(client, async <T>(sql: string, params: unknown[]) => (await pglite.query<T>(sql, params)).rows);
}

/** PostgreSQL when a URL is given (or DATABASE_URL is set), otherwise the embedded PGlite database. */
export function createDb(target: { url?: string; pglite?: PGlite } = {}): PrismaClient {
  const url = target.url ?? (target.pglite ? undefined : env.DATABASE_URL);
  if (url) return postgresClient(url, { preparedStatements: env.DATABASE_PREPARED_STATEMENTS });
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
