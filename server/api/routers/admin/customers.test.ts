import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller, staffCaller, staffPrincipal } from "../../../test/principals";
import { loadCustomerPrincipal } from "../../../authz/access";
import { signInCustomerUser } from "../../../services/identity/signIn";
import { createCustomerNode } from "../../../services/customers/paths";
import { DEMO_PASSWORD } from "../../../seed/demo";
import type { StaffPermission, StaffScope } from "../../../authz/permissions";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const admin = () => staffCaller(db, "admin@roster.test");
const sales = () => staffCaller(db, "sales@roster.test");
const customer = (name: string) => db.customer.findFirstOrThrow({ where: { name } });
const idOf = async (name: string) => (await customer(name)).id;
const staffId = async (email: string) => (await db.staffUser.findUniqueOrThrow({ where: { email } })).id;

/** A staff member with exactly these grants (to reach the REPRESENTED branches of permissions the demo roles lack). */
async function staffWith(email: string, grants: [StaffPermission, StaffScope][]) {
  const principal = await staffPrincipal(db, email);
  return callerFor(db, { ...principal, grants: new Map(grants) });
}

const address = (overrides: Record<string, unknown> = {}) => ({
  label: "Office",
  street: "5 Quay Street",
  city: "Bristol",
  postalCode: "BS1 4DJ",
  countryCode: "GB",
  isBilling: true,
  isShipping: true,
  ...overrides,
});

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

describe("admin.customers.setEnabled", () => {
  const state = (customerId: number) =>
    db.customerUser.findMany({
      where: { customerId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        enabled: true,
        confirmedAt: true,
        authStatus: true,
        version: true,
        updatedAt: true,
        sessionVersion: true,
        roles: { select: { roleId: true } },
      },
    });

  it("disabling ends every session of the customer's users and refuses their sign-in; enabling lets them sign in again, and nothing else about them changes", async () => {
    const globex = await idOf("Globex Industries");
    const before = await state(globex);
    const gina = before.find(Boolean)!;
    expect(await (await admin()).admin.customers.setEnabled({ id: globex, enabled: false })).toEqual({
      id: globex,
      enabled: false,
      signedOut: before.length,
    });

    const session = { uid: gina.id, sv: gina.sessionVersion };
    expect(await loadCustomerPrincipal(db, session)).toEqual({ ended: "customer-disabled" });
    const signIn = () => signInCustomerUser(db, { email: "gina.globex@globex.test", password: DEMO_PASSWORD, ip: null, userAgent: null });
    expect(await signIn()).toEqual({ ok: false, reason: "customer-disabled" });
    expect(await db.loginAttempt.findFirstOrThrow({ where: { email: "gina.globex@globex.test" }, orderBy: { id: "desc" } })).toMatchObject({
      result: "CUSTOMER_DISABLED",
    });

    await (await admin()).admin.customers.setEnabled({ id: globex, enabled: true });
    const after = await state(globex);
    expect(after.map(({ sessionVersion: _sv, ...rest }) => rest)).toEqual(before.map(({ sessionVersion: _sv, ...rest }) => rest));
    expect(after.map((u) => u.sessionVersion)).toEqual(before.map((u) => u.sessionVersion + 1));
    // The old session stays ended (revoked, not paused); a new sign-in works.
    expect(await loadCustomerPrincipal(db, session)).toEqual({ ended: "revoked" });
    expect(await signIn()).toMatchObject({ ok: true, userId: gina.id });
    const audit = await db.auditEvent.findMany({
      where: { entityType: "Customer", entityId: String(globex) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).slice(-2)).toEqual(["customer.disable", "customer.enable"]);
  });

  it("does not disable the subsidiaries of a disabled parent", async () => {
    const west = await idOf("Acme West");
    const lara = await db.customerUser.findUniqueOrThrow({ where: { email: "lara.logistics@acme.test" } });
    await (await admin()).admin.customers.setEnabled({ id: west, enabled: false });
    try {
      expect(await loadCustomerPrincipal(db, { uid: lara.id, sv: lara.sessionVersion })).toMatchObject({ realm: "customer", id: lara.id });
      expect((await customer("Acme West Logistics")).enabled).toBe(true);
    } finally {
      await (await admin()).admin.customers.setEnabled({ id: west, enabled: true });
    }
  });

  it("saving the form disabled does the same", async () => {
    const solo = await createCustomerNode(db, { name: "Form Disabled Co" });
    const user = await db.customerUser.create({
      data: { email: "solo@form.test", firstName: "S", lastName: "O", customerId: solo.id, customerPath: solo.path },
    });
    const c = await db.customer.findUniqueOrThrow({ where: { id: solo.id } });
    const result = await (
      await admin()
    ).admin.customers.update({
      id: c.id,
      version: c.version,
      name: c.name,
      parentId: null,
      groupId: null,
      salesRepIds: [],
      enabled: false,
    });
    expect(result.signedOut).toBe(1);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("is NOT_FOUND for a sales manager outside their customers", async () => {
    const globex = await idOf("Globex Industries");
    await expect((await sales()).admin.customers.setEnabled({ id: globex, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await customer("Globex Industries")).enabled).toBe(true);
  });
});

describe("admin.customers.delete", () => {
  it("refuses while the customer has users, subsidiaries or records, naming them, and deletes nothing", async () => {
    const holding = await customer("Acme Holding");
    const counts = {
      users: await db.customerUser.count({ where: { customerId: holding.id } }),
      orders: await db.order.count({ where: { customerId: holding.id } }),
    };
    await expect((await admin()).admin.customers.delete({ id: holding.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Acme Holding cannot be deleted while it has ${counts.users} users, 2 subsidiaries, ${counts.orders} orders, 2 quotes, 2 requests for quote and 4 shopping lists. Move or delete them first, or disable the customer instead.`,
    });
    const umbrella = await idOf("Umbrella Supplies Ltd");
    await expect((await admin()).admin.customers.delete({ id: umbrella })).rejects.toMatchObject({
      message: `Umbrella Supplies Ltd cannot be deleted while it has ${await db.customerUser.count({ where: { customerId: umbrella } })} users. Move or delete them first, or disable the customer instead.`,
    });
    expect(await db.customer.findUnique({ where: { id: holding.id } })).not.toBeNull();
  });

  it("refuses while one of its roles is in use", async () => {
    const empty = await createCustomerNode(db, { name: "Role Owner Co" });
    const role = await db.customerUserRole.create({ data: { code: "ROLE_OWNER_CO", label: "Borrowed", customerId: empty.id } });
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    await db.customerUserRoleAssignment.create({ data: { customerUserId: bob.id, roleId: role.id } });
    await expect((await admin()).admin.customers.delete({ id: empty.id })).rejects.toMatchObject({
      message: "Role Owner Co cannot be deleted while it has 1 role in use. Move or delete them first, or disable the customer instead.",
    });
    await db.customerUserRoleAssignment.delete({ where: { customerUserId_roleId: { customerUserId: bob.id, roleId: role.id } } });
    await (await admin()).admin.customers.delete({ id: empty.id });
    expect(await db.customerUserRole.findUnique({ where: { id: role.id } })).toBeNull();
  });

  it("deletes a customer nothing depends on, with its addresses and notes, and records it", async () => {
    const caller = await admin();
    const { id } = await caller.admin.customers.create({
      name: "Short Lived",
      parentId: await idOf("Initech"),
      groupId: null,
      addresses: [address()],
    });
    await caller.admin.customers.notes.create({ customerId: id, body: "Trial account." });
    expect(await caller.admin.customers.delete({ id })).toEqual({ id });
    expect(await db.customer.findUnique({ where: { id } })).toBeNull();
    expect(await db.customerAddress.count({ where: { customerId: id } })).toBe(0);
    expect(await db.note.count({ where: { customerId: id } })).toBe(0);
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { entityType: "Customer", entityId: String(id), action: "customer.delete" } }),
    ).toMatchObject({ before: { name: "Short Lived" } });
    await expect(caller.admin.customers.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is NOT_FOUND for staff whose delete grant does not reach the customer", async () => {
    const caller = await staffWith("sales@roster.test", [["customer.delete", "REPRESENTED"]]);
    const solo = await createCustomerNode(db, { name: "Not Sam's" });
    await expect(caller.admin.customers.delete({ id: solo.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.customer.findUnique({ where: { id: solo.id } })).not.toBeNull();
  });
});
