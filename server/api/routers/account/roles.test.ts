import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { Level } from "../../../authz/permissions";
import { createTestDb } from "../../../test/db";
import { customerCaller, customerPrincipal } from "../../../test/principals";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const rows = (grants: Record<string, Level>) => Object.entries(grants).map(([permission, level]) => ({ permission, level }));
const roleId = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
const customerId = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;
const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
const grantsOf = async (id: number) =>
  Object.fromEntries((await db.rolePermission.findMany({ where: { roleId: id } })).map((row) => [row.permission, row.level]));
const holders = async (id: number) =>
  (await db.customerUserRoleAssignment.findMany({ where: { roleId: id }, select: { customerUser: { select: { email: true } } } }))
    .map((a) => a.customerUser.email)
    .sort();

async function companyRole(
  customer: string,
  label: string,
  grants: Record<string, Level>,
  options: { holders?: string[]; selfManaged?: boolean } = {},
) {
  const role = await db.customerUserRole.create({
    data: {
      code: `ROLE_TEST_${label.toUpperCase().replace(/\W+/g, "_")}_${Math.random().toString(36).slice(2, 8)}`,
      label,
      customerId: await customerId(customer),
      selfManaged: options.selfManaged ?? true,
      permissions: { createMany: { data: rows(grants) } },
    },
  });
  for (const email of options.holders ?? [])
    await db.customerUserRoleAssignment.create({ data: { customerUserId: await userId(email), roleId: role.id } });
  return role;
}

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

describe("account.roles.update", () => {
  it("edits the company's own role; its holders get the new grants on their next request", async () => {
    const role = await companyRole("Globex Industries", "Desk", { "order.view": "OWN" }, { holders: ["gary.buyer@globex.test"] });
    expect((await customerPrincipal(db, "gary.buyer@globex.test")).grants.get("rfq.view")).toBe("OWN");
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const saved = await gina.account.roles.update({
      id: role.id,
      version: 1,
      label: "Front desk",
      permissions: rows({ "order.view": "CUSTOMER", "rfq.view": "SUBTREE" }),
    });
    expect(saved).toEqual({ id: role.id, version: 2, copiedFrom: null, movedUsers: 0 });
    const gary = await customerPrincipal(db, "gary.buyer@globex.test");
    expect(gary.grants.get("order.view")).toBe("CUSTOMER");
    expect(gary.grants.get("rfq.view")).toBe("SUBTREE");
  });

  it("refuses editing a role the store manages, a stale version, and grants beyond the administrator's", async () => {
    const managed = await companyRole("Acme East", "Store managed", {}, { selfManaged: false });
    const dana = await customerCaller(db, "dana.department@acme.test");
    await expect(dana.account.roles.update({ id: managed.id, version: 1, label: "Mine now", permissions: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Store managed" is managed by the store\'s staff; ask them to change it.',
    });
    const own = await companyRole("Acme East", "East desk", { "order.view": "OWN" });
    await expect(dana.account.roles.update({ id: own.id, version: 7, label: "East desk", permissions: [] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      dana.account.roles.update({ id: own.id, version: 1, label: "East desk", permissions: rows({ "order.view": "SUBTREE" }) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"View order" at Corporate (you hold Department)'),
    });
    expect(await grantsOf(own.id)).toEqual({ "order.view": "OWN" });
  });

  it("turns an edit of a predefined role into a company copy and moves the company's users to it", async () => {
    const buyer = await roleId("ROLE_FRONTEND_BUYER");
    const holdingPath = (await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } })).path;
    const companyBuyers = (
      await db.customerUser.findMany({
        where: { customerId: await customerId("Acme Holding"), roles: { some: { roleId: buyer } } },
        select: { email: true },
      })
    )
      .map((u) => u.email)
      .sort();
    expect(companyBuyers).toContain("bob.buyer@acme.test");
    const others = (await holders(buyer)).filter((email) => !companyBuyers.includes(email));
    const grantsBefore = await grantsOf(buyer);

    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const saved = await amanda.account.roles.update({
      id: buyer,
      version: 1,
      label: "Buyer",
      permissions: rows({ ...grantsBefore, "quote.view": "CUSTOMER" }),
    });
    expect(saved).toMatchObject({ copiedFrom: { id: buyer, label: "Buyer" }, movedUsers: companyBuyers.length });
    const copy = await db.customerUserRole.findUniqueOrThrow({ where: { id: saved.id } });
    expect(copy).toMatchObject({ label: "Buyer", customerId: await customerId("Acme Holding"), sourceRoleId: buyer, selfManaged: true });
    expect(await holders(copy.id)).toEqual(companyBuyers);
    expect(await holders(buyer)).toEqual(others);
    expect(others).toContain("eddie.buyer@acme.test");
    // The predefined role itself is unchanged for everybody else.
    expect(await grantsOf(buyer)).toEqual(grantsBefore);
    expect((await customerPrincipal(db, "bob.buyer@acme.test")).grants.get("quote.view")).toBe("CUSTOMER");
    expect((await customerPrincipal(db, "eddie.buyer@acme.test")).grants.get("quote.view")).toBe("OWN");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.copy", entityId: String(copy.id) } });
    expect(audit).toMatchObject({ customerPath: holdingPath, before: { sourceRoleId: buyer } });
  });

  it("refuses copying a predefined role beyond the administrator's levels, and moves nobody", async () => {
    const administrator = await roleId("ROLE_FRONTEND_ADMINISTRATOR");
    const before = await holders(administrator);
    const dana = await customerCaller(db, "dana.department@acme.test");
    await expect(
      dana.account.roles.update({
        id: administrator,
        version: 1,
        label: "Administrator",
        permissions: rows(await grantsOf(administrator)),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"Edit customer user" at Corporate (you hold Department)'),
    });
    expect(await holders(administrator)).toEqual(before);
    expect(await db.customerUserRole.count({ where: { sourceRoleId: administrator } })).toBe(0);
  });
});

describe("account.roles.clone", () => {
  it("copies a role the administrator sees into a self-managed role of their company, held by nobody, audited", async () => {
    const office = await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER");
    const dana = await customerCaller(db, "dana.department@acme.test");
    for (const [source, label] of [
      [office, "Office manager copy"],
      [await roleId("ROLE_FRONTEND_BUYER"), "East buyer copy"],
    ] as const) {
      const clone = await dana.account.roles.clone({ id: source, label });
      const role = await db.customerUserRole.findUniqueOrThrow({ where: { id: clone.id } });
      expect(role).toMatchObject({
        label,
        customerId: await customerId("Acme East"),
        selfManaged: true,
        public: true,
        sourceRoleId: source,
      });
      expect(await grantsOf(clone.id)).toEqual(await grantsOf(source));
      expect(await holders(clone.id)).toEqual([]);
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.clone", entityId: String(clone.id) } });
      expect(event.before).toMatchObject({ sourceRoleId: source });
    }
  });

  it("copies for a subsidiary at Corporate level; a parent or another company is refused on the customer field", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const forWest = await amanda.account.roles.clone({
      id: await roleId("ROLE_FRONTEND_BUYER"),
      label: "West buyer",
      customerId: await customerId("Acme West"),
    });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: forWest.id } })).customerId).toBe(await customerId("Acme West"));

    const count = await db.customerUserRole.count();
    const dana = await customerCaller(db, "dana.department@acme.test");
    for (const [caller, customer] of [
      [dana, "Acme West"],
      [dana, "Acme Holding"],
      [amanda, "Globex Industries"],
    ] as const) {
      await expect(
        caller.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "Elsewhere", customerId: await customerId(customer) }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Choose your company or one of its subsidiaries.",
        cause: { fieldErrors: { customerId: ["Choose your company or one of its subsidiaries."] } },
      });
    }
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("refuses copying more than the administrator holds, naming each permission and level, and copies nothing", async () => {
    const strong = await companyRole("Acme East", "East strong", { "order.view": "SUBTREE", "quote.view": "OWN" });
    const dana = await customerCaller(db, "dana.department@acme.test");
    const count = await db.customerUserRole.count();
    await expect(dana.account.roles.clone({ id: strong.id, label: "Strong copy" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'You cannot copy a role with more than you hold yourself: "View order" at Corporate (you hold Department).',
    });
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_ADMINISTRATOR"), label: "Admin copy" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"Edit customer user" at Corporate (you hold Department)'),
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("refuses a label the company's roles have already, ignoring case", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const count = await db.customerUserRole.count();
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "OFFICE MANAGER" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { label: ["This customer has a role with this label already."] } },
    });
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("is NOT_FOUND for another company's role and a parent company's", async () => {
    const holdingRole = await companyRole("Acme Holding", "Holding secret", {});
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const walter = await customerCaller(db, "walter.west@acme.test");
    const count = await db.customerUserRole.count();
    await expect(
      gina.account.roles.clone({ id: await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER"), label: "Borrowed" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Role not found." });
    await expect(walter.account.roles.clone({ id: holdingRole.id, label: "Borrowed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Role not found.",
    });
    expect(await db.customerUserRole.count()).toBe(count);
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

describe("account.roles.addUsers and removeUsers", () => {
  it("assigns within the administrator's scope and the role's customer; others are NOT_FOUND", async () => {
    const role = await companyRole("Acme West", "West packer", { "order.view": "CUSTOMER" });
    const walter = await customerCaller(db, "walter.west@acme.test");
    const wendy = await userId("wendy.buyer@acme.test");
    expect((await walter.account.roles.candidates({ roleId: role.id })).map((u) => u.id)).toContain(wendy);
    await expect(walter.account.roles.addUsers({ roleId: role.id, userIds: [wendy] })).resolves.toEqual({ added: 1 });
    await expect(walter.account.roles.addUsers({ roleId: role.id, userIds: [await userId("bob.buyer@acme.test")] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      walter.account.roles.addUsers({ roleId: await roleId("ROLE_FRONTEND_BUYER"), userIds: [await userId("amanda.admin@acme.test")] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await holders(role.id)).toEqual(["wendy.buyer@acme.test"]);
    await expect(walter.account.roles.removeUsers({ roleId: role.id, userIds: [wendy] })).resolves.toEqual({ removed: 1 });
  });

  it("refuses assigning a role that grants more than the administrator holds", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const eddie = await userId("eddie.buyer@acme.test");
    await expect(
      dana.account.roles.addUsers({ roleId: await roleId("ROLE_FRONTEND_ADMINISTRATOR"), userIds: [eddie] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(
        /^You cannot assign a role with more than you hold yourself: .*"View customer" at Corporate \(you hold Department\)/,
      ),
    });
    expect(
      await db.customerUserRoleAssignment.count({ where: { customerUserId: eddie, roleId: await roleId("ROLE_FRONTEND_ADMINISTRATOR") } }),
    ).toBe(0);
  });

  it("bounds taking a role away like giving it: dana (Department) cannot take Erin's Corporate Administrator role", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const erin = await userId("erin.east@acme.test");
    const administrator = await roleId("ROLE_FRONTEND_ADMINISTRATOR");
    // Erin holds a second role, so taking the Administrator role would leave her one.
    const packer = await companyRole("Acme East", "East packer", { "order.view": "CUSTOMER" }, { holders: ["erin.east@acme.test"] });
    await expect(dana.account.roles.removeUsers({ roleId: administrator, userIds: [erin] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(
        /^You cannot take away a role with more than you hold yourself: .*"View customer" at Corporate \(you hold Department\)/,
      ),
    });
    // Nor any role from a user who holds more than dana, nor a role granting more: editing or deleting it.
    await expect(dana.account.roles.removeUsers({ roleId: packer.id, userIds: [erin] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^You cannot take a role from a user with more/),
    });
    await expect(dana.account.roles.addUsers({ roleId: await roleId("ROLE_FRONTEND_BUYER"), userIds: [erin] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const regional = await companyRole("Acme East", "East regional", { "customerUser.view": "SUBTREE" });
    await expect(
      dana.account.roles.update({
        id: regional.id,
        version: regional.version,
        label: "East regional",
        permissions: rows({ "customerUser.view": "CUSTOMER" }),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      dana.account.roles.update({
        id: administrator,
        version: 1,
        label: "Weaker admin",
        permissions: rows({ "customerUser.view": "CUSTOMER" }),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(dana.account.roles.delete({ id: regional.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await holders(administrator)).toContain("erin.east@acme.test");
    expect(await holders(packer.id)).toEqual(["erin.east@acme.test"]);
    expect(await grantsOf(regional.id)).toEqual({ "customerUser.view": "SUBTREE" });
    // Within her bounds she takes a role away (positive control).
    const eddie = await userId("eddie.buyer@acme.test");
    await expect(dana.account.roles.addUsers({ roleId: packer.id, userIds: [eddie] })).resolves.toEqual({ added: 1 });
    await expect(dana.account.roles.removeUsers({ roleId: packer.id, userIds: [eddie] })).resolves.toEqual({ removed: 1 });
  });

  it("refuses taking from a company its last user manager, or leaving a user without roles", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const ginaId = await userId("gina.globex@globex.test");
    const administrator = await roleId("ROLE_FRONTEND_ADMINISTRATOR");
    await expect(gina.account.roles.removeUsers({ roleId: administrator, userIds: [ginaId] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Gina Globex would be left without any role. Give them another role first, or disable them.",
    });
    await expect(gina.account.roles.addUsers({ roleId: await roleId("ROLE_FRONTEND_BUYER"), userIds: [ginaId] })).resolves.toEqual({
      added: 1,
    });
    await expect(gina.account.roles.removeUsers({ roleId: administrator, userIds: [ginaId] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Globex Industries must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await db.customerUserRoleAssignment.count({ where: { customerUserId: ginaId, roleId: administrator } })).toBe(1);
  });
});
