import { seedDemo } from "../../server/seed/demo";
import type { Target } from "./target";
import { companyCities, companyPrefixes, companyTrades, divisions, firstNames, legalForms, lastNames } from "./names";

/**
 * Bulk data for the benchmark, written by the database itself (INSERT ... SELECT generate_series), on top of the
 * demo data (so the demo's staff, roles and websites exist):
 *
 * - `customers` customers in a tree: 40 % are top-level companies (a fifth of them groups), the rest subsidiaries
 *   up to four levels below them; each subsidiary's materialized path extends its parent's.
 * - `users` customer users spread unevenly: a few customers have well over a thousand users, most have a handful.
 * - one role per user (the first user of each customer administers it), and the demo's sales manager represents
 *   every hundredth customer (about 1 % of the users).
 *
 * - Each user row carries its customer's path, name and sales representatives (`customerPath`, `customerName`,
 *   `customerSalesRepIds`) as the app and its triggers keep them.
 *
 * The secondary indexes of the big tables are dropped while rows go in and built afterwards, and the copy trigger
 * is off while the seed writes the copies itself: both are many times faster than row-by-row upkeep.
 */
export type SeedOptions = { users: number; customers: number };
/** What the database holds (after seeding, or as a reused database holds it). */
export type Seeded = { users: number; customers: number; representedCustomers: number };

export async function seededCounts(target: Target): Promise<Seeded> {
  const [row] = await target.query<Seeded>(`
    SELECT (SELECT count(*)::int FROM "CustomerUser") AS users, (SELECT count(*)::int FROM "Customer") AS customers,
           (SELECT count(*)::int FROM "CustomerSalesRep" r JOIN "StaffUser" s ON s."id" = r."staffUserId" WHERE s."email" = 'sales@roster.test') AS "representedCustomers"`);
  return row!;
}

/** Deterministic pseudo-random integer in [0, 1000003) from a row number and a multiplier. */
const h = (i: string, m: number) => `((${i})::bigint * ${m} % 1000003)`;

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  return result;
}

/** Runs `work` with the table's secondary indexes dropped, then rebuilds them from their own definitions. */
async function withoutIndexes(target: Target, table: string, work: () => Promise<void>) {
  const indexes = await target.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const index of indexes) await target.query(`DROP INDEX "${index.indexname}"`);
  await work();
  await timed(`${table}: ${indexes.length} indexes`, async () => {
    for (const index of indexes) await target.query(index.indexdef);
  });
}

export async function seedBulk(target: Target, options: SeedOptions): Promise<Seeded> {
  if (target.kind === "postgresql") {
    await target.query("SET maintenance_work_mem = '512MB'");
    await target.query("SET synchronous_commit = off");
  }
  await timed("demo data", () => target.prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000 }));
  const [ids] = await target.query<{
    customer: number;
    user: number;
    ada: number;
    sam: number;
    store: number;
    wholesale: number;
    partners: number;
    retail: number;
    admin: number;
    buyer: number;
  }>(`
    SELECT (SELECT max("id") FROM "Customer") AS customer, (SELECT max("id") FROM "CustomerUser") AS "user",
           (SELECT "id" FROM "StaffUser" WHERE "email" = 'admin@roster.test') AS ada,
           (SELECT "id" FROM "StaffUser" WHERE "email" = 'sales@roster.test') AS sam,
           (SELECT "id" FROM "Website" WHERE "code" = 'default') AS store,
           (SELECT "id" FROM "Website" WHERE "code" = 'wholesale') AS wholesale,
           (SELECT "id" FROM "CustomerGroup" WHERE "name" = 'Partners') AS partners,
           (SELECT "id" FROM "CustomerGroup" WHERE "name" = 'Retail') AS retail,
           (SELECT "id" FROM "CustomerUserRole" WHERE "code" = 'ROLE_FRONTEND_ADMINISTRATOR') AS admin,
           (SELECT "id" FROM "CustomerUserRole" WHERE "code" = 'ROLE_FRONTEND_BUYER') AS buyer`);
  const base = ids!.customer;
  const userBase = ids!.user;
  const n = options.customers;

  // Levels of the tree: [share of all customers, share of the level above that has children].
  const levels: [number, number][] = [
    [0.4, 0],
    [0.3, 0.2],
    [0.2, 0.5],
    [0.07, 0.34],
    [0.03, 0.5],
  ];
  await withoutIndexes(target, "Customer", async () => {
    let start = 1;
    let above: { start: number; count: number } | null = null;
    for (const [share, parentShare] of levels) {
      const count = share === levels[levels.length - 1]![0] ? n - start + 1 : Math.round(n * share);
      const end = start + count - 1;
      if (count <= 0) break;
      if (!above) {
        await timed(`customers: ${count.toLocaleString("en-US")} top-level`, () =>
          target.query(`
            INSERT INTO "Customer" ("id", "name", "parentId", "path", "groupId", "ownerId", "enabled", "createdAt", "updatedAt")
            SELECT ${base} + g,
                   (${sqlArray(companyPrefixes)})[1 + g % ${companyPrefixes.length}] || ' ' ||
                   (${sqlArray(companyTrades)})[1 + (g / ${companyPrefixes.length}) % ${companyTrades.length}] || ' ' ||
                   (${sqlArray(companyCities)})[1 + (g / ${companyPrefixes.length * companyTrades.length}) % ${companyCities.length}] || ' ' ||
                   (${sqlArray(legalForms)})[1 + ${h("g", 7)} % ${legalForms.length}],
                   NULL, '/' || (${base} + g) || '/',
                   CASE ${h("g", 11)} % 4 WHEN 0 THEN ${ids!.partners} WHEN 1 THEN ${ids!.retail} ELSE NULL END,
                   ${ids!.ada}, ${h("g", 13)} % 200 <> 7, now() - (${h("g", 17)} % 3650) * interval '1 day', now()
            FROM generate_series(${start}, ${end}) g`),
        );
      } else {
        const parents = Math.max(1, Math.round(above.count * parentShare));
        await timed(`customers: ${count.toLocaleString("en-US")} subsidiaries`, () =>
          target.query(`
            INSERT INTO "Customer" ("id", "name", "parentId", "path", "groupId", "ownerId", "enabled", "createdAt", "updatedAt")
            SELECT ${base} + g, p."name" || ' ' || (${sqlArray(divisions)})[1 + ${h("g", 19)} % ${divisions.length}], p."id",
                   p."path" || (${base} + g) || '/', p."groupId", p."ownerId", true, p."createdAt" + interval '30 days', now()
            FROM generate_series(${start}, ${end}) g
            JOIN "Customer" p ON p."id" = ${base} + ${above!.start} + (g - ${start}) % ${parents}`),
        );
      }
      above = { start, count };
      start = end + 1;
    }
  });
  await target.query(`SELECT setval(pg_get_serial_sequence('"Customer"', 'id'), (SELECT max("id") FROM "Customer"))`);
  // Sales representation: the demo's sales manager looks after every hundredth customer.
  const [represented] = await target.query<{ count: number }>(`
    WITH inserted AS (
      INSERT INTO "CustomerSalesRep" ("customerId", "staffUserId")
      SELECT ${base} + g, ${ids!.sam} FROM generate_series(100, ${n}, 100) g RETURNING 1
    ) SELECT count(*)::int AS count FROM inserted`);

  const users = options.users;
  const [hash] = await target.query<{ passwordHash: string }>(
    `SELECT "passwordHash" FROM "CustomerUser" WHERE "email" = 'bob.buyer@acme.test'`,
  );
  const span = 5 * 365 * 24 * 3600; // created over five years, in id order as in real life
  await target.query(`ALTER TABLE "CustomerUser" DISABLE TRIGGER "CustomerUser_copies"`);
  await withoutIndexes(target, "CustomerUser", async () => {
    const batch = 250_000;
    for (let from = 1; from <= users; from += batch) {
      const to = Math.min(users, from + batch - 1);
      await timed(`customer users ${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")}`, () =>
        target.query(
          `
          INSERT INTO "CustomerUser" ("id", "email", "firstName", "lastName", "enabled", "confirmedAt", "authStatus",
            "passwordHash", "passwordChangedAt", "customerId", "customerPath", "customerName", "customerSalesRepIds", "websiteId", "websiteName",
            "ownerId", "lastLoginAt", "loginCount", "createdAt", "updatedAt")
          SELECT ${userBase} + s.i,
                 translate(lower(s.first || '.' || replace(replace(s.last, ' ', ''), '''', '')), 'äöüéëïßąćęłńóśźż', 'aoueeisacelnoszz') || '.' || s.i || '@c' || c."id" || '.example',
                 s.first, s.last, ${h("s.i", 31)} % 100 >= 3,
                 CASE WHEN ${h("s.i", 37)} % 100 < 5 THEN NULL ELSE s.created + interval '1 hour' END,
                 (CASE WHEN ${h("s.i", 41)} % 100 = 0 THEN 'RESET' ELSE 'ACTIVE' END)::"AuthStatus",
                 CASE WHEN ${h("s.i", 61)} % 100 < 5 THEN NULL ELSE $1 END, s.created,
                 c."id", c."path", c."name", coalesce(reps.ids, '{}'), s.website, w."name", c."ownerId",
                 CASE WHEN ${h("s.i", 53)} % 100 < 30 THEN NULL
                      ELSE greatest(s.created, now() - (${h("s.i", 59)} % 525600) * interval '1 minute') END,
                 CASE WHEN ${h("s.i", 53)} % 100 < 30 THEN 0 ELSE 1 + ${h("s.i", 67)} % 300 END,
                 s.created, s.created
          FROM (
            SELECT i,
                   (${sqlArray(firstNames)})[1 + ${h("i", 40503)} % ${firstNames.length}] AS first,
                   (${sqlArray(lastNames)})[1 + ${h("i", 7727)} % ${lastNames.length}] AS last,
                   -- Squaring a uniform number skews users towards some customers; the multiplier scatters those
                   -- over the tree.
                   ${base} + 1 + (floor(${n} * power(((i::bigint * 2654435761) % 4294967296) / 4294967296.0, 2))::bigint * 7919) % ${n} AS customer,
                   CASE WHEN ${h("i", 43)} % 100 < 90 THEN ${ids!.store} WHEN ${h("i", 43)} % 100 < 98 THEN ${ids!.wholesale} END AS website,
                   now() - interval '${span} seconds' + i * interval '${(span / users).toFixed(6)} seconds' AS created
            FROM generate_series(${from}, ${to}) i
          ) s
          JOIN "Customer" c ON c."id" = s.customer
          LEFT JOIN "Website" w ON w."id" = s.website
          LEFT JOIN (SELECT "customerId", array_agg("staffUserId" ORDER BY "staffUserId") AS ids FROM "CustomerSalesRep" GROUP BY 1) reps
            ON reps."customerId" = c."id"`,
          [hash!.passwordHash],
        ),
      );
    }
  });
  await target.query(`ALTER TABLE "CustomerUser" ENABLE TRIGGER "CustomerUser_copies"`);
  await target.query(`SELECT setval(pg_get_serial_sequence('"CustomerUser"', 'id'), (SELECT max("id") FROM "CustomerUser"))`);
  await withoutIndexes(target, "CustomerUserRoleAssignment", () =>
    timed("role assignments", () =>
      target.query(`
        INSERT INTO "CustomerUserRoleAssignment" ("customerUserId", "roleId")
        SELECT u."id", CASE WHEN u."id" = first."id" THEN ${ids!.admin} ELSE ${ids!.buyer} END
        FROM "CustomerUser" u
        JOIN (SELECT "customerId", min("id") AS "id" FROM "CustomerUser" WHERE "id" > ${userBase} GROUP BY "customerId") first
          ON first."customerId" = u."customerId"
        WHERE u."id" > ${userBase}`),
    ).then(() => undefined),
  );
  // What autovacuum would have done by now: statistics, and the visibility map index-only scans rely on.
  await timed("VACUUM ANALYZE", async () => {
    for (const table of ["Customer", "CustomerSalesRep", "CustomerUser", "CustomerUserRoleAssignment"])
      await target.query(`VACUUM ANALYZE "${table}"`);
  });
  console.log(`  the sales manager represents ${represented!.count.toLocaleString("en-US")} of them`);
  return seededCounts(target);
}
