/**
 * Database chores, each in a process of its own that exits when done (PGlite allows one owner at a time).
 *
 *   tsx scripts/db.ts setup    migrate, then seed the demo data if the database is empty
 *   tsx scripts/db.ts seed     seed the demo data (refuses a non-empty database)
 *   tsx scripts/db.ts logins   print the demo sign-ins
 *   tsx scripts/db.ts reset    delete the embedded database directory (PGlite only)
 */
import { rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PrismaClient } from "../server/generated/prisma/client";
import { openAdapterFactory } from "../server/db-adapter";
import { env } from "../server/env";
import { deployMigrations } from "./migrate";
import { seedDemo, demoLogins, DEMO_PASSWORD } from "../server/seed/demo";

export function printDemoLogins() {
  const lines = [
    "",
    `Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
    `  Back office  ${env.APP_URL}/admin/login`,
    ...demoLogins.staff.map((l) => `    ${l.email.padEnd(28)} ${l.who}`),
    `  Storefront   ${env.APP_URL}/login`,
    ...demoLogins.customer.map((l) => `    ${l.email.padEnd(28)} ${l.who}`),
    "",
  ];
  console.log(lines.join("\n"));
}

async function seedIfEmpty(force: boolean) {
  const { factory, close } = await openAdapterFactory();
  const db = new PrismaClient({ adapter: factory });
  try {
    const existing = await db.website.count();
    if (existing > 0) {
      if (force) throw new Error("The database already holds data; `npm run db:reset` first (embedded database).");
      return false;
    }
    await db.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
    return true;
  } finally {
    await db.$disconnect();
    await close();
  }
}

async function main() {
  const command = process.argv[2];
  if (command === "setup") {
    const { factory, close } = await openAdapterFactory();
    try {
      const applied = await deployMigrations(factory);
      if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    } finally {
      await close();
    }
    if (await seedIfEmpty(false)) console.log("Seeded the demo data.");
  } else if (command === "seed") {
    await seedIfEmpty(true);
    console.log("Seeded the demo data.");
    printDemoLogins();
  } else if (command === "logins") {
    printDemoLogins();
  } else if (command === "reset") {
    if (env.DATABASE_URL) throw new Error("reset only deletes the embedded database; drop a PostgreSQL database yourself.");
    await rm(env.PGLITE_DIR, { recursive: true, force: true });
    console.log(`Deleted ${env.PGLITE_DIR}`);
  } else {
    throw new Error("usage: db setup | seed | reset");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
