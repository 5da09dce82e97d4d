import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { CustomerPermission } from "../../../authz/permissions";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";

/**
 * account.orders, quotes, rfqs and shoppingLists: each list and record at the level the user holds — their own
 * (OWN), their customer's (CUSTOMER), their customer's and its subsidiaries' (SUBTREE) — and nothing without the
 * view permission. A filter naming a customer or user out of scope narrows to nothing; it never widens.
 */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

type Where = { customerUserId?: number; customerId?: number; customerPath?: { startsWith: string } };
type Caller = Awaited<ReturnType<typeof customerCaller>>;
type RowQuery = { where: Where; select: { id: true }; orderBy: { id: "desc" } };
/** One kind of record: its router, the permission that lists it, its refusal, and its ids straight from the database. */
const kind = <R extends "orders" | "quotes" | "rfqs" | "shoppingLists">(
  router: R,
  permission: CustomerPermission,
  notFound: string,
  find: (query: RowQuery) => Promise<{ id: number }[]>,
) => ({ router, permission, notFound, ids: (where: Where) => find({ where, select: { id: true }, orderBy: { id: "desc" } }) });
const kinds = [
  kind("orders", "order.view", "Order not found.", (query) => db.order.findMany(query)),
  kind("quotes", "quote.view", "Quote not found.", (query) => db.quote.findMany(query)),
  kind("rfqs", "rfq.view", "Request for quote not found.", (query) => db.rfq.findMany(query)),
  kind("shoppingLists", "shoppingList.view", "Shopping list not found.", (query) => db.shoppingList.findMany(query)),
];
type Kind = (typeof kinds)[number];

const procedures = (caller: Caller, kind: Kind) => caller.account[kind.router];
const listed = async (caller: Caller, kind: Kind, input: { customerId?: number; customerUserId?: number } = {}) =>
  (await procedures(caller, kind).list({ limit: 100, ...input })).items.map((row) => row.id);
const expected = async (kind: Kind, where: Where) => (await kind.ids(where)).map((row) => row.id);
const customer = (name: string) => db.customer.findFirstOrThrow({ where: { name } });
const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });

describe.each(kinds)("account.$router", (kind) => {
  it("lists at the level the user holds: Corporate, Department, own", async () => {
    const holding = await customer("Acme Holding");
    const east = await customer("Acme East");
    const bob = await user("bob.buyer@acme.test");
    expect(await listed(await customerCaller(db, "amanda.admin@acme.test"), kind)).toEqual(
      await expected(kind, { customerPath: { startsWith: holding.path } }),
    );
    expect(await listed(await customerCaller(db, "dana.department@acme.test"), kind)).toEqual(
      await expected(kind, { customerId: east.id }),
    );
    const own = await listed(await customerCaller(db, "bob.buyer@acme.test"), kind);
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(await expected(kind, { customerUserId: bob.id }));
  });

  it("filters by a customer and a user within scope, and a filter out of scope lists nothing", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const west = await customer("Acme West");
    const walterId = (await user("walter.west@acme.test")).id;
    const westRows = await listed(amanda, kind, { customerId: west.id });
    expect(westRows.length).toBeGreaterThan(0);
    expect(westRows).toEqual(await expected(kind, { customerId: west.id }));
    expect(await listed(amanda, kind, { customerUserId: walterId })).toEqual(await expected(kind, { customerUserId: walterId }));

    const globex = await customer("Globex Industries");
    expect((await expected(kind, { customerId: globex.id })).length).toBeGreaterThan(0);
    expect(await listed(amanda, kind, { customerId: globex.id })).toEqual([]);
    expect(await listed(amanda, kind, { customerUserId: (await user("gina.globex@globex.test")).id })).toEqual([]);
    const walter = await customerCaller(db, "walter.west@acme.test");
    expect(await listed(walter, kind, { customerId: (await customer("Acme Holding")).id })).toEqual([]);
    // A buyer sees their own records only, even when naming a colleague.
    expect(
      await listed(await customerCaller(db, "bob.buyer@acme.test"), kind, { customerUserId: (await user("amanda.admin@acme.test")).id }),
    ).toEqual([]);
  });

  it("pages newest first without gaps or repeats", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const all = await listed(amanda, kind);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = await procedures(amanda, kind).list({ limit: 2, cursor });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && seen.length <= all.length);
    expect(seen).toEqual(all);
  });

  it("is NOT_FOUND for another customer's record and a parent company's", async () => {
    const [gina] = await expected(kind, { customerUserId: (await user("gina.globex@globex.test")).id });
    const [amandas] = await expected(kind, { customerUserId: (await user("amanda.admin@acme.test")).id });
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const walter = await customerCaller(db, "walter.west@acme.test");
    await expect(procedures(amanda, kind).get({ id: gina! })).rejects.toMatchObject({ code: "NOT_FOUND", message: kind.notFound });
    await expect(procedures(walter, kind).get({ id: amandas! })).rejects.toMatchObject({ code: "NOT_FOUND", message: kind.notFound });
    expect(await procedures(amanda, kind).get({ id: amandas! })).toMatchObject({ id: amandas });
  });

  it(`is FORBIDDEN to a user whose roles lack ${kind.permission}, who still sees the other records`, async () => {
    const east = await customer("Acme East");
    const others = kinds.filter((k) => k !== kind);
    const role = await db.customerUserRole.create({
      data: {
        code: `ROLE_TEST_NO_${kind.router.toUpperCase()}`,
        label: `No ${kind.router}`,
        customerId: east.id,
        permissions: { createMany: { data: others.map((k) => ({ permission: k.permission, level: "CUSTOMER" as const })) } },
      },
    });
    const email = `no.${kind.router.toLowerCase()}@acme.test`;
    await db.customerUser.create({
      data: {
        email,
        firstName: "No",
        lastName: kind.router,
        confirmedAt: new Date(),
        customerId: east.id,
        customerPath: east.path,
        roles: { create: { roleId: role.id } },
      },
    });
    const caller = await customerCaller(db, email);
    const [eastRecord] = await expected(kind, { customerId: east.id });
    await expect(procedures(caller, kind).list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(procedures(caller, kind).get({ id: eastRecord! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const other of others) expect(await listed(caller, other)).toEqual(await expected(other, { customerId: east.id }));
  });
});
