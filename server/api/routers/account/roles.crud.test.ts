import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const { rows, roleId, customerId, grantsOf, companyRole } = roleFixtures(() => db);

describe("account.roles.list and get", () => {
  it("shows the predefined roles offered to customers and the company's own and its subsidiaries' roles", async () => {
    await companyRole("Acme Holding", "Holding planner", {});
    await companyRole("Globex Industries", "Globex planner", {});
    await db.customerUserRole.create({
      data: { code: "ROLE_TEST_HIDDEN", label: "Staff only", customerId: null, selfManaged: false, public: true },
    });
    await db.customerUserRole.create({
      data: { code: "ROLE_TEST_PRIVATE", label: "Not public", customerId: null, selfManaged: true, public: false },
    });
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const page = await amanda.account.roles.list({ limit: 100 });
    expect(page.items.map((r) => r.label)).toEqual(["Administrator", "Buyer", "Holding planner", "Office manager"]);
    expect(page.items.find((r) => r.label === "Office manager")).toMatchObject({ customer: { name: "Acme East" }, users: 1 });
    // Users counted are the ones the administrator sees: the Acme group's, not Globex's.
    const buyers = page.items.find((r) => r.label === "Buyer")!;
    expect(buyers.users).toBe(
      await db.customerUserRoleAssignment.count({
        where: {
          roleId: buyers.id,
          customerUser: { customerPath: { startsWith: (await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } })).path } },
        },
      }),
    );
  });

  it("hides the parent's roles from a subsidiary administrator: NOT_FOUND, not listed", async () => {
    const parentRole = await companyRole("Acme Holding", "Holding only", {});
    const walter = await customerCaller(db, "walter.west@acme.test");
    const labels = (await walter.account.roles.list({ limit: 100 })).items.map((r) => r.label);
    expect(labels).not.toContain("Holding only");
    expect(labels).not.toContain("Office manager");
    await expect(walter.account.roles.get({ id: parentRole.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is NOT_FOUND for another customer's role", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    await expect(gina.account.roles.get({ id: await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gina.account.roles.users({ roleId: await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives a role with its grants and what the administrator may do; users only within their scope", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const buyer = await dana.account.roles.get({ id: await roleId("ROLE_FRONTEND_BUYER") });
    expect(buyer.permissions).toContainEqual({ permission: "order.view", level: "OWN" });
    expect(buyer.can).toEqual({ edit: true, delete: true, clone: true, assign: true });
    const users = await dana.account.roles.users({ roleId: buyer.id, limit: 100 });
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.every((u) => u.customer.name === "Acme East")).toBe(true);
  });
});

describe("account.roles.create", () => {
  it("creates a self-managed company role within the administrator's own levels", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const created = await dana.account.roles.create({
      label: "East buyer",
      permissions: rows({ "order.view": "CUSTOMER", "quote.view": "OWN" }),
    });
    expect(await db.customerUserRole.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      customerId: await customerId("Acme East"),
      selfManaged: true,
    });
    expect(await grantsOf(created.id)).toEqual({ "order.view": "CUSTOMER", "quote.view": "OWN" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.create", entityId: String(created.id) } });
    expect(audit).toMatchObject({
      actorType: "CUSTOMER_USER",
      customerPath: (await db.customer.findFirstOrThrow({ where: { name: "Acme East" } })).path,
    });
  });

  it("refuses a level above the administrator's own, naming each permission and level, and creates nothing", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const count = await db.customerUserRole.count();
    await expect(
      dana.account.roles.create({
        label: "Too strong",
        permissions: rows({ "order.view": "SUBTREE", "customerUser.edit": "SUBTREE", "quote.view": "OWN" }),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        'You cannot create a role with more than you hold yourself: "View order" at Corporate (you hold Department), "Edit customer user" at Corporate (you hold Department).',
      cause: { fieldErrors: { permissions: [expect.stringContaining('"View order" at Corporate')] } },
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("creates for a subsidiary at Corporate level, never for a parent or another company", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const forEast = await amanda.account.roles.create({
      label: "East auditor",
      customerId: await customerId("Acme East"),
      permissions: rows({ "audit.view": "GRANTED" }),
    });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: forEast.id } })).customerId).toBe(await customerId("Acme East"));
    const walter = await customerCaller(db, "walter.west@acme.test");
    await expect(
      walter.account.roles.create({ label: "Upwards", customerId: await customerId("Acme Holding"), permissions: [] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { customerId: ["Choose your company or one of its subsidiaries."] } },
    });
    expect((await walter.account.roles.customerOptions({})).map((c) => c.name).sort()).toEqual(["Acme West", "Acme West Logistics"]);
  });
});

describe("account.roles.delete", () => {
  it("refuses predefined roles, roles with users and a website's default role, each saying why", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    await expect(gina.account.roles.delete({ id: await roleId("ROLE_FRONTEND_ADMINISTRATOR") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Administrator" is a predefined role and cannot be deleted.',
    });
    const used = await companyRole("Globex Industries", "Used", {}, { holders: ["gary.buyer@globex.test"] });
    await expect(gina.account.roles.delete({ id: used.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Used" is assigned to 1 user; remove it from them first.',
    });
    const fallback = await companyRole("Globex Industries", "Signup default", {});
    const wholesale = await db.website.findUniqueOrThrow({ where: { code: "wholesale" } });
    await db.websiteSettings.update({ where: { websiteId: wholesale.id }, data: { defaultRoleId: fallback.id } });
    await expect(gina.account.roles.delete({ id: fallback.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("default role for registrations"),
    });
    expect(await db.customerUserRole.count({ where: { id: { in: [used.id, fallback.id] } } })).toBe(2);
  });

  it("deletes an unused company role; another company's role is NOT_FOUND", async () => {
    const unused = await companyRole("Globex Industries", "Unused", {});
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    await expect(amanda.account.roles.delete({ id: unused.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const gina = await customerCaller(db, "gina.globex@globex.test");
    await expect(gina.account.roles.delete({ id: unused.id })).resolves.toEqual({ id: unused.id });
    expect(await db.customerUserRole.count({ where: { id: unused.id } })).toBe(0);
  });
});
