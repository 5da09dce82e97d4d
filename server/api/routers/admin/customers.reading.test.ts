import { describe, expect, it } from "vitest";
import { admin, db, idOf, sales, staffId } from "../../../test/fixtures/customers";

/** admin.customers, reading: the list, the tree, one customer's page, its users and roles, the form's options. */
describe("admin.customers.list", () => {
  it("pages through every customer by name, with a count", async () => {
    const caller = await admin();
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.admin.customers.list({ limit: 10, cursor });
      names.push(...page.items.map((c) => c.name));
      expect(page.count).toEqual({ value: await db.customer.count(), capped: false });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names.length).toBe(await db.customer.count());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("shows parent, group, users and sales representatives, and filters and sorts", async () => {
    const caller = await admin();
    const east = (await caller.admin.customers.list({ search: "acme east" })).items;
    expect(east).toHaveLength(1);
    expect(east[0]).toMatchObject({
      name: "Acme East",
      parent: { name: "Acme Holding" },
      group: { name: "Partners" },
      enabled: true,
      salesReps: [{ firstName: "Sam" }],
    });
    expect(east[0]!.userCount).toBe(await db.customerUser.count({ where: { customerId: east[0]!.id } }));

    const partners = await db.customerGroup.findUniqueOrThrow({ where: { name: "Partners" } });
    const grouped = await caller.admin.customers.list({ groupId: partners.id });
    expect(grouped.items.map((c) => c.name).sort()).toEqual(["Acme East", "Acme Holding", "Acme West"]);
    const bySam = await caller.admin.customers.list({ salesRepId: await staffId("sales@roster.test") });
    expect(bySam.items.map((c) => c.name)).toEqual(["Acme East", "Acme Holding"]);
    const subsidiaries = await caller.admin.customers.list({ parentId: await idOf("Acme Holding") });
    expect(subsidiaries.items.map((c) => c.name)).toEqual(["Acme East", "Acme West"]);
    const newest = await caller.admin.customers.list({ sort: "createdAt", dir: "desc", limit: 1 });
    const latest = await db.customer.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(newest.items[0]!.id).toBe(latest.id);
  });

  it("shows a sales manager only the customers they represent", async () => {
    const page = await (await sales()).admin.customers.list({});
    expect(page.items.map((c) => c.name)).toEqual(["Acme East", "Acme Holding"]);
    expect(page.count.value).toBe(2);
  });
});

describe("admin.customers.children and openTree", () => {
  it("gives the top level without subsidiaries, and each node's subsidiaries on demand", async () => {
    const caller = await admin();
    const top = await caller.admin.customers.children({ parentId: null });
    expect(top.items.map((c) => c.name)).toEqual(expect.arrayContaining(["Acme Holding", "Globex Industries", "Initech"]));
    expect(top.items.map((c) => c.name)).not.toContain("Acme East");
    expect(top.items.find((c) => c.name === "Acme Holding")).toMatchObject({ childCount: 2, group: "Partners" });
    const holding = await caller.admin.customers.children({ parentId: await idOf("Acme Holding") });
    expect(holding.items.map((c) => [c.name, c.childCount])).toEqual([
      ["Acme East", 0],
      ["Acme West", 1],
    ]);
  });

  it("pages a level by name", async () => {
    const caller = await admin();
    const first = await caller.admin.customers.children({ parentId: null, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await caller.admin.customers.children({ parentId: null, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.id)).not.toContain(first.items[0]!.id);
    expect(second.items[0]!.name >= first.items[1]!.name).toBe(true);
  });

  it("gives a sales manager a tree of the customers they represent only", async () => {
    const caller = await sales();
    const top = await caller.admin.customers.children({ parentId: null });
    expect(top.items.map((c) => [c.name, c.childCount])).toEqual([["Acme Holding", 1]]);
    const holding = await caller.admin.customers.children({ parentId: await idOf("Acme Holding") });
    expect(holding.items.map((c) => c.name)).toEqual(["Acme East"]);
    expect((await caller.admin.customers.children({ parentId: await idOf("Acme West") })).items).toEqual([]);
  });

  it("puts a represented customer whose parent the sales manager does not reach at their top level", async () => {
    const sam = await staffId("sales@roster.test");
    await db.customerSalesRep.create({ data: { customerId: await idOf("Acme West Logistics"), staffUserId: sam } });
    try {
      const top = await (await sales()).admin.customers.children({ parentId: null });
      expect(top.items.map((c) => c.name)).toEqual(["Acme Holding", "Acme West Logistics"]);
      const opened = await (await sales()).admin.customers.openTree({ id: await idOf("Acme West Logistics") });
      expect(opened.openIds).toEqual([]);
      expect(Object.keys(opened.levels)).toEqual(["root"]);
    } finally {
      await db.customerSalesRep.deleteMany({ where: { staffUserId: sam, customer: { name: "Acme West Logistics" } } });
    }
  });

  it("opens the tree down to a customer", async () => {
    const opened = await (await admin()).admin.customers.openTree({ id: await idOf("Acme West Logistics") });
    expect(opened.openIds).toEqual([await idOf("Acme Holding"), await idOf("Acme West")]);
    expect(opened.levels[String(await idOf("Acme West"))]!.items.map((c) => c.name)).toEqual(["Acme West Logistics"]);
    await expect((await sales()).admin.customers.openTree({ id: await idOf("Globex Industries") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("admin.customers.pick, get, users, roles", () => {
  it("picks customers by name with their ancestry", async () => {
    const picked = await (await admin()).admin.customers.pick({ search: "acme w" });
    expect(picked.map((c) => [c.name, c.ancestry])).toEqual([
      ["Acme West", ["Acme Holding"]],
      ["Acme West Logistics", ["Acme Holding", "Acme West"]],
    ]);
    expect(await (await sales()).admin.customers.pick({ search: "globex" })).toEqual([]);
  });

  it("shows a customer's page to staff who reach it, NOT_FOUND to others", async () => {
    const holding = await (await admin()).admin.customers.get({ id: await idOf("Acme Holding") });
    expect(holding).toMatchObject({
      name: "Acme Holding",
      parent: null,
      hasParent: false,
      group: { name: "Partners" },
      owner: { firstName: "Sam" },
      salesReps: [{ firstName: "Sam" }],
    });
    expect(holding.addresses.map((a) => a.label)).toEqual(["Headquarters"]);
    expect(holding.counts).toMatchObject({ children: 2, users: await db.customerUser.count({ where: { customerId: holding.id } }) });
    const logistics = await (await admin()).admin.customers.get({ id: await idOf("Acme West Logistics") });
    expect(logistics.ancestors.map((a) => a.name)).toEqual(["Acme Holding", "Acme West"]);
    expect(logistics.parent).toMatchObject({ name: "Acme West" });

    const globex = await idOf("Globex Industries");
    await expect((await sales()).admin.customers.get({ id: globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await admin()).admin.customers.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the customer's users and its own roles, NOT_FOUND outside scope", async () => {
    const east = await idOf("Acme East");
    const users = await (await sales()).admin.customers.users({ customerId: east });
    expect(users.items.map((u) => u.email)).toEqual(expect.arrayContaining(["erin.east@acme.test", "eddie.buyer@acme.test"]));
    expect(users.count.value).toBe(await db.customerUser.count({ where: { customerId: east } }));
    const role = await db.customerUserRole.create({ data: { code: "ROLE_EAST_CLERK", label: "Clerk", customerId: east } });
    // Acme East also has the demo's Office manager role (held by Dana Department).
    const roles = await (await sales()).admin.customers.roles({ customerId: east });
    expect(roles.items.map((r) => r.label)).toEqual(["Clerk", "Office manager"]);
    expect(roles.items[0]).toEqual({ id: role.id, label: "Clerk", selfManaged: false, public: true, userCount: 0 });
    expect(roles.nextCursor).toBeNull();
    const globex = await idOf("Globex Industries");
    await expect((await sales()).admin.customers.users({ customerId: globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await sales()).admin.customers.roles({ customerId: globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages the customer's own roles by label, each once, to the last", async () => {
    const west = await idOf("Acme West");
    for (const label of ["Zeta desk", "Alpha desk", "Midway desk", "Beta desk", "Omega desk"]) {
      await db.customerUserRole.create({ data: { code: `ROLE_WEST_${label.split(" ")[0]!.toUpperCase()}`, label, customerId: west } });
    }
    const expected = (await db.customerUserRole.findMany({ where: { customerId: west }, orderBy: [{ label: "asc" }, { id: "asc" }] })).map(
      (r) => r.label,
    );
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const labels: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await (await admin()).admin.customers.roles({ customerId: west, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      labels.push(...page.items.map((r) => r.label));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(labels).toEqual(expected);
    await expect((await admin()).admin.customers.roles({ customerId: west, cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("offers the groups and enabled staff for the form", async () => {
    const options = await (await admin()).admin.customers.formOptions();
    expect(options.groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Partners", "Retail"]));
    expect(options.staff.map((s) => s.email)).toEqual(expect.arrayContaining(["admin@roster.test", "sales@roster.test"]));
  });
});
