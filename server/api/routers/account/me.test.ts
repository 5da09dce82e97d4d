import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

describe("account.me", () => {
  it("returns the signed-in user with their customer and roles", async () => {
    const caller = await customerCaller(db, "walter.west@acme.test");
    const me = await caller.account.me.get();
    expect(me.email).toBe("walter.west@acme.test");
    expect(me.customer.name).toBe("Acme West");
    // Not its parent company's name: Walter's level reaches Acme West and its subsidiaries only.
    expect(me.customer).toEqual({ id: expect.any(Number), name: "Acme West" });
    expect(me.roles.map((r) => r.label)).toEqual(["Administrator"]);
  });

  it("explains each permission with the level held and the roles granting it", async () => {
    const buyer = await customerCaller(db, "bob.buyer@acme.test");
    const rows = await buyer.account.me.permissions();
    const orderView = rows.find((r) => r.key === "order.view")!;
    expect(orderView.level).toBe("OWN");
    expect(orderView.sources).toEqual([expect.objectContaining({ roleLabel: "Buyer", level: "OWN" })]);
    const roleEdit = rows.find((r) => r.key === "customerUserRole.edit")!;
    expect(roleEdit).toMatchObject({ level: "NONE", sources: [] });
  });

  it("accumulates over several roles: the highest level wins and every source is named", async () => {
    const user = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const admin = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } });
    await db.customerUserRoleAssignment.create({ data: { customerUserId: user.id, roleId: admin.id } });
    const rows = await (await customerCaller(db, "bob.buyer@acme.test")).account.me.permissions();
    const orderView = rows.find((r) => r.key === "order.view")!;
    expect(orderView.level).toBe("SUBTREE");
    expect(orderView.sources.map((s) => `${s.roleLabel}:${s.level}`)).toEqual(["Administrator:SUBTREE", "Buyer:OWN"]);
  });
});
