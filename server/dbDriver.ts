/**
 * SQL with `$1`-style parameters straight on the driver under a client. `name`: a prepared statement, parsed and
 * planned once per connection (PostgreSQL; PGlite runs in this process and has no use for it).
 */
export type RawQuery = <T>(sql: string, params: unknown[], name?: string) => Promise<T[]>;

/**
 * Where a client made in server/db.ts keeps its driver: on the client object itself, under a symbol of the
 * process-wide registry. A production build bundles these modules into several chunks, each with module state of
 * its own; a map kept in a module would exist once per chunk, and a client made in one chunk would have no driver
 * in another (the tRPC route's session checks then went through Prisma).
 */
const driverKey = Symbol.for("roster.db.driver");

export function attachDriver<C extends object>(client: C, driver: RawQuery): C {
  Object.defineProperty(client, driverKey, { value: driver });
  return client;
}

/**
 * The driver a client runs on, for the one query every request makes before any other (the session check in
 * server/authz/access.ts): on the driver it costs half of what it does through Prisma. Null for an open
 * transaction (its queries must run in it, through Prisma). A client made elsewhere than `postgresClient` or
 * `pgliteClient` has none, which is a mistake: it throws, so the first request of any test shows it.
 */
export function driverOf(db: object): RawQuery | null {
  // A transaction client has no $connect (it sees the client's other properties, the driver among them).
  if (!("$connect" in db)) return null;
  if (Object.hasOwn(db, driverKey)) return (db as Record<symbol, RawQuery>)[driverKey]!;
  throw new Error("This database client has no driver: make clients with postgresClient or pgliteClient (server/db.ts).");
}
