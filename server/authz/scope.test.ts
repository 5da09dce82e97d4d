import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { callerFor, customerPrincipal } from "../test/principals";
import type { CustomerPrincipal } from "./access";
import { scopeWhere } from "./scope";
import { entityLevels, type Level } from "./permissions";

/**
 * Scope, proven on the demo tree: Acme Holding > (Acme East, Acme West > Acme West Logistics); Globex, Initech and
 * Umbrella stand alone. Each principal sees exactly what its level reaches; anything else is NOT_FOUND.
 */
let db: PrismaClient;
let customers: Record<string, { id: number; path: string }>;
beforeAll(async () => {
  db = await createTestDb();
  const all = await db.customer.findMany({ select: { id: true, name: true, path: true } });
  customers = Object.fromEntries(all.map((c) => [c.name, c]));
});

const orderIdsOf = async (where: object) =>
  (await db.order.findMany({ where, select: { id: true }, orderBy: { id: "desc" } })).map((o) => o.id);

async function listedOrders(principal: CustomerPrincipal) {
  const caller = callerFor(db, principal);
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.account.orders.list({ cursor, limit: 10 });
    ids.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("records within scope", () => {
  it("a buyer (User level) sees only their own orders", async () => {
    const bob = await customerPrincipal(db, "bob.buyer@acme.test");
    expect(await listedOrders(bob)).toEqual(await orderIdsOf({ customerUserId: bob.id }));
  });

  it("the parent company's administrator (Corporate) sees the whole group", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const group = ["Acme Holding", "Acme East", "Acme West", "Acme West Logistics"].map((n) => customers[n]!.id);
    expect(await listedOrders(amanda)).toEqual(await orderIdsOf({ customerId: { in: group } }));
  });

  it("a subsidiary's administrator sees their subtree, never the parent company or a sibling", async () => {
    const walter = await customerPrincipal(db, "walter.west@acme.test");
    const mine = ["Acme West", "Acme West Logistics"].map((n) => customers[n]!.id);
    expect(await listedOrders(walter)).toEqual(await orderIdsOf({ customerId: { in: mine } }));
    const caller = callerFor(db, walter);
    for (const name of ["Acme Holding", "Acme East", "Globex Industries"]) {
      const foreign = await db.order.findFirstOrThrow({ where: { customerId: customers[name]!.id } });
      await expect(caller.account.orders.get({ id: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("a Department-level administrator sees their own customer only", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const department: CustomerPrincipal = { ...amanda, grants: new Map([["order.view", "CUSTOMER"]]) };
    expect(await listedOrders(department)).toEqual(await orderIdsOf({ customerId: customers["Acme Holding"]!.id }));
  });

  it("a standalone company's administrator sees only their company; another company's record is NOT_FOUND", async () => {
    const gina = await customerPrincipal(db, "gina.globex@globex.test");
    expect(await listedOrders(gina)).toEqual(await orderIdsOf({ customerId: customers["Globex Industries"]!.id }));
    const acme = await db.order.findFirstOrThrow({ where: { customerId: customers["Acme Holding"]!.id } });
    await expect(callerFor(db, gina).account.orders.get({ id: acme.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, gina).account.quotes.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a buyer cannot open a colleague's order, quote, RFQ or shopping list", async () => {
    const bob = await customerPrincipal(db, "bob.buyer@acme.test");
    const amanda = await db.customerUser.findUniqueOrThrow({ where: { email: "amanda.admin@acme.test" } });
    const caller = callerFor(db, bob);
    const own = { customerUserId: amanda.id };
    await expect(caller.account.orders.get({ id: (await db.order.findFirstOrThrow({ where: own })).id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.account.quotes.get({ id: (await db.quote.findFirstOrThrow({ where: own })).id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.account.rfqs.get({ id: (await db.rfq.findFirstOrThrow({ where: own })).id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.account.shoppingLists.get({ id: (await db.shoppingList.findFirstOrThrow({ where: own })).id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mine = await db.order.findFirstOrThrow({ where: { customerUserId: bob.id } });
    await expect(caller.account.orders.get({ id: mine.id })).resolves.toMatchObject({ id: mine.id, number: mine.number });
  });

  it("filters the lists by status and search within the scope", async () => {
    const amanda = callerFor(db, await customerPrincipal(db, "amanda.admin@acme.test"));
    const shipped = await amanda.account.orders.list({ status: "SHIPPED" });
    expect(shipped.items.length).toBeGreaterThan(0);
    expect(shipped.items.every((o) => o.status === "SHIPPED")).toBe(true);
    const lists = await amanda.account.shoppingLists.list({ search: "restock" });
    expect(lists.items.every((l) => l.label === "Weekly restock")).toBe(true);
    expect(lists.items.length).toBeGreaterThan(1);
  });
});

describe("scopeWhere on a customer level (property)", () => {
  it("never reaches outside the level: own records, own customer, or own subtree — never a parent or another tree", async () => {
    const users = await db.customerUser.findMany({ where: { enabled: true }, select: { email: true } });
    const principals = await Promise.all(users.slice(0, 20).map((u) => customerPrincipal(db, u.email)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...principals), fc.constantFrom(...entityLevels), async (principal, level: Level) => {
        const scoped: CustomerPrincipal = { ...principal, grants: new Map([["shoppingList.view", level]]) };
        const rows = await db.shoppingList.findMany({
          where: scopeWhere(scoped, "shoppingList.view"),
          select: { customerUserId: true, customerId: true, customerPath: true },
        });
        for (const row of rows) {
          if (level === "NONE") throw new Error("NONE reached a record");
          if (level === "OWN") expect(row.customerUserId).toBe(principal.id);
          if (level === "CUSTOMER") expect(row.customerId).toBe(principal.customerId);
          if (level === "SUBTREE") expect(row.customerPath.startsWith(principal.customerPath)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
