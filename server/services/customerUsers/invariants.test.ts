import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { ancestorPaths, assertCustomerKeepsManager, assertHasRole, assertNotSelf, assertRoleDeletable } from "./invariants";
import { createCustomerNode } from "../customers/paths";
import { customerPrincipal } from "../../test/principals";
import { lockCompanies } from "./companyLock";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

describe("invariants", () => {
  it("lists the ancestors of a path, nearest last", () => {
    expect(ancestorPaths("/1/5/23/")).toEqual(["/1/", "/1/5/"]);
    expect(ancestorPaths("/7/")).toEqual([]);
  });

  it("refuses acting on oneself", async () => {
    const bob = await customerPrincipal(db, "bob.buyer@acme.test");
    expect(() => assertNotSelf(bob, bob.id, "disable")).toThrow("You cannot disable yourself.");
    expect(() => assertNotSelf(bob, bob.id + 1, "disable")).not.toThrow();
  });

  it("requires a role before enabling", async () => {
    const nora = await db.customerUser.findUniqueOrThrow({ where: { email: "nora.norole@umbrella.test" } });
    await expect(
      db.$transaction(async (tx) => assertHasRole(tx, await lockCompanies(tx, { userIds: [nora.id] }), nora)),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a manager when the last one would lose the permission through a role change", async () => {
    const solo = await createCustomerNode(db, { name: "Keep Co" });
    const admin = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } });
    const buyer = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } });
    const owner = await db.customerUser.create({
      data: {
        email: "owner@keep.test",
        firstName: "K",
        lastName: "C",
        customerId: solo.id,
        customerPath: solo.path,
        roles: { create: { roleId: admin.id } },
      },
    });
    const keeping = (roleIds: number[]) =>
      db.$transaction(async (tx) => assertCustomerKeepsManager(tx, await lockCompanies(tx, { userIds: [owner.id] }), owner, roleIds));
    await expect(keeping([buyer.id])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(keeping([buyer.id, admin.id])).resolves.toBeUndefined();
  });

  it("are counted only under the lock of the company's tree, taken inside a transaction", async () => {
    const owner = await db.customerUser.findUniqueOrThrow({ where: { email: "owner@keep.test" } });
    const gina = await db.customerUser.findUniqueOrThrow({ where: { email: "gina.globex@globex.test" } });
    await expect(lockCompanies(db as never, { userIds: [owner.id] })).rejects.toThrow("inside a transaction");
    await expect(
      db.$transaction(async (tx) => assertCustomerKeepsManager(tx, await lockCompanies(tx, { userIds: [gina.id] }), owner)),
    ).rejects.toThrow("without its tree locked");
  });

  it("refuses to delete predefined roles, a website's default role and roles in use", async () => {
    const buyer = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } });
    await expect(assertRoleDeletable(db, buyer.id)).rejects.toThrow('"Buyer" is a predefined role and cannot be deleted.');

    const globex = await db.customer.findFirstOrThrow({ where: { name: "Globex Industries" } });
    const own = await db.customerUserRole.create({ data: { code: "ROLE_FRONTEND_GLOBEX_CLERK", label: "Clerk", customerId: globex.id } });
    await expect(assertRoleDeletable(db, own.id)).resolves.toBeUndefined();

    const gary = await db.customerUser.findUniqueOrThrow({ where: { email: "gary.buyer@globex.test" } });
    await db.customerUserRoleAssignment.create({ data: { customerUserId: gary.id, roleId: own.id } });
    await expect(assertRoleDeletable(db, own.id)).rejects.toThrow('"Clerk" is assigned to 1 user; remove it from them first.');

    await db.customerUserRoleAssignment.deleteMany({ where: { roleId: own.id } });
    await db.websiteSettings.updateMany({ where: {}, data: { defaultRoleId: own.id } });
    await expect(assertRoleDeletable(db, own.id)).rejects.toThrow("default role for registrations");
  });
});
