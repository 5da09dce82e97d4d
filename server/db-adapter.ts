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
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  return { factory, close: () => pglite.close(), kind: "pglite" as const, pglite };
}

export async function openPglite(dir?: string, loadDataDir?: Blob | File) {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  return PGlite.create({ dataDir: dir, extensions: { pg_trgm }, loadDataDir });
}
