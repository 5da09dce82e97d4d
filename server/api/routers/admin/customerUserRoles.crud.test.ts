import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { StaffPrincipal } from "../../../authz/access";
import { createTestDb } from "../../../test/db";
import { callerFor, staffCaller, staffPrincipal } from "../../../test/principals";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
let admin: Awaited<ReturnType<typeof staffCaller>>;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffCaller(db, "admin@roster.test");
});

const { rows, roleId, customerId, epoch, grantsOf, companyRole } = roleFixtures(() => db);

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
