import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerPrincipal, staffCaller } from "../../../test/principals";
import { createCustomerNode } from "../../../services/customers/paths";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
let admin: Awaited<ReturnType<typeof staffCaller>>;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffCaller(db, "admin@roster.test");
});

const { rows, roleId, customerId, grantsOf, companyRole, soloCompany } = roleFixtures(() => db);

describe("admin.customerUserRoles.update", () => {
  it("changes label, flags and grants against the loaded version; the holder's next request has the new grants", async () => {
    const role = await companyRole("Globex Industries", "Order desk", { "order.view": "OWN" }, { holders: ["gary.buyer@globex.test"] });
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
    const role = await companyRole("Globex Industries", "Movable", {}, { holders: ["gary.buyer@globex.test"] });
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
