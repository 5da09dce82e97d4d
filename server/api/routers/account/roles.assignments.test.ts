import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const { rows, roleId, userId, grantsOf, holders, companyRole } = roleFixtures(() => db);

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
