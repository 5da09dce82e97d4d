import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { bumpAuthzEpoch, loadCustomerPrincipal, loadStaffPrincipal } from "./access";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

async function claims(email: string) {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  return { uid: user.id, sv: user.sessionVersion };
}

describe("loading the principal behind a session", () => {
  it("loads the user's customer path and accumulated grants", async () => {
    const principal = await loadCustomerPrincipal(db, await claims("walter.west@acme.test"));
    expect(principal).toMatchObject({ realm: "customer", email: "walter.west@acme.test" });
    if ("ended" in principal) throw new Error("ended");
    const west = await db.customer.findFirstOrThrow({ where: { name: "Acme West" } });
    expect(principal.customerPath).toBe(west.path);
    expect(principal.grants.get("customerUser.view")).toBe("SUBTREE");
  });

  it("ends the session when the session version moved (password change, forced reset, ...)", async () => {
    const old = await claims("eddie.buyer@acme.test");
    await db.customerUser.update({ where: { id: old.uid }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadCustomerPrincipal(db, old)).toEqual({ ended: "revoked" });
    expect(await loadCustomerPrincipal(db, await claims("eddie.buyer@acme.test"))).toMatchObject({ realm: "customer" });
  });

  it("ends the session of a disabled user, a force-reset user and the users of a disabled customer", async () => {
    const gary = await claims("gary.buyer@globex.test");
    await db.customerUser.update({ where: { id: gary.uid }, data: { enabled: false } });
    expect(await loadCustomerPrincipal(db, gary)).toEqual({ ended: "disabled" });

    const lara = await claims("lara.logistics@acme.test");
    await db.customerUser.update({ where: { id: lara.uid }, data: { authStatus: "RESET" } });
    expect(await loadCustomerPrincipal(db, lara)).toEqual({ ended: "password-reset" });

    const ian = await claims("ian.initech@initech.test");
    await db.customer.updateMany({ where: { name: "Initech" }, data: { enabled: false } });
    expect(await loadCustomerPrincipal(db, ian)).toEqual({ ended: "customer-disabled" });
  });

  it("applies a role change on the very next load once the epoch is bumped", async () => {
    const bob = await claims("bob.buyer@acme.test");
    const first = await loadCustomerPrincipal(db, bob);
    if ("ended" in first) throw new Error("ended");
    expect(first.grants.get("order.view")).toBe("OWN");

    const buyer = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } });
    await db.$transaction(async (tx) => {
      await tx.rolePermission.update({
        where: { roleId_permission: { roleId: buyer.id, permission: "order.view" } },
        data: { level: "CUSTOMER" },
      });
      await bumpAuthzEpoch(tx);
    });
    const second = await loadCustomerPrincipal(db, bob);
    if ("ended" in second) throw new Error("ended");
    expect(second.grants.get("order.view")).toBe("CUSTOMER");
  });

  it("loads staff with their grants and ends a disabled staff member's session", async () => {
    const sam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
    const principal = await loadStaffPrincipal(db, { uid: sam.id, sv: sam.sessionVersion });
    if ("ended" in principal) throw new Error("ended");
    expect(principal.grants.get("customerUser.view")).toBe("REPRESENTED");
    expect(principal.grants.has("staffUser.view")).toBe(false);
    await db.staffUser.update({ where: { id: sam.id }, data: { enabled: false } });
    expect(await loadStaffPrincipal(db, { uid: sam.id, sv: sam.sessionVersion })).toEqual({ ended: "disabled" });
  });

  it("ends a session whose user no longer exists", async () => {
    expect(await loadCustomerPrincipal(db, { uid: 987_654, sv: 1 })).toEqual({ ended: "revoked" });
  });
});
