import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerPrincipal, staffCaller, staffPrincipal } from "../../../test/principals";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
let admin: Awaited<ReturnType<typeof staffCaller>>;
beforeAll(async () => {
  db = await createTestDb();
  admin = await staffCaller(db, "admin@roster.test");
});

const { roleId, userId, companyRole, soloCompany } = roleFixtures(() => db);

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
