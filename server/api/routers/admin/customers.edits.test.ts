import { describe, expect, it } from "vitest";
import { customerCaller } from "../../../test/principals";
import { address, admin, customer, db, idOf, sales, staffId, staffWith } from "../../../test/fixtures/customers";

/** admin.customers, edits: create and update (name, group, representatives, parent). */
describe("admin.customers.create", () => {
  it("creates a customer under a parent with group, sales representatives and addresses, and records it", async () => {
    const caller = await admin();
    const west = await customer("Acme West");
    const retail = await db.customerGroup.findUniqueOrThrow({ where: { name: "Retail" } });
    const sam = await staffId("sales@roster.test");
    const { id } = await caller.admin.customers.create({
      name: "Acme West Retail",
      parentId: west.id,
      groupId: retail.id,
      salesRepIds: [sam, sam],
      addresses: [
        address({ isDefaultBilling: true, isPrimary: true }),
        address({ label: "Depot", isBilling: false, isDefaultShipping: true }),
      ],
    });
    const created = await db.customer.findUniqueOrThrow({ where: { id }, include: { salesRepresentatives: true, addresses: true } });
    expect(created).toMatchObject({
      path: `${west.path}${id}/`,
      groupId: retail.id,
      enabled: true,
      ownerId: await staffId("admin@roster.test"),
    });
    expect(created.salesRepresentatives.map((r) => r.staffUserId)).toEqual([sam]);
    expect(created.addresses.map((a) => [a.label, a.isDefaultBilling, a.isDefaultShipping])).toEqual([
      ["Office", true, false],
      ["Depot", false, true],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Customer", entityId: String(id) } });
    expect(audit).toMatchObject({
      action: "customer.create",
      customerPath: created.path,
      after: { name: "Acme West Retail", parentId: west.id, salesRepIds: [sam], addresses: 2 },
    });
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const caller = await admin();
    const count = await db.customer.count();
    await expect(caller.admin.customers.create({ name: " ", parentId: null, groupId: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.admin.customers.create({
        name: "Two Defaults",
        parentId: null,
        groupId: null,
        addresses: [address({ isDefaultBilling: true }), address({ isDefaultBilling: true })],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.admin.customers.create({ name: "No Group", parentId: null, groupId: 999_999 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { groupId: ["Choose an existing group."] } },
    });
    await expect(caller.admin.customers.create({ name: "No Parent", parentId: 999_999, groupId: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { parentId: ["Choose an existing customer."] } },
    });
    await expect(
      caller.admin.customers.create({ name: "No Rep", parentId: null, groupId: null, salesRepIds: [999_999] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { salesRepIds: ["Choose enabled staff members only."] } },
    });
    expect(await db.customer.count()).toBe(count);
  });

  it("lets staff limited to represented customers create only under those, and makes them its representative", async () => {
    const caller = await staffWith("sales@roster.test", [
      ["customer.create", "REPRESENTED"],
      ["customer.view", "REPRESENTED"],
    ]);
    await expect(
      caller.admin.customers.create({ name: "Globex Sub", parentId: await idOf("Globex Industries"), groupId: null }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { parentId: ["Choose an existing customer."] } },
    });
    const { id } = await caller.admin.customers.create({ name: "Acme East Annex", parentId: await idOf("Acme East"), groupId: null });
    expect(await db.customerSalesRep.findMany({ where: { customerId: id }, select: { staffUserId: true } })).toEqual([
      { staffUserId: await staffId("sales@roster.test") },
    ]);
    expect((await caller.admin.customers.get({ id })).name).toBe("Acme East Annex");
  });
});

describe("admin.customers.update", () => {
  const formOf = async (name: string) => {
    const c = await db.customer.findFirstOrThrow({ where: { name }, include: { salesRepresentatives: true } });
    return {
      id: c.id,
      version: c.version,
      name: c.name,
      parentId: c.parentId,
      groupId: c.groupId,
      enabled: c.enabled,
      salesRepIds: c.salesRepresentatives.map((r) => r.staffUserId),
    };
  };

  it("saves name, group and sales representatives, bumps the version and records before and after", async () => {
    const form = await formOf("Initech");
    const sam = await staffId("sales@roster.test");
    const result = await (await admin()).admin.customers.update({ ...form, name: "Initech Corp", groupId: null, salesRepIds: [sam] });
    expect(result).toMatchObject({ version: form.version + 1, signedOut: 0 });
    const after = await db.customer.findUniqueOrThrow({ where: { id: form.id }, include: { salesRepresentatives: true } });
    expect(after).toMatchObject({ name: "Initech Corp", groupId: null, version: form.version + 1 });
    expect(after.salesRepresentatives.map((r) => r.staffUserId)).toEqual([sam]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Customer", entityId: String(form.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "customer.update",
      before: { name: "Initech", salesRepIds: [] },
      after: { name: "Initech Corp", salesRepIds: [sam] },
    });
    await (await admin()).admin.customers.update({ ...form, version: form.version + 1 });
  });

  it("refuses an edit made against a stale version with CONFLICT, changing nothing", async () => {
    const form = await formOf("Umbrella Supplies");
    await (await admin()).admin.customers.update({ ...form, name: "Umbrella Supplies Ltd" });
    await expect(
      (await admin()).admin.customers.update({ ...form, name: "Umbrella Two", parentId: await idOf("Acme Holding") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: form.id } })).toMatchObject({
      name: "Umbrella Supplies Ltd",
      parentId: null,
      path: `/${form.id}/`,
    });
  });

  it("refuses to make a customer its own parent or a subsidiary of its own subsidiary, and nothing changes", async () => {
    const form = await formOf("Acme Holding");
    const before = await db.customer.findMany({ orderBy: { id: "asc" } });
    await expect(
      (await admin()).admin.customers.update({ ...form, name: "Renamed", parentId: await idOf("Acme West Logistics") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Acme West Logistics is a subsidiary of Acme Holding: a customer cannot become a subsidiary of one of its own subsidiaries.",
      cause: {
        fieldErrors: {
          parentId: [
            "Acme West Logistics is a subsidiary of Acme Holding: a customer cannot become a subsidiary of one of its own subsidiaries.",
          ],
        },
      },
    });
    await expect((await admin()).admin.customers.update({ ...form, parentId: form.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A customer cannot be its own parent.",
    });
    expect(await db.customer.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("moves a subtree: the old parent's Corporate administrator loses it and the new one's gains it on the next request", async () => {
    const amanda = () => customerCaller(db, "amanda.admin@acme.test");
    const gina = () => customerCaller(db, "gina.globex@globex.test");
    const logistics = await customer("Acme West Logistics");
    const ordersOf = async (caller: Awaited<ReturnType<typeof amanda>>) =>
      (await caller.account.orders.list({ limit: 100, customerId: logistics.id })).items.length;
    expect(await ordersOf(await amanda())).toBeGreaterThan(0);
    expect(await ordersOf(await gina())).toBe(0);

    const form = await formOf("Acme West");
    const globex = await customer("Globex Industries");
    await (await admin()).admin.customers.update({ ...form, parentId: globex.id });
    const west = await customer("Acme West");
    expect(west.path).toBe(`${globex.path}${west.id}/`);
    expect((await customer("Acme West Logistics")).path).toBe(`${west.path}${logistics.id}/`);
    expect(await ordersOf(await amanda())).toBe(0);
    expect(await ordersOf(await gina())).toBeGreaterThan(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Customer", entityId: String(west.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "customer.move",
      customerPath: west.path,
      before: { parentId: form.parentId },
      after: { parentId: globex.id },
    });

    // And back, for the tests below.
    await (await admin()).admin.customers.update({ ...(await formOf("Acme West")), parentId: form.parentId });
    expect(await ordersOf(await amanda())).toBeGreaterThan(0);
  });

  it("keeps a sales manager within the customers they represent", async () => {
    const sam = await staffId("sales@roster.test");
    await expect(
      (await sales()).admin.customers.update({ ...(await formOf("Globex Industries")), name: "Mine now" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await sales()).admin.customers.update({ ...(await formOf("Acme East")), parentId: await idOf("Globex Industries") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { parentId: ["Choose an existing customer."] } },
    });
    await expect((await sales()).admin.customers.update({ ...(await formOf("Acme East")), salesRepIds: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You reach this customer as its sales representative; removing yourself would take it out of your reach.",
    });
    const east = await formOf("Acme East");
    expect(east.salesRepIds).toEqual([sam]);
    expect(east.parentId).toBe(await idOf("Acme Holding"));
    expect(east.name).toBe("Acme East");
  });
});
