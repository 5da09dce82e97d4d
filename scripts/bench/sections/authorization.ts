import {
  clearGrantCache,
  customerGrants,
  loadCustomerPrincipal,
  loadStaffPrincipal,
  type CustomerPrincipal,
} from "../../../server/authz/access";
import { openSession } from "../../../server/services/identity/sessions";
import { listAccountUsersInput, type ListAccountUsersInput } from "../../../server/schemas/accountUser";
import { listAccountUsers } from "../../../server/services/customerUsers/companyList";
import { ms, printTable, sampling, time, timeTogether, type Timing } from "../measure";

type Company = { label: "largest" | "smallest"; principal: CustomerPrincipal; sessionVersion: number };
import type { BenchContext } from "../context";

/**
 * Authorization: what resolving a caller's effective grants costs on every request (warm: the grants cached
 * against the authorization epoch; cold: the role query too), and a SUBTREE-scoped list — the storefront's users
 * grid for a Corporate-level administrator of the company with the most users below it — against the same question
 * in hand-written SQL, with the plan of the statement the service sent.
 */

/** Hand-written: the page (with each row's customer and roles, as the grid shows them) and the count capped at 1,001. */
function handWritten(path: string, extra: string[], orderBy: string) {
  const where = [`u."customerPath" LIKE $1`, ...extra].join(" AND ");
  return {
    page: `
      SELECT u."id", u."email", u."firstName", u."lastName", u."enabled", u."confirmedAt", u."authStatus", u."passwordHash",
             u."createdAt", u."lastLoginAt", c."id" AS "customerId", c."name" AS "customerName",
             (SELECT coalesce(json_agg(json_build_object('id', r."id", 'label', r."label") ORDER BY r."id"), '[]')
              FROM "CustomerUserRoleAssignment" a JOIN "CustomerUserRole" r ON r."id" = a."roleId"
              WHERE a."customerUserId" = u."id") AS "roles"
      FROM "CustomerUser" u JOIN "Customer" c ON c."id" = u."customerId"
      WHERE ${where} ORDER BY ${orderBy} LIMIT 26`,
    count: `SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "CustomerUser" u WHERE ${where} LIMIT 1001) s`,
    params: [`${path}%`],
  };
}

const scenarios: { name: string; input: ListAccountUsersInput; extra: string[]; orderBy: string }[] = [
  { name: "first page (by name)", input: {}, extra: [], orderBy: `u."lastName", u."id"` },
  { name: "sorted by customer", input: { sort: "customer" }, extra: [], orderBy: `u."customerPath", u."id"` },
  { name: "newest first", input: { sort: "created", dir: "desc" }, extra: [], orderBy: `u."createdAt" DESC, u."id" DESC` },
  { name: "filtered: disabled", input: { enabled: false }, extra: [`NOT u."enabled"`], orderBy: `u."lastName", u."id"` },
];

export async function authorization(ctx: BenchContext) {
  const { target, runs } = ctx;
  const [treeSize] = await target.query<{ customers: number; depth: number }>(
    `SELECT count(*)::int AS customers, max(array_length(string_to_array(trim(both '/' from "path"), '/'), 1))::int AS depth FROM "Customer"`,
  );
  // Top-level companies with subsidiaries, by users in their tree: the largest and the smallest, each through an
  // administrator of it who may sign in (the planner's choice differs with the share of the table a subtree holds).
  const companies: Company[] = [];
  for (const [label, order] of [
    ["largest", "DESC"],
    ["smallest", "ASC"],
  ] as const) {
    const roots = await target.query<{ root: string; users: number; customers: number }>(`
      SELECT split_part(u."customerPath", '/', 2) AS root, count(*)::int AS users, count(DISTINCT u."customerId")::int AS customers
      FROM "CustomerUser" u GROUP BY 1 HAVING count(DISTINCT u."customerId") > 1 ORDER BY 2 ${order}, 1 LIMIT 20`);
    for (const root of roots) {
      const [admin] = await target.query<{ id: number; sessionVersion: number; name: string }>(
        `
        SELECT u."id", u."sessionVersion", c."name" FROM "CustomerUser" u
        JOIN "Customer" c ON c."id" = u."customerId"
        JOIN "CustomerUserRoleAssignment" a ON a."customerUserId" = u."id"
        JOIN "CustomerUserRole" r ON r."id" = a."roleId" AND r."code" = 'ROLE_FRONTEND_ADMINISTRATOR'
        WHERE c."id" = $1::int AND u."enabled" AND u."authStatus" = 'ACTIVE' AND u."erasedAt" IS NULL AND c."enabled"
        ORDER BY u."id" LIMIT 1`,
        [Number(root.root)],
      );
      if (!admin) continue;
      const principal = await loadCustomerPrincipal(target.prisma, { uid: admin.id, sv: admin.sessionVersion });
      if ("ended" in principal) continue;
      companies.push({ label, principal, sessionVersion: admin.sessionVersion });
      console.log(
        `${label[0]!.toUpperCase()}${label.slice(1)} company: ${admin.name} (#${root.root}), ${root.users.toLocaleString("en-US")} users over ${root.customers} customers; acting as its Administrator (user #${admin.id}, Corporate level).`,
      );
      break;
    }
  }
  if (companies.length < 2) throw new Error("No company with subsidiaries has an administrator who may sign in; seed again.");
  console.log(`Tree: ${treeSize!.customers.toLocaleString("en-US")} customers, ${treeSize!.depth} levels deep.\n`);
  const admin = { id: companies[0]!.principal.id, sessionVersion: companies[0]!.sessionVersion };

  // ---- effective grants
  // Sessions as a browser's: each names its session row, which the check reads too.
  const session = { ip: null, userAgent: "bench" };
  const customerClaims = { uid: admin.id, sv: admin.sessionVersion, sid: await openSession(target.prisma, "customer", admin.id, session) };
  const staffRow = await target.prisma.staffUser.findUniqueOrThrow({ where: { id: ctx.admin.id }, select: { sessionVersion: true } });
  const staffClaims = {
    uid: ctx.admin.id,
    sv: staffRow.sessionVersion,
    sid: await openSession(target.prisma, "staff", ctx.admin.id, session),
  };
  const principalSql = `
    SELECT u."id", u."email", u."firstName", u."lastName", u."customerId", u."websiteId", u."sessionVersion",
           u."enabled", u."authStatus"::text AS "authStatus", u."erasedAt" IS NOT NULL AS "erased",
           c."path" AS "customerPath", c."enabled" AS "customerEnabled",
           (SELECT "value" FROM "Counter" WHERE "name" = 'authz') AS "epoch",
           (SELECT s."endedAt" IS NULL AND s."expiresAt" > now() FROM "UserSession" s
            WHERE s."id" = $2 AND s."customerUserId" = u."id") AS "sessionOpen"
    FROM "CustomerUser" u JOIN "Customer" c ON c."id" = u."customerId" WHERE u."id" = $1`;
  const [{ epoch }] = (await target.query<{ epoch: string }>(`SELECT "value"::text AS epoch FROM "Counter" WHERE "name" = 'authz'`)) as [
    { epoch: string },
  ];
  await customerGrants(target.prisma, admin.id, Number(epoch));
  const grantsWarm = await time(runs * 40, () => customerGrants(target.prisma, admin.id, Number(epoch)));
  const grantsCold = await time(runs, () => {
    clearGrantCache();
    return customerGrants(target.prisma, admin.id, Number(epoch));
  });
  const [warm, staffWarm, bare] = await timeTogether(runs * 4, [
    () => loadCustomerPrincipal(target.prisma, customerClaims),
    () => loadStaffPrincipal(target.prisma, staffClaims),
    () => target.query(principalSql, [admin.id, customerClaims.sid], "bench_customer_session"),
  ]);
  const grantCount = companies[0]!.principal.grants.size;
  const under = (t: Timing) => (t.median < 1 ? "under 1 ms" : "OVER 1 ms");
  const us = (value: number) => (value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : ms(value));
  printTable(
    ["per request", "median", "p90", "target"],
    [
      ["effective grants, warm (epoch unchanged)", us(grantsWarm.median), us(grantsWarm.p90), under(grantsWarm)],
      ["effective grants, cold (roles read again)", ms(grantsCold.median), ms(grantsCold.p90), ""],
      ["customer principal: session check + grants", ms(warm!.median), ms(warm!.p90), under(warm!)],
      ["staff principal: session check + grants", ms(staffWarm!.median), ms(staffWarm!.p90), under(staffWarm!)],
      ["  the session check's query, by hand", ms(bare!.median), ms(bare!.p90), ""],
    ],
  );
  console.log(
    `\nMedians (warm grants: ${grantsWarm.samples} runs; cold: ${grantsCold.samples}; principals: ${warm!.samples}, taking turns). The ${grantCount}`,
  );
  console.log("accumulated grants come from the process's cache while the authorization epoch stands; a role, grant or");
  console.log("assignment change bumps it and the next request reads the roles again (cold). Every request also checks the");
  console.log("account's state and reads the epoch in one indexed query (the session check), timed here as written by hand.\n");

  // ---- SUBTREE-scoped list
  const rows: string[][] = [];
  const explained: { title: string; sql: string; params: unknown[] }[] = [];
  const recorder = target.recording();
  for (const { label, principal } of companies) {
    for (const scenario of scenarios) {
      const input = listAccountUsersInput.parse(scenario.input);
      const q = handWritten(principal.customerPath, scenario.extra, scenario.orderBy);
      const [service, sql] = (await timeTogether(runs, [
        () => listAccountUsers(target.prisma, principal, input),
        async () => {
          await target.query(q.page, q.params);
          await target.query(q.count, q.params);
        },
      ])) as [Timing, Timing];
      const result = await listAccountUsers(target.prisma, principal, input);
      const hand = await target.query<{ id: number }>(q.page, q.params);
      const [count] = await target.query<{ count: number }>(q.count, q.params);
      const same =
        JSON.stringify(result.items.map((r) => r.id)) === JSON.stringify(hand.slice(0, input.limit).map((r) => r.id)) &&
        (result.count.capped ? 1001 : result.count.value) === count!.count;
      const ratio = service.median / sql.median;
      rows.push([
        scenario.name,
        label,
        ms(service.median),
        ms(sql.median),
        `${ratio.toFixed(2)}x`,
        ratio <= 2 ? "within 2x" : "OVER 2x",
        result.count.capped ? ">1000" : result.count.value.toLocaleString("en-US"),
        same ? "yes" : "NO",
      ]);
      recorder.statements.length = 0;
      await listAccountUsers(recorder.prisma, principal, input);
      const sent = recorder.statements.filter((st) => /FROM "public"\."CustomerUser"/.test(st.sql));
      for (const statement of sent.filter((st) => scenario === scenarios[0] || !/COUNT\(/.test(st.sql))) {
        explained.push({ title: `${scenario.name} — ${label} — ${/COUNT\(/.test(statement.sql) ? "count" : "page"}`, ...statement });
      }
    }
  }
  printTable(["SUBTREE list (account users)", "company", "service", "hand SQL", "ratio", "target", "count", "same rows"], rows);
  console.log(`\n${sampling(runs)}. service = listAccountUsers (account.users.list and GET /api/v1/users):`);
  console.log("scope from the caller's grants, the page with customers and roles, and the capped count. hand SQL = the same page");
  console.log("(customer joined, roles aggregated) and count written by hand on the customer path prefix, run on the driver.");

  console.log(`\nEXPLAIN (ANALYZE) of statements the service sent`);
  for (const plan of explained) {
    const lines = await target.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${plan.sql}`,
      plan.params,
    );
    console.log(`\n-- ${plan.title}`);
    for (const line of lines) console.log(`   ${line["QUERY PLAN"]}`);
  }
}
