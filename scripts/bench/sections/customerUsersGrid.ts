import type { StaffPrincipal } from "../../../server/authz/access";
import { listCustomerUsersInput, type ListCustomerUsersInput } from "../../../server/schemas/customerUser";
import { listCustomerUsers, narrows } from "../../../server/services/customerUsers/grid";
import { encodeCursor } from "../../../server/services/kit/keyset";
import { staffCaller } from "../caller";
import { ms, printTable, sampling, timeTogether, type Timing } from "../measure";
import type { BenchContext } from "../context";

/**
 * The back office's Customer Users grid: each scenario once through the service the tRPC procedure calls
 * (listCustomerUsers: a page and its count) and once as the SQL a person would write for it by hand, run straight
 * on the driver. Both as a staff administrator (all customers) and as a sales manager (the customers
 * they represent). Then EXPLAIN of the SQL the service sent, so index use is visible.
 */

const columns = `u."id", u."email", u."firstName", u."lastName", u."enabled", u."confirmedAt", u."authStatus", u."createdAt",
  u."lastLoginAt", u."customerId", u."customerName", u."websiteId", u."websiteName", u."erasedAt"`;

/** `after`: the keyset condition, for the page only (the count is of the whole filtered list, as the grid's is). */
type HandWritten = { where: string[]; after?: () => string; orderBy: string };
/** Adds a parameter and returns its placeholder. */
type Param = (value: unknown) => string;

type Scenario = {
  name: string;
  input: (who: Who) => ListCustomerUsersInput;
  /** The same question in SQL, by hand. */
  sql: (who: Who, p: Param) => HandWritten;
};

type Who = {
  label: string;
  principal: StaffPrincipal;
  represented: boolean;
  deep: { createdAt: Date; lastName: string; id: number; byNameId: number };
};

const newest = `u."createdAt" DESC, u."id" DESC`;
/**
 * What any endpoint written by hand would also run first: the staff session's check (state and authorization epoch),
 * prepared once per connection as Roster's own is.
 */
const sessionCheck = `SELECT s."id", s."email", s."firstName", s."lastName", s."sessionVersion", s."enabled",
  (SELECT "value" FROM "Counter" WHERE "name" = 'authz') AS "epoch",
  (SELECT us."endedAt" IS NULL AND us."expiresAt" > now() FROM "UserSession" us WHERE us."id" = $2 AND us."staffUserId" = s."id") AS "sessionOpen"
  FROM "StaffUser" s WHERE s."id" = $1`;
/** A word of the free-text search, in the lower-cased copy of the names and email the schema keeps for it. */
const word = (p: string) => `u."searchText" LIKE ${p}`;

function scenarios(customerId: number): Scenario[] {
  return [
    { name: "first page (newest first)", input: () => ({}), sql: () => ({ where: [], orderBy: newest }) },
    {
      name: "filtered by customer",
      input: () => ({ customerId }),
      sql: (_, p) => ({ where: [`u."customerId" = ${p(customerId)}`], orderBy: newest }),
    },
    { name: "filtered: disabled", input: () => ({ enabled: false }), sql: () => ({ where: [`NOT u."enabled"`], orderBy: newest }) },
    {
      name: "filtered: disabled, unconfirmed",
      input: () => ({ enabled: false, confirmed: false }),
      sql: () => ({ where: [`NOT u."enabled"`, `u."confirmedAt" IS NULL`], orderBy: newest }),
    },
    {
      name: "sorted by last name",
      input: () => ({ sort: "lastName", dir: "asc" }),
      sql: () => ({ where: [], orderBy: `u."lastName", u."id"` }),
    },
    {
      name: "sorted by customer",
      input: () => ({ sort: "customer", dir: "asc" }),
      sql: () => ({ where: [], orderBy: `u."customerName", u."id"` }),
    },
    {
      name: "deep page (newest first)",
      input: (who) => ({ cursor: encodeCursor(who.deep.createdAt, who.deep.id) }),
      sql: (who, p) => ({
        where: [],
        after: () => `(u."createdAt", u."id") < (${p(who.deep.createdAt)}, ${p(who.deep.id)})`,
        orderBy: newest,
      }),
    },
    {
      name: "deep page (by last name)",
      input: (who) => ({ sort: "lastName", dir: "asc", cursor: encodeCursor(who.deep.lastName, who.deep.byNameId) }),
      sql: (who, p) => ({
        where: [],
        after: () => `(u."lastName", u."id") > (${p(who.deep.lastName)}, ${p(who.deep.byNameId)})`,
        orderBy: `u."lastName", u."id"`,
      }),
    },
    {
      name: "email prefix 'anna.sch'",
      input: () => ({ email: "anna.sch", emailMatch: "startsWith" }),
      sql: (_, p) => ({ where: [`u."email" LIKE ${p("anna.sch%")}`], orderBy: newest }),
    },
    {
      name: "search 'schmi' (name, email)",
      input: () => ({ search: "schmi" }),
      sql: (_, p) => ({ where: [word(p("%schmi%"))], orderBy: newest }),
    },
    {
      name: "search 'anna schm'",
      input: () => ({ search: "anna schm" }),
      sql: (_, p) => ({ where: [word(p("%anna%")), word(p("%schm%"))], orderBy: newest }),
    },
  ];
}

/**
 * The hand-written page and count. The count answers what the service's does: exact when an index narrows the list
 * (`exact`), else stopping at 1,001. A sales manager's scope is written on the column the schema keeps for it (the
 * customer's sales representatives copied onto the user's row), or with `join` the way it reads without that copy:
 * the customers they represent, as an IN (subquery).
 */
function statements(who: Who, scenario: Scenario, exact: boolean, join = false) {
  const build = (page: boolean) => {
    const params: unknown[] = [];
    const p: Param = (value) => `$${params.push(value)}`;
    const q = scenario.sql(who, p);
    const where = [...q.where, ...(page && q.after ? [q.after()] : [])];
    if (who.represented) {
      where.push(
        join
          ? `u."customerId" IN (SELECT "customerId" FROM "CustomerSalesRep" WHERE "staffUserId" = ${p(who.principal.id)})`
          : `u."customerSalesRepIds" @> ARRAY[${p(who.principal.id)}::int]`,
      );
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    return page
      ? { sql: `SELECT ${columns} FROM "CustomerUser" u ${clause} ORDER BY ${q.orderBy} LIMIT 26`, params }
      : exact
        ? { sql: `SELECT count(*)::int AS "count" FROM "CustomerUser" u ${clause}`, params }
        : { sql: `SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "CustomerUser" u ${clause} LIMIT 1001) s`, params };
  };
  return { page: build(true), count: build(false) };
}

export async function customerUsersGrid(ctx: BenchContext) {
  const { target, runs } = ctx;
  const [biggest] = await target.query<{ customerId: number; users: number }>(
    `
    SELECT u."customerId", count(*)::int AS users FROM "CustomerUser" u WHERE u."customerSalesRepIds" @> ARRAY[$1::int]
    GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    [ctx.sales.id],
  );
  const whoFor = async (label: string, principal: StaffPrincipal, represented: boolean): Promise<Who> => {
    const scope = represented ? `WHERE u."customerSalesRepIds" @> ARRAY[${principal.id}]` : "";
    const [{ total }] = (await target.query<{ total: number }>(`SELECT count(*)::int AS total FROM "CustomerUser" u ${scope}`)) as [
      { total: number },
    ];
    const half = Math.floor(total / 2);
    const [byDate] = await target.query<{ createdAt: Date; id: number }>(
      `SELECT u."createdAt", u."id" FROM "CustomerUser" u ${scope} ORDER BY ${newest} OFFSET ${half} LIMIT 1`,
    );
    const [byName] = await target.query<{ lastName: string; id: number }>(
      `SELECT u."lastName", u."id" FROM "CustomerUser" u ${scope} ORDER BY u."lastName", u."id" OFFSET ${half} LIMIT 1`,
    );
    console.log(
      `${label}: ${total.toLocaleString("en-US")} customer users in scope; deep pages start at row ${half.toLocaleString("en-US")}`,
    );
    return {
      label,
      principal,
      represented,
      deep: { createdAt: new Date(byDate!.createdAt), id: byDate!.id, lastName: byName!.lastName, byNameId: byName!.id },
    };
  };
  const people = [await whoFor("admin (all customers)", ctx.admin, false), await whoFor("sales manager (represented)", ctx.sales, true)];
  console.log(`Customer filter: customer #${biggest!.customerId} (${biggest!.users} users, the largest the sales manager represents)\n`);

  // Every scenario's work, built first so that all of it can warm up before any is timed.
  const cases = scenarios(biggest!.customerId).flatMap((scenario) =>
    people.map((who, k) => {
      const input = listCustomerUsersInput.parse(scenario.input(who));
      const exact = narrows(who.principal, input);
      const q = statements(who, scenario, exact);
      /** `prepared`: the page and count as statements of that name, parsed once on the connection as Roster's are. */
      const run = (statement: ReturnType<typeof statements>, prepared?: string) => async () => {
        await target.query(statement.page.sql, statement.page.params, prepared && `${prepared}_page`);
        await target.query(statement.count.sql, statement.count.params, prepared && `${prepared}_count`);
      };
      const raw = scenario.input(who);
      const checked = (prepared?: string) => async () => {
        await target.query(sessionCheck, [who.principal.id, null], "bench_staff_session");
        await run(q, prepared)();
      };
      const works = [
        () => staffCaller(target.prisma, who.principal).admin.customerUsers.list(raw),
        () => listCustomerUsers(target.prisma, who.principal, input),
        run(q),
        checked(),
        checked(`bench_grid_${scenario.name.replace(/\W+/g, "_")}_${k}`),
      ];
      if (who.represented) works.push(run(statements(who, scenario, exact, true)));
      return { scenario, who, input, q, works };
    }),
  );
  // A server that has been answering for a while runs hot code: V8 and the WebAssembly of Prisma's query compiler
  // optimize what runs often, and the first second of calls is up to a third slower than the rest.
  const warmUntil = performance.now() + 3_000;
  for (let pass = 0; pass === 0 || performance.now() < warmUntil; pass++) {
    for (const { works } of cases) for (const work of works) await work();
  }

  const rows: string[][] = [];
  const explained: { title: string; sql: string; params: unknown[] }[] = [];
  const recorder = target.recording();
  for (const { scenario, who, input, q, works } of cases) {
    const [call, service, sql, sqlChecked, preparedChecked, viaJoin] = (await timeTogether(runs, works)) as [
      Timing,
      Timing,
      Timing,
      Timing,
      Timing,
      Timing | undefined,
    ];
    const result = await listCustomerUsers(target.prisma, who.principal, input);
    const [check] = await target.query<{ count: number }>(q.count.sql, q.count.params);
    const handRows = await target.query<{ id: number }>(q.page.sql, q.page.params);
    const counted = result.count.capped ? 1001 : result.count.value;
    const same =
      JSON.stringify(result.items.map((r) => r.id)) === JSON.stringify(handRows.slice(0, input.limit).map((r) => r.id)) &&
      check!.count === counted;
    rows.push([
      scenario.name,
      who.represented ? "sales" : "admin",
      ms(call.median),
      ms(service.median),
      ms(sql.median),
      ms(sqlChecked.median),
      `${(call.median / sqlChecked.median).toFixed(2)}x`,
      `${(call.median / sql.median).toFixed(2)}x`,
      `${(service.median / sql.median).toFixed(2)}x`,
      ms(preparedChecked.median),
      `${(call.median / preparedChecked.median).toFixed(2)}x`,
      result.count.capped ? ">1000" : result.count.value.toLocaleString("en-US"),
      same ? "yes" : "NO",
      viaJoin ? ms(viaJoin.median) : "",
    ]);
    recorder.statements.length = 0;
    await listCustomerUsers(recorder.prisma, who.principal, input);
    for (const statement of recorder.statements.filter((st) => /FROM "public"\."CustomerUser"/.test(st.sql))) {
      explained.push({ title: `${scenario.name} — ${who.label} — ${/COUNT\(/.test(statement.sql) ? "count" : "page"}`, ...statement });
    }
  }
  printTable(
    [
      "scenario",
      "as",
      "tRPC call",
      "service",
      "hand SQL",
      "+ session",
      "call/(SQL+session)",
      "call/SQL",
      "service/SQL",
      "prepared + session",
      "call/prepared",
      "count",
      "same rows",
      "scope by join",
    ],
    rows,
  );
  console.log(`\n${sampling(runs)}.`);
  for (const line of [
    "tRPC call = admin.customerUsers.list through the in-process caller, as a request runs it: the session check and grants,",
    "input parsing, the permission check and the service. service = listCustomerUsers alone: the page and its count, in",
    "parallel on the pool; the count is exact when an index narrows the list (a sales manager's customers, a customer, text",
    "of 3+ characters), else it stops at 1,000. Roster prepares its statements once per connection (plans stay per",
    "execution). hand SQL = the same page and count written by hand, sent unprepared one after the other on one connection;",
    '"+ session" = that after the staff session\'s check written by hand, as any endpoint runs it first; "prepared + session"',
    '= the same with the page and count prepared too. "same rows": both return the same ids and count. "scope by join":',
    'the sales manager\'s hand SQL with the represented customers as IN (SELECT ... FROM "CustomerSalesRep") instead of the',
    "column copied onto the user's row.",
  ])
    console.log(line);

  console.log(`\nEXPLAIN (ANALYZE) of the statements the service sent (page and capped count)`);
  for (const plan of explained) {
    const lines = await target.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${plan.sql}`,
      plan.params,
    );
    console.log(`\n-- ${plan.title}`);
    for (const line of lines) console.log(`   ${line["QUERY PLAN"]}`);
  }
}
