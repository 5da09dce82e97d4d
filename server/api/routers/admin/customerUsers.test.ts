import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";
import { createCustomerNode, moveCustomer } from "../../../services/customers/paths";
import { customerUserSorts, type ListCustomerUsersInput } from "../../../schemas/customerUser";
import { sortDirections } from "../../../schemas/grid";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

type Caller = Awaited<ReturnType<typeof staffCaller>>;
type Row = Awaited<ReturnType<Caller["admin"]["customerUsers"]["list"]>>["items"][number];

/** Every row of the grid for this input, page by page with the keyset cursor. */
async function allPages(caller: Caller, input: ListCustomerUsersInput = {}, limit = 10) {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await caller.admin.customerUsers.list({ ...input, limit, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error("The pager did not end.");
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const everyone = () =>
  db.customerUser.findMany({
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      enabled: true,
      confirmedAt: true,
      authStatus: true,
      websiteId: true,
      customerId: true,
      customerPath: true,
      createdAt: true,
      lastLoginAt: true,
    },
  });

/** The database's own order for a grid sort (the same collation the keyset compares with). */
const sqlOrder: Record<(typeof customerUserSorts)[number], string> = {
  customer: `"customerName"`,
  firstName: `"firstName"`,
  lastName: `"lastName"`,
  email: `"email"`,
  enabled: `"enabled"`,
  confirmed: `"confirmedAt"`,
  authStatus: `"authStatus"`,
  website: `"websiteName"`,
  createdAt: `"createdAt"`,
  lastLoginAt: `"lastLoginAt"`,
};

describe("admin.customerUsers.list", () => {
  it("pages through every customer user, newest first, for a staff member reaching all customers", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const rows = await allPages(caller);
    const expected = await db.customerUser.findMany({ select: { id: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows[0]).toMatchObject({ customerName: expect.any(String), websiteName: "Roster Store" });
  });

  it("shows a sales manager only the users of the customers they represent", async () => {
    const rows = await allPages(await staffCaller(db, "sales@roster.test"));
    const expected = await db.customerUser.findMany({
      where: { customer: { name: { in: ["Acme Holding", "Acme East"] } } },
      select: { id: true },
    });
    expect(ids(rows).sort()).toEqual(ids(expected).sort());
  });

  it.each(customerUserSorts.flatMap((sort) => sortDirections.map((dir) => [sort, dir] as const)))(
    "sorted by %s %s, the pages together are exactly the database's order",
    async (sort, dir) => {
      const caller = await staffCaller(db, "admin@roster.test");
      const rows = await allPages(caller, { sort, dir }, 7);
      const nulls = dir === "asc" ? "NULLS LAST" : "NULLS FIRST";
      const expected = await db.$queryRawUnsafe<{ id: number }[]>(
        `SELECT "id" FROM "CustomerUser" ORDER BY ${sqlOrder[sort]} ${dir} ${nulls}, "id" ${dir}`,
      );
      expect(ids(rows)).toEqual(ids(expected));
    },
  );

  it("applies each filter as the column says, and a sales manager's scope on top", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const all = await everyone();
    const holding = await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } });
    const store = await db.website.findFirstOrThrow({ where: { code: "default" } });
    const lowerHas = (value: string, part: string) => value.toLowerCase().includes(part.toLowerCase());
    const cases: [ListCustomerUsersInput, (u: (typeof all)[number]) => boolean][] = [
      [{ search: "buyer" }, (u) => [u.firstName, u.lastName, u.email].some((v) => lowerHas(v, "buyer"))],
      [{ search: "  Buyer  acme " }, (u) => ["buyer", "acme"].every((w) => [u.firstName, u.lastName, u.email].some((v) => lowerHas(v, w)))],
      [{ customerId: holding.id }, (u) => u.customerId === holding.id],
      [{ customerId: holding.id, includeSubsidiaries: true }, (u) => u.customerPath.startsWith(holding.path)],
      [{ enabled: false }, (u) => !u.enabled],
      [{ enabled: true, confirmed: false }, (u) => u.enabled && !u.confirmedAt],
      [{ confirmed: true }, (u) => !!u.confirmedAt],
      [{ authStatus: "ACTIVE" }, (u) => u.authStatus === "ACTIVE"],
      [{ websiteId: store.id }, (u) => u.websiteId === store.id],
      [{ firstName: "EL" }, (u) => lowerHas(u.firstName, "el")],
      [{ firstName: "el", firstNameMatch: "startsWith" }, (u) => u.firstName.toLowerCase().startsWith("el")],
      [{ lastName: "buy", lastNameMatch: "startsWith" }, (u) => u.lastName.toLowerCase().startsWith("buy")],
      [{ email: "@ACME", emailMatch: "contains" }, (u) => u.email.includes("@acme")],
      [{ email: "gina", emailMatch: "startsWith" }, (u) => u.email.startsWith("gina")],
      [{ createdFrom: day(-200), createdTo: day(-30) }, (u) => u.createdAt >= start(day(-200)) && u.createdAt < start(day(-29))],
      [{ lastLoginFrom: day(-10) }, (u) => !!u.lastLoginAt && u.lastLoginAt >= start(day(-10))],
      [{ lastLoginTo: day(-20) }, (u) => !!u.lastLoginAt && u.lastLoginAt < start(day(-19))],
    ];
    for (const [input, keep] of cases) {
      const expected = all
        .filter(keep)
        .map((u) => u.id)
        .sort((a, b) => a - b);
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      const rows = await allPages(admin, input);
      expect(
        ids(rows).sort((a, b) => a - b),
        JSON.stringify(input),
      ).toEqual(expected);
      const first = await admin.admin.customerUsers.list({ ...input, limit: 100 });
      expect(first.count, JSON.stringify(input)).toEqual({ value: expected.length, capped: false });
    }
    const sales = await staffCaller(db, "sales@roster.test");
    const represented = (await db.customer.findMany({ where: { name: { in: ["Acme Holding", "Acme East"] } } })).map((c) => c.id);
    const disabled = all
      .filter((u) => !u.enabled && represented.includes(u.customerId))
      .map((u) => u.id)
      .sort((a, b) => a - b);
    expect(ids(await allPages(sales, { enabled: false })).sort((a, b) => a - b)).toEqual(disabled);
  });

  it("takes what people type literally: % and _ match only themselves", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    for (const input of [{ search: "%" }, { search: "_" }, { email: "%", emailMatch: "startsWith" as const }, { lastName: "_" }]) {
      expect((await admin.admin.customerUsers.list(input)).items, JSON.stringify(input)).toEqual([]);
    }
  });

  it("hides a customer's users from a sales manager even when the filter names that customer", async () => {
    const globex = await db.customer.findFirstOrThrow({ where: { name: "Globex Industries" } });
    const sales = await staffCaller(db, "sales@roster.test");
    for (const includeSubsidiaries of [false, true]) {
      expect((await sales.admin.customerUsers.list({ customerId: globex.id, includeSubsidiaries })).items).toEqual([]);
    }
    expect(await sales.admin.customerUsers.customerChoices({ id: globex.id, purpose: "view" })).toEqual([]);
  });

  it("refuses bad input and a tampered cursor with BAD_REQUEST", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const error = await caller.admin.customerUsers
      .list({ limit: 0, sort: "password" as "email", createdFrom: "yesterday" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    await expect(caller.admin.customerUsers.list({ createdFrom: "2026-05-02", createdTo: "2026-05-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.admin.customerUsers.list({ sort: "lastName", cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This page link is not valid any more: start again from the first page.",
    });
  });
});

describe("the copies the grid sorts and scopes by", () => {
  it("follow a customer's rename and a user's move, whoever writes them", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const initech = await db.customer.findFirstOrThrow({ where: { name: "Initech" } });
    await db.customer.update({ where: { id: initech.id }, data: { name: "Initrode" } });
    const ian = await db.customerUser.findUniqueOrThrow({ where: { email: "ian.initech@initech.test" } });
    expect(ian.customerName).toBe("Initrode");
    const page = await admin.admin.customerUsers.list({ search: "ian.initech" });
    expect(page.items[0]!.customerName).toBe("Initrode");

    const globex = await db.customer.findFirstOrThrow({ where: { name: "Globex Industries" } });
    await db.$executeRaw`UPDATE "CustomerUser" SET "customerId" = ${globex.id}, "customerPath" = ${globex.path} WHERE "id" = ${ian.id}`;
    expect(await db.customerUser.findUniqueOrThrow({ where: { id: ian.id } })).toMatchObject({ customerName: "Globex Industries" });
    const wholesale = await db.website.findFirstOrThrow({ where: { code: "wholesale" } });
    await db.customerUser.update({ where: { id: ian.id }, data: { websiteId: wholesale.id, customerName: "tampered" } });
    expect(await db.customerUser.findUniqueOrThrow({ where: { id: ian.id } })).toMatchObject({
      customerName: "Globex Industries",
      websiteName: "Roster Wholesale",
    });
  });

  it("follow a change of a customer's sales representatives, so a sales manager's grid follows at once", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    const sam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
    const umbrella = await db.customer.findFirstOrThrow({ where: { name: "Umbrella Supplies" } });
    const search = { search: "nora.norole" };
    expect((await sales.admin.customerUsers.list(search)).items).toEqual([]);
    await db.customerSalesRep.create({ data: { customerId: umbrella.id, staffUserId: sam.id } });
    expect(ids((await sales.admin.customerUsers.list(search)).items)).toHaveLength(1);
    const newcomer = await db.customerUser.create({
      data: {
        email: "new.umbrella@umbrella.test",
        firstName: "New",
        lastName: "Umbrella",
        customerId: umbrella.id,
        customerPath: umbrella.path,
      },
    });
    expect(newcomer.customerSalesRepIds).toEqual([sam.id]);
    await db.customerSalesRep.delete({ where: { customerId_staffUserId: { customerId: umbrella.id, staffUserId: sam.id } } });
    expect((await sales.admin.customerUsers.list(search)).items).toEqual([]);
    expect((await sales.admin.customerUsers.list({ search: "new.umbrella" })).items).toEqual([]);
  });

  it("keep the search text in step with the user's names and email, and forget an erased user's", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const mia = await db.customerUser.findUniqueOrThrow({ where: { email: "mia.berg.13@example.test" } });
    await db.customerUser.update({ where: { id: mia.id }, data: { lastName: "Bergström" } });
    expect(ids((await admin.admin.customerUsers.list({ search: "MIA BERGSTR" })).items)).toEqual([mia.id]);
    await admin.admin.privacy.erase({ id: mia.id, reason: "Asked to be forgotten." });
    expect((await admin.admin.customerUsers.list({ search: "bergstr" })).items).toEqual([]);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: mia.id } })).searchText).toBe(
      `erased user erased-${mia.id}@erased.invalid`,
    );
  });

  it("move with the customer tree: users of a moved subsidiary keep their name copies and take the new path", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const parent = await createCustomerNode(db, { name: "Tree Parent" });
    const child = await createCustomerNode(db, { name: "Tree Child" });
    await db.customerUser.create({
      data: { email: "tree.user@tree.test", firstName: "Tree", lastName: "User", customerId: child.id, customerPath: child.path },
    });
    await db.$transaction((tx) => moveCustomer(tx, child.id, parent.id));
    const rows = await allPages(admin, { customerId: parent.id, includeSubsidiaries: true });
    expect(rows.map((r) => [r.email, r.customerName])).toEqual([["tree.user@tree.test", "Tree Child"]]);
  });
});

describe("the grid's filter choices: customerChoices (purpose view) and websiteChoices", () => {
  it("offer the customers whose users the staff member sees, by part of the name or by id, and the websites", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const acme = await admin.admin.customerUsers.customerChoices({ search: "acme w", purpose: "view" });
    expect(acme.map((c) => [c.name, c.parentName])).toEqual([
      ["Acme West", "Acme Holding"],
      ["Acme West Logistics", "Acme West"],
    ]);
    expect(await admin.admin.customerUsers.customerChoices({ search: "_", purpose: "view" })).toEqual([]);
    const sales = await staffCaller(db, "sales@roster.test");
    const east = acme.length ? await db.customer.findFirstOrThrow({ where: { name: "Acme East" } }) : null;
    expect((await sales.admin.customerUsers.customerChoices({ id: east!.id, purpose: "view" })).map((c) => c.name)).toEqual(["Acme East"]);
    expect((await sales.admin.customerUsers.websiteChoices()).map((w) => w.name)).toEqual(["Roster Store", "Roster Wholesale"]);
  });
});

describe("admin.customerUsers.effectivePermissions", () => {
  it("explains a user's permissions to staff whose scope reaches the user, and is NOT_FOUND otherwise", async () => {
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const rows = await (await staffCaller(db, "sales@roster.test")).admin.customerUsers.effectivePermissions({ id: bob.id });
    expect(rows.find((r) => r.key === "order.view")).toMatchObject({ level: "OWN", sources: [{ roleLabel: "Buyer", level: "OWN" }] });
    const gary = await db.customerUser.findUniqueOrThrow({ where: { email: "gary.buyer@globex.test" } });
    await expect(
      (await staffCaller(db, "sales@roster.test")).admin.customerUsers.effectivePermissions({ id: gary.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** A day relative to today (UTC), as the date filters take it. */
function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}
function start(value: string) {
  return new Date(`${value}T00:00:00Z`);
}
