import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { Level } from "../../../authz/permissions";
import type { StaffPrincipal } from "../../../authz/access";
import { createTestDb } from "../../../test/db";
import { callerFor, customerPrincipal, staffCaller, staffPrincipal } from "../../../test/principals";
import { createCustomerNode } from "../../../services/customers/paths";

let db: PrismaClient;
let admin: Awaited<ReturnType<typeof staffCaller>>;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffCaller(db, "admin@roster.test");
});

const rows = (grants: Record<string, Level>) => Object.entries(grants).map(([permission, level]) => ({ permission, level }));
const roleId = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
const customerId = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;
const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
const epoch = async () => (await db.counter.findUniqueOrThrow({ where: { name: "authz" } })).value;
const grantsOf = async (id: number) =>
  Object.fromEntries((await db.rolePermission.findMany({ where: { roleId: id } })).map((row) => [row.permission, row.level]));

/** A role of one customer, held by the given users (created directly: the fixture of a test). */
async function companyRole(customer: string, label: string, grants: Record<string, Level>, holders: string[] = []) {
  const role = await db.customerUserRole.create({
    data: {
      code: `ROLE_TEST_${label.toUpperCase().replace(/\W+/g, "_")}_${Math.random().toString(36).slice(2, 8)}`,
      label,
      customerId: await customerId(customer),
      selfManaged: true,
      permissions: { createMany: { data: rows(grants) } },
    },
  });
  for (const email of holders)
    await db.customerUserRoleAssignment.create({ data: { customerUserId: await userId(email), roleId: role.id } });
  return role;
}

/** A customer with one enabled user holding `role`, the only one who can manage its users when the role can. */
async function soloCompany(name: string, grants: Record<string, Level>) {
  const customer = await createCustomerNode(db, { name });
  const role = await db.customerUserRole.create({
    data: {
      code: `ROLE_TEST_${name.replace(/\W+/g, "_").toUpperCase()}`,
      label: "Owner",
      customerId: customer.id,
      selfManaged: true,
      permissions: { createMany: { data: rows(grants) } },
    },
  });
  const owner = await db.customerUser.create({
    data: {
      email: `owner@${name.toLowerCase().replace(/\W+/g, "")}.test`,
      firstName: "Olive",
      lastName: "Owner",
      customerId: customer.id,
      customerPath: customer.path,
      roles: { create: { roleId: role.id } },
    },
  });
  return { customer, role, owner };
}

describe("admin.customerUserRoles.list", () => {
  it("shows predefined and company roles with their customer and the number of users", async () => {
    const page = await admin.admin.customerUserRoles.list({ limit: 100 });
    const buyer = page.items.find((r) => r.code === "ROLE_FRONTEND_BUYER")!;
    expect(buyer).toMatchObject({ label: "Buyer", customer: null, selfManaged: true, public: true });
    expect(buyer.users).toBe(await db.customerUserRoleAssignment.count({ where: { roleId: buyer.id } }));
    const office = page.items.find((r) => r.code === "ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER")!;
    expect(office).toMatchObject({ label: "Office manager", customer: { name: "Acme East" }, users: 1 });
    expect(page.count).toEqual({ value: await db.customerUserRole.count(), capped: false });
  });

  it("filters by label, owner and flags, sorts either way and pages with a cursor", async () => {
    await companyRole("Globex Industries", "Globex clerk", { "order.view": "OWN" });
    const predefined = await admin.admin.customerUserRoles.list({ owner: "predefined" });
    expect(predefined.items.map((r) => r.label)).toEqual(["Administrator", "Buyer"]);
    const byLabel = await admin.admin.customerUserRoles.list({ label: "CLERK" });
    expect(byLabel.items.map((r) => r.label)).toEqual(["Globex clerk"]);
    const byCustomer = await admin.admin.customerUserRoles.list({ customer: "east" });
    expect(byCustomer.items.map((r) => r.label)).toEqual(["Office manager"]);
    const notSelfManaged = await admin.admin.customerUserRoles.list({ selfManaged: false });
    expect(notSelfManaged.items).toEqual([]);

    const all = await admin.admin.customerUserRoles.list({ sort: "label", dir: "desc", limit: 100 });
    const labels = all.items.map((r) => r.label);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.admin.customerUserRoles.list({ sort: "label", dir: "desc", limit: 1, cursor });
      seen.push(...page.items.map((r) => r.label));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(labels);
    expect(labels[0]! >= labels.at(-1)!).toBe(true);
  });
});

describe("admin.customerUserRoles.get and users", () => {
  it("returns a role with its grants, users and what the staff member may do", async () => {
    const role = await admin.admin.customerUserRoles.get({ id: await roleId("ROLE_FRONTEND_BUYER") });
    expect(role.permissions).toContainEqual({ permission: "order.view", level: "OWN" });
    expect(role).toMatchObject({ customer: null, can: { edit: true, delete: true, clone: true, assign: true } });
    const viewer = await staffCaller(db, "viewer@roster.test");
    expect((await viewer.admin.customerUserRoles.get({ id: role.id })).can).toEqual({
      edit: false,
      delete: false,
      clone: false,
      assign: false,
    });
  });

  it("is NOT_FOUND for a role that does not exist", async () => {
    await expect(admin.admin.customerUserRoles.get({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the holders a staff member sees: a sales manager only their customers' users", async () => {
    const buyer = await roleId("ROLE_FRONTEND_BUYER");
    const all = await admin.admin.customerUserRoles.users({ roleId: buyer, limit: 100 });
    expect(all.items.map((u) => u.email)).toContain("gary.buyer@globex.test");
    const sales = await staffCaller(db, "sales@roster.test");
    const mine = await sales.admin.customerUserRoles.users({ roleId: buyer, limit: 100 });
    expect(mine.items.map((u) => u.email)).toContain("bob.buyer@acme.test");
    expect(mine.items.map((u) => u.customer.name).every((name) => ["Acme Holding", "Acme East"].includes(name))).toBe(true);
    const found = await admin.admin.customerUserRoles.users({ roleId: buyer, search: "gary" });
    expect(found.items.map((u) => u.email)).toEqual(["gary.buyer@globex.test"]);
  });
});

describe("admin.customerUserRoles.create", () => {
  it("creates a predefined or company role from validated grant rows, audited, bumping the epoch", async () => {
    const before = await epoch();
    const created = await admin.admin.customerUserRoles.create({
      label: "Approver",
      customerId: await customerId("Initech"),
      selfManaged: true,
      public: false,
      permissions: rows({ "order.view": "CUSTOMER", "order.edit": "OWN", "quote.view": "NONE", "audit.view": "GRANTED" }),
    });
    const role = await db.customerUserRole.findUniqueOrThrow({ where: { id: created.id } });
    expect(role).toMatchObject({ label: "Approver", selfManaged: true, public: false, customerId: await customerId("Initech") });
    expect(role.code).toMatch(/^ROLE_FRONTEND_APPROVER_[0-9A-F]{6}$/);
    expect(await grantsOf(role.id)).toEqual({ "order.view": "CUSTOMER", "order.edit": "OWN", "audit.view": "GRANTED" });
    expect(await epoch()).toBe(before + 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUserRole", entityId: String(role.id) } });
    expect(audit).toMatchObject({
      action: "customerUserRole.create",
      actorType: "STAFF",
      after: { label: "Approver", permissions: { "order.view": "CUSTOMER" } },
    });

    const predefined = await admin.admin.customerUserRoles.create({
      label: "Viewer",
      customerId: null,
      selfManaged: false,
      public: true,
      permissions: [],
    });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: predefined.id } })).customerId).toBeNull();
  });

  it("refuses a label outside 3 to 32 characters, a level the entity does not take and unknown permissions", async () => {
    const count = await db.customerUserRole.count();
    const base = { customerId: null, selfManaged: false, public: true, permissions: [] };
    await expect(admin.admin.customerUserRoles.create({ ...base, label: "AB" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["label"] })] },
    });
    await expect(admin.admin.customerUserRoles.create({ ...base, label: "x".repeat(33) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.admin.customerUserRoles.create({ ...base, label: "Odd levels", permissions: rows({ "customer.view": "OWN" }) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ message: '"View customer" cannot be User; it takes None, Department, Corporate.' })] },
    });
    await expect(
      admin.admin.customerUserRoles.create({ ...base, label: "Unknown", permissions: rows({ "staffUser.view": "GRANTED" }) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.admin.customerUserRoles.create({
        ...base,
        label: "Twice",
        permissions: [...rows({ "order.view": "OWN" }), ...rows({ "order.view": "CUSTOMER" })],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("refuses a label the customer (or the predefined roles) use already, ignoring case, as CONFLICT on label", async () => {
    const east = await customerId("Acme East");
    await expect(
      admin.admin.customerUserRoles.create({ label: "office MANAGER", customerId: east, selfManaged: true, public: true, permissions: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { label: ["This customer has a role with this label already."] } } });
    await expect(
      admin.admin.customerUserRoles.create({ label: "buyer", customerId: null, selfManaged: true, public: true, permissions: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { label: ["A predefined role has this label already."] } } });
    // Another customer may use the label.
    await expect(
      admin.admin.customerUserRoles.create({
        label: "Office manager",
        customerId: await customerId("Acme West"),
        selfManaged: true,
        public: true,
        permissions: [],
      }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("builds roles only for customers the staff member can see", async () => {
    const sam = await staffPrincipal(db, "sales@roster.test");
    const builder: StaffPrincipal = { ...sam, grants: new Map([...sam.grants, ["customerUserRole.create", "ALL"]]) };
    const caller = callerFor(db, builder);
    await expect(
      caller.admin.customerUserRoles.create({
        label: "Sam's role",
        customerId: await customerId("Globex Industries"),
        selfManaged: true,
        public: true,
        permissions: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { customerId: ["Choose a customer you can see."] } } });
    await expect(
      caller.admin.customerUserRoles.create({
        label: "Sam's role",
        customerId: await customerId("Acme East"),
        selfManaged: true,
        public: true,
        permissions: [],
      }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
    const options = await caller.admin.customerUserRoles.customerOptions({});
    expect(options.map((c) => c.name).sort()).toEqual(["Acme East", "Acme Holding"]);
  });
});

describe("admin.customerUserRoles.update", () => {
  it("changes label, flags and grants against the loaded version; the holder's next request has the new grants", async () => {
    const role = await companyRole("Globex Industries", "Order desk", { "order.view": "OWN" }, ["gary.buyer@globex.test"]);
    const gary = await customerPrincipal(db, "gary.buyer@globex.test");
    expect(gary.grants.get("order.view")).toBe("OWN");
    const saved = await admin.admin.customerUserRoles.update({
      id: role.id,
      version: role.version,
      label: "Order office",
      customerId: role.customerId,
      selfManaged: false,
      public: true,
      permissions: rows({ "order.view": "SUBTREE", "rfq.view": "CUSTOMER" }),
    });
    expect(saved).toEqual({ id: role.id, version: role.version + 1, copiedFrom: null, movedUsers: 0 });
    expect(await db.customerUserRole.findUniqueOrThrow({ where: { id: role.id } })).toMatchObject({
      label: "Order office",
      selfManaged: false,
      version: 2,
    });
    expect(await grantsOf(role.id)).toEqual({ "order.view": "SUBTREE", "rfq.view": "CUSTOMER" });
    const after = await customerPrincipal(db, "gary.buyer@globex.test");
    expect(after.grants.get("order.view")).toBe("SUBTREE");
    expect(after.grants.get("rfq.view")).toBe("CUSTOMER");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.update", entityId: String(role.id) } });
    expect(audit).toMatchObject({
      before: { label: "Order desk" },
      after: { label: "Order office", permissions: { "order.view": "SUBTREE" } },
    });
  });

  it("refuses an edit made against a stale version with CONFLICT and changes nothing", async () => {
    const role = await companyRole("Globex Industries", "Stale desk", { "order.view": "OWN" });
    const input = {
      id: role.id,
      label: "Stale desk",
      customerId: role.customerId,
      selfManaged: true,
      public: true,
      permissions: rows({ "order.view": "CUSTOMER" }),
    };
    await admin.admin.customerUserRoles.update({ ...input, version: 1 });
    await expect(admin.admin.customerUserRoles.update({ ...input, version: 1, label: "Lost edit" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed by someone else"),
    });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: role.id } })).label).toBe("Stale desk");
  });

  it("moves a role to another customer only while nobody holds it", async () => {
    const role = await companyRole("Globex Industries", "Movable", {}, ["gary.buyer@globex.test"]);
    const input = {
      id: role.id,
      version: 1,
      label: "Movable",
      customerId: await customerId("Initech"),
      selfManaged: true,
      public: true,
      permissions: [],
    };
    await expect(admin.admin.customerUserRoles.update(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { customerId: [expect.stringContaining("remove them")] } },
    });
    await db.customerUserRoleAssignment.deleteMany({ where: { roleId: role.id } });
    await expect(admin.admin.customerUserRoles.update(input)).resolves.toMatchObject({ version: 2 });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: role.id } })).customerId).toBe(await customerId("Initech"));
  });

  it("refuses to take user management from a customer's last manager, and changes nothing", async () => {
    const { role } = await soloCompany("Last Manager Ltd", { "customerUser.view": "CUSTOMER", "customerUser.edit": "CUSTOMER" });
    const input = {
      id: role.id,
      version: 1,
      label: "Owner",
      customerId: role.customerId,
      selfManaged: true,
      public: true,
      permissions: rows({ "customerUser.view": "CUSTOMER" }),
    };
    await expect(admin.admin.customerUserRoles.update(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Last Manager Ltd must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await grantsOf(role.id)).toEqual({ "customerUser.view": "CUSTOMER", "customerUser.edit": "CUSTOMER" });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: role.id } })).version).toBe(1);
  });

  it("refuses lowering a Corporate manager to Department when a subsidiary relies on it", async () => {
    const { customer, role } = await soloCompany("Parent Group", { "customerUser.edit": "SUBTREE" });
    const child = await createCustomerNode(db, { name: "Child Branch", parentId: customer.id });
    await db.customerUser.create({
      data: {
        email: "clerk@child.test",
        firstName: "C",
        lastName: "B",
        customerId: child.id,
        customerPath: child.path,
        roles: { create: { roleId: await roleId("ROLE_FRONTEND_BUYER") } },
      },
    });
    const input = {
      id: role.id,
      version: 1,
      label: "Owner",
      customerId: role.customerId,
      selfManaged: true,
      public: true,
      permissions: rows({ "customerUser.edit": "CUSTOMER" }),
    };
    await expect(admin.admin.customerUserRoles.update(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Child Branch must keep/),
    });
  });
});

describe("admin.customerUserRoles.clone", () => {
  it("copies grants and flags into a new role nobody holds, for the same or another customer", async () => {
    const office = await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER");
    const clone = await admin.admin.customerUserRoles.clone({
      id: office,
      label: "Office manager West",
      customerId: await customerId("Acme West"),
    });
    const role = await db.customerUserRole.findUniqueOrThrow({
      where: { id: clone.id },
      include: { _count: { select: { assignments: true } } },
    });
    expect(role).toMatchObject({
      sourceRoleId: office,
      customerId: await customerId("Acme West"),
      selfManaged: true,
      _count: { assignments: 0 },
    });
    expect(await grantsOf(clone.id)).toEqual(await grantsOf(office));
    const same = await admin.admin.customerUserRoles.clone({ id: office, label: "Office manager 2" });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: same.id } })).customerId).toBe(await customerId("Acme East"));
    await expect(admin.admin.customerUserRoles.clone({ id: office, label: "Office manager" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("admin.customerUserRoles.delete", () => {
  it("refuses predefined roles, a website's default role and roles with users, each saying why", async () => {
    await expect(admin.admin.customerUserRoles.delete({ id: await roleId("ROLE_FRONTEND_BUYER") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Buyer" is a predefined role and cannot be deleted.',
    });
    const office = await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER");
    await expect(admin.admin.customerUserRoles.delete({ id: office })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Office manager" is assigned to 1 user; remove it from them first.',
    });
    const unused = await companyRole("Initech", "Default for signups", {});
    const wholesale = await db.website.findUniqueOrThrow({ where: { code: "wholesale" } });
    await db.websiteSettings.update({ where: { websiteId: wholesale.id }, data: { defaultRoleId: unused.id } });
    await expect(admin.admin.customerUserRoles.delete({ id: unused.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("is the default role for registrations on a website"),
    });
    expect(await db.customerUserRole.count({ where: { id: { in: [office, unused.id] } } })).toBe(2);
  });

  it("deletes an unused company role with its grants, audited", async () => {
    const role = await companyRole("Initech", "Temporary", { "order.view": "OWN" });
    expect(await admin.admin.customerUserRoles.delete({ id: role.id })).toEqual({ id: role.id });
    expect(await db.customerUserRole.count({ where: { id: role.id } })).toBe(0);
    expect(await db.rolePermission.count({ where: { roleId: role.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "customerUserRole.delete", entityId: String(role.id) } })).toBe(1);
  });
});

describe("admin.customerUserRoles.addUsers and removeUsers", () => {
  it("gives a role to users of its customer and takes it away again; holders' grants follow at once", async () => {
    const role = await companyRole("Acme West", "Shipping", { "order.view": "CUSTOMER" });
    const wendy = await userId("wendy.buyer@acme.test");
    expect((await customerPrincipal(db, "wendy.buyer@acme.test")).grants.get("order.view")).toBe("OWN");
    const candidates = await admin.admin.customerUserRoles.candidates({ roleId: role.id });
    expect(candidates.every((u) => u.customer.name === "Acme West")).toBe(true);
    expect(candidates.map((u) => u.id)).toContain(wendy);

    expect(await admin.admin.customerUserRoles.addUsers({ roleId: role.id, userIds: [wendy, wendy] })).toEqual({ added: 1 });
    expect((await customerPrincipal(db, "wendy.buyer@acme.test")).grants.get("order.view")).toBe("CUSTOMER");
    expect((await admin.admin.customerUserRoles.candidates({ roleId: role.id })).map((u) => u.id)).not.toContain(wendy);
    expect(await db.auditEvent.count({ where: { action: "customerUserRole.assign", entityId: String(wendy) } })).toBe(1);

    expect(await admin.admin.customerUserRoles.removeUsers({ roleId: role.id, userIds: [wendy] })).toEqual({ removed: 1 });
    expect((await customerPrincipal(db, "wendy.buyer@acme.test")).grants.get("order.view")).toBe("OWN");
  });

  it("is NOT_FOUND for users of another customer, or outside the staff member's customers", async () => {
    const role = await companyRole("Acme West", "West only", {});
    await expect(
      admin.admin.customerUserRoles.addUsers({ roleId: role.id, userIds: [await userId("gary.buyer@globex.test")] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sam = await staffPrincipal(db, "sales@roster.test");
    const editor = callerFor(db, { ...sam, grants: new Map([...sam.grants, ["customerUserRole.edit", "ALL"]]) });
    const buyer = await roleId("ROLE_FRONTEND_BUYER");
    await expect(
      editor.admin.customerUserRoles.addUsers({ roleId: buyer, userIds: [await userId("ian.initech@initech.test")] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      editor.admin.customerUserRoles.addUsers({ roleId: buyer, userIds: [await userId("erin.east@acme.test")] }),
    ).resolves.toEqual({ added: 1 });
    expect(
      await db.customerUserRoleAssignment.count({ where: { roleId: buyer, customerUserId: await userId("ian.initech@initech.test") } }),
    ).toBe(0);
  });

  it("refuses to leave an enabled user without any role", async () => {
    const lara = await userId("lara.logistics@acme.test");
    await expect(
      admin.admin.customerUserRoles.removeUsers({ roleId: await roleId("ROLE_FRONTEND_BUYER"), userIds: [lara] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Lara Logistics would be left without any role. Give them another role first, or disable them.",
    });
    expect(await db.customerUserRoleAssignment.count({ where: { customerUserId: lara } })).toBe(1);
  });

  it("refuses to take the role that lets a customer's last manager manage its users", async () => {
    const { role, owner } = await soloCompany("Only Admin Inc", { "customerUser.edit": "CUSTOMER" });
    await db.customerUserRoleAssignment.create({ data: { customerUserId: owner.id, roleId: await roleId("ROLE_FRONTEND_BUYER") } });
    await expect(admin.admin.customerUserRoles.removeUsers({ roleId: role.id, userIds: [owner.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Only Admin Inc must keep at least one enabled user who can manage its users/),
    });
    expect(await db.customerUserRoleAssignment.count({ where: { customerUserId: owner.id, roleId: role.id } })).toBe(1);
  });
});
