import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "./env";

export type DatabaseTarget = { url?: string; dir?: string; memory?: boolean };

/**
 * Opens the driver adapter for PostgreSQL (a URL) or the embedded PGlite database (a directory, or memory).
 * `close` releases PGlite, which otherwise keeps the process alive.
 */
export async function openAdapterFactory(target: DatabaseTarget = {}) {
  const url = target.memory ? undefined : (target.url ?? env.DATABASE_URL);
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPg({ connectionString: url });
    return { factory, close: async () => {}, kind: "postgresql" as const };
  }
  const pglite = await openPglite(target.memory ? undefined : (target.dir ?? env.PGLITE_DIR));
  return { factory: await pgliteFactory(pglite), close: () => pglite.close(), kind: "pglite" as const, pglite };
}

/**
 * The PGlite adapter factory, with a shadow database (used to replay migrations when diffing) that loads the
 * same extensions as the main one; the adapter's own shadow has none, and the history creates pg_trgm.
 */
export async function pgliteFactory(pglite: import("@electric-sql/pglite").PGlite): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const main = new PrismaPGlite(pglite);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => new PrismaPGlite(await openPglite()).connect(),
  };
}

export async function openPglite(dir?: string, loadDataDir?: Blob | File) {
  // PGlite creates its own directory but not the ones above it (a fresh clone has no .data/).
  if (dir) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite/contrib/pg_trgm")]);
  return PGlite.create({ dataDir: dir, extensions: { pg_trgm }, loadDataDir });
}
