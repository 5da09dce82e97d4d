/**
 * Offline migrations on Prisma's WASM schema engine (the CLI's `migrate` needs a native binary that cannot be
 * downloaded here). Writes and reads the standard `prisma/migrations/<name>/migration.sql` layout and the
 * `_prisma_migrations` table, so `prisma migrate` can take over wherever its binary is available.
 *
 *   tsx scripts/migrate.ts deploy            apply pending migrations to the configured database
 *   tsx scripts/migrate.ts create <name>     write a migration from the difference between history and schema
 *   tsx scripts/migrate.ts status            list applied and pending migrations
 */
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";
import { openAdapterFactory } from "../server/db-adapter";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
const noFilters = { externalTables: [], externalEnums: [] };

async function loadEngineModule() {
  const bgUrl = pathToFileURL(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(bgUrl.href);
  const wasmBytes = await readFile(new URL("./schema_engine_bg.wasm", bgUrl));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

/**
 * The pg adapter runs a migration by cutting it at every semicolon, which breaks statements that contain one
 * (a function body between $$ quotes, a string); PGlite's adapter runs the script whole. On PostgreSQL too, send
 * the script as one simple-protocol query, which PostgreSQL runs statement by statement and atomically.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  if (factory.adapterName !== "@prisma/adapter-pg") return factory;
  const patch = (adapter: SqlDriverAdapter) => {
    const pgAdapter = adapter as unknown as {
      underlyingDriver: () => { query: (sql: string) => Promise<unknown> };
      onError: (error: unknown) => never;
    };
    const driver = pgAdapter.underlyingDriver();
    const onError = pgAdapter.onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      await driver.query(script).catch(onError);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (engine: SchemaEngine) => Promise<T>) {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, "utf8");
  const debug = process.env.MIGRATE_DEBUG ? (msg: string) => console.error(msg) : () => {};
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    debug,
    bindMigrationAwareSqlAdapterFactory(wholeScripts(factory)),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => ({
        path: entry.name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, entry.name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withEngine(factory, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/** The SQL that would bring the migration history to the schema; empty when they agree. */
export async function pendingSchemaChanges(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const migrationsList = await readMigrations();
  const schema = await readFile(schemaPath, "utf8");
  return withEngine(factory, async (engine) => {
    // The history is replayed on the adapter's shadow database (in-memory PGlite) and diffed against the schema.
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const script = stdout?.trim() ?? "";
    if (script.startsWith("-- This is an empty migration")) return "";
    return withoutRoundTripNoise(script, migrationsList);
  });
}

/**
 * The engine cannot read back two things it writes: B-tree indexes with an operator class (`text_pattern_ops`,
 * which the prefix scopes rely on) and the pg_trgm extension. Every diff would drop and recreate them. Statements
 * that merely repeat what the history already created are removed; anything else is kept.
 */
export function withoutRoundTripNoise(script: string, history: MigrationList): string {
  const historySql = history.migrationDirectories
    .map((dir) => (dir.migrationFile.content.tag === "ok" ? dir.migrationFile.content.value : ""))
    .join("\n");
  const statements = script
    .split(/\n(?=-- )/)
    .map((block) => block.trim())
    .filter(Boolean);
  const createdInHistory = (statement: string) => historySql.includes(statement.replace(/^--[^\n]*\n/, "").trim());
  const recreated = new Set(
    statements
      .filter((s) => s.startsWith("-- CreateIndex") && createdInHistory(s))
      .map((s) => /CREATE (?:UNIQUE )?INDEX "([^"]+)"/.exec(s)?.[1]),
  );
  return statements
    .filter((s) => {
      if (s.startsWith("-- CreateExtension")) return !createdInHistory(s);
      if (s.startsWith("-- CreateIndex")) return !createdInHistory(s);
      if (s.startsWith("-- DropIndex")) return !recreated.has(/DROP INDEX "([^"]+)"/.exec(s)?.[1]);
      return true;
    })
    .join("\n\n");
}

async function createMigration(factory: SqlMigrationAwareDriverAdapterFactory, name: string) {
  const script = await pendingSchemaChanges(factory);
  if (!script) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const generatedName = `${stamp}_${name}`;
  await mkdir(path.join(migrationsDir, generatedName), { recursive: true });
  await writeFile(path.join(migrationsDir, generatedName, "migration.sql"), `${script}\n`);
  return generatedName;
}

async function status(factory: SqlMigrationAwareDriverAdapterFactory) {
  const migrationsList = await readMigrations();
  return withEngine(factory, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilters }),
  );
}

async function main() {
  const [command, name] = process.argv.slice(2);
  // `create` works against a throw-away in-memory database: the history is replayed there and diffed.
  const { factory, close } = await openAdapterFactory(command === "create" ? { memory: true } : {});
  try {
    if (command === "deploy") {
      const applied = await deployMigrations(factory);
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
    } else if (command === "create") {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: migrate create <snake_case_name>");
      const created = await createMigration(factory, name);
      console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "Schema and migrations agree: nothing to create.");
    } else if (command === "status") {
      console.log(JSON.stringify(await status(factory), null, 2));
    } else {
      throw new Error("usage: migrate deploy | create <name> | status");
    }
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Exit explicitly: the pg pool and PGlite's worker would otherwise hold the process open for seconds.
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
