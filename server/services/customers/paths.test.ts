import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { childPath, createCustomerNode, lockCustomerPath, moveCustomer, pathCopies } from "./paths";
import { recordAudit } from "../audit/record";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const byName = (name: string) => db.customer.findFirstOrThrow({ where: { name } });

describe("the customer tree", () => {
  it("gives a new customer its parent's path followed by its own id", async () => {
    const west = await byName("Acme West");
    const created = await createCustomerNode(db, { name: "Acme West Retail", parentId: west.id });
    expect(created.path).toBe(`${west.path}${created.id}/`);
  });

  it("refuses to move a customer under itself or one of its descendants", async () => {
    const holding = await byName("Acme Holding");
    const logistics = await byName("Acme West Logistics");
    await expect(db.$transaction((tx) => moveCustomer(tx, holding.id, logistics.id))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Acme West Logistics is a subsidiary of Acme Holding: a customer cannot become a subsidiary of one of its own subsidiaries.",
    });
    await expect(db.$transaction((tx) => moveCustomer(tx, holding.id, holding.id))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A customer cannot be its own parent.",
    });
    expect((await byName("Acme Holding")).parentId).toBeNull();
  });

  it("moves a subtree and rewrites every path and every copy of it in one go", async () => {
    const west = await byName("Acme West");
    const globex = await byName("Globex Industries");
    const before = await byName("Acme West Logistics");
    await recordAudit(
      db,
      { realm: "system" },
      { action: "test", entityType: "Customer", entityId: "tree-test", customerPath: before.path },
    );
    await db.$transaction((tx) => moveCustomer(tx, west.id, globex.id));

    const movedWest = await byName("Acme West");
    const logistics = await byName("Acme West Logistics");
    expect(movedWest.path).toBe(`${globex.path}${west.id}/`);
    expect(logistics.path).toBe(`${movedWest.path}${logistics.id}/`);
    const users = await db.customerUser.findMany({
      where: { customerId: { in: [west.id, logistics.id] } },
      select: { customerId: true, customerPath: true },
    });
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) expect(user.customerPath).toBe(user.customerId === west.id ? movedWest.path : logistics.path);
    // Every table that carries a copy of the path, not only users and orders.
    const where = { customerId: logistics.id };
    const copies = await Promise.all([
      db.order.findMany({ where, select: { customerPath: true } }),
      db.quote.findMany({ where, select: { customerPath: true } }),
      db.rfq.findMany({ where, select: { customerPath: true } }),
      db.shoppingList.findMany({ where, select: { customerPath: true } }),
      db.auditEvent.findMany({ where: { entityId: "tree-test" }, select: { customerPath: true } }),
    ]);
    expect(copies.length).toBe(pathCopies.length - 1);
    for (const rows of copies) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.customerPath).toBe(logistics.path);
    }
    // Siblings that merely share a prefix of digits are untouched.
    expect((await byName("Acme East")).path.startsWith((await byName("Acme Holding")).path)).toBe(true);
  });

  it("moves a customer back to the root", async () => {
    const west = await byName("Acme West");
    await db.$transaction((tx) => moveCustomer(tx, west.id, null));
    expect((await byName("Acme West")).path).toBe(`/${west.id}/`);
  });
});

describe("the customer tree under concurrent writes", () => {
  /** Every customer's path is its parent's path and its own id (so there is no cycle), and every copy agrees. */
  async function expectConsistent() {
    const customers = await db.customer.findMany({ select: { id: true, parentId: true, path: true } });
    const byId = new Map(customers.map((c) => [c.id, c]));
    for (const c of customers) expect(c.path).toBe(childPath(c.parentId ? byId.get(c.parentId)!.path : null, c.id));
    const users = await db.customerUser.findMany({ select: { customerPath: true, customer: { select: { path: true } } } });
    for (const u of users) expect(u.customerPath).toBe(u.customer.path);
  }

  it("keeps paths and their copies right, and refuses one of two crossing moves", async () => {
    const [p1, p2] = [await createCustomerNode(db, { name: "Race Root 1" }), await createCustomerNode(db, { name: "Race Root 2" })];
    const a = await createCustomerNode(db, { name: "Race A", parentId: p1.id });
    const b = await createCustomerNode(db, { name: "Race B", parentId: p2.id });
    let n = 0;
    const addUser = (customerId: number) =>
      db.$transaction(async (tx) => {
        const locked = await lockCustomerPath(tx, customerId);
        await tx.customerUser.create({
          data: { email: `race${++n}@race.test`, firstName: "R", lastName: "R", customerId, customerPath: locked!.path },
        });
      });
    const move = (id: number, parentId: number | null) => db.$transaction((tx) => moveCustomer(tx, id, parentId));
    const outcomes = await Promise.allSettled([
      move(a.id, b.id),
      addUser(a.id),
      move(b.id, a.id),
      addUser(b.id),
      db.$transaction((tx) => createCustomerNode(tx, { name: "Race A child", parentId: a.id })),
      addUser(a.id),
    ]);
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "BAD_REQUEST" });
    await expectConsistent();
  });
});
