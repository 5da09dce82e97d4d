import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, staffCaller, staffPrincipal } from "../../../test/principals";
import { staffAdministratorPermissions } from "../../../authz/presets";
import { staffRoleFixtures, messageOf } from "../../../test/fixtures/staffRoles";

let db: PrismaClient;
let roles: Record<string, number>;
beforeAll(async () => {
  db = await createTestDb();
  roles = Object.fromEntries((await db.staffRole.findMany()).map((r) => [r.code, r.id]));
});

const { role, snapshot } = staffRoleFixtures(() => db);

describe("admin.staffRoles.list and get", () => {
  it("lists the roles by label with their scope, size and holders; filters and sorts", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const page = await admin.admin.staffRoles.list({});
    expect(page.items.map((r) => [r.label, r.scope, r.predefined, r.userCount])).toEqual([
      ["Administrator", "ALL", true, 1],
      ["Read-only", "ALL", true, 1],
      ["Sales manager", "REPRESENTED", true, 1],
      ["Staff manager", "ALL", true, 1],
    ]);
    expect(page.items[0]!.permissionCount).toBe(staffAdministratorPermissions.length);
    expect(page.count).toEqual({ value: 4, capped: false });
    expect((await admin.admin.staffRoles.list({ scope: "REPRESENTED" })).items.map((r) => r.label)).toEqual(["Sales manager"]);
    expect((await admin.admin.staffRoles.list({ q: "MANAGER", dir: "desc" })).items.map((r) => r.label)).toEqual([
      "Staff manager",
      "Sales manager",
    ]);
    const first = await admin.admin.staffRoles.list({ limit: 3 });
    expect((await admin.admin.staffRoles.list({ limit: 3, cursor: first.nextCursor! })).items.map((r) => r.label)).toEqual([
      "Staff manager",
    ]);
  });

  it("shows what a role grants and who holds it, and whether it grants more than the caller", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const sales = await people.admin.staffRoles.get({ id: roles.SALES_MANAGER! });
    expect(sales).toMatchObject({
      label: "Sales manager",
      scope: "REPRESENTED",
      predefined: true,
      users: [{ email: "sales@roster.test" }],
    });
    expect(sales.permissions).toContain("customerUser.view");
    expect(sales.beyondYou).toContain('"View customer users" for customers they represent (you do not hold it)');
    expect((await people.admin.staffRoles.get({ id: roles.STAFF_MANAGER! })).beyondYou).toBeNull();
    await expect(people.admin.staffRoles.get({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.staffRoles.create", () => {
  it("creates a role limited to represented customers, with a code of its own", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const created = await admin.admin.staffRoles.create({
      label: "Key accounts",
      description: " Looks after key accounts ",
      scope: "REPRESENTED",
      permissions: ["customerUser.view", "customerUser.edit", "customerUser.view", "mailbox.view"],
    });
    expect(created.code).toBe("KEY_ACCOUNTS");
    const stored = await role(created.id);
    expect(stored).toMatchObject({ label: "Key accounts", description: "Looks after key accounts", scope: "REPRESENTED" });
    expect(stored.permissions.map((p) => p.permission)).toEqual(["customerUser.edit", "customerUser.view", "mailbox.view"]);
    expect((await admin.admin.staffRoles.create({ label: "Key-accounts!", scope: "ALL", permissions: [] })).code).toBe("KEY_ACCOUNTS_2");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staffRole.create", entityId: String(created.id) } });
    expect(audit.after).toMatchObject({ scope: "REPRESENTED", permissions: ["customerUser.view", "customerUser.edit", "mailbox.view"] });
  });

  it("refuses a taken label, an unknown permission and a too short label, creating nothing", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const before = await snapshot();
    await expect(admin.admin.staffRoles.create({ label: "Administrator", scope: "ALL", permissions: [] })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { label: ["This label is already in use."] } },
    });
    await expect(admin.admin.staffRoles.create({ label: "Odd", scope: "ALL", permissions: ["customerUser.fly"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Unknown permission: customerUser.fly.",
    });
    await expect(admin.admin.staffRoles.create({ label: "No", scope: "ALL", permissions: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses permissions the caller does not hold, naming each", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const before = await snapshot();
    expect(
      await messageOf(
        people.admin.staffRoles.create({
          label: "Auditors",
          scope: "ALL",
          permissions: ["audit.view", "staffUser.view", "customerUser.view"],
        }),
      ),
    ).toBe(
      'FORBIDDEN: You cannot create a staff role with more than you hold yourself: "View the audit log" (you do not hold it), "View customer users" for all customers (you do not hold it).',
    );
    expect(await snapshot()).toEqual(before);
    await expect(
      people.admin.staffRoles.create({ label: "Staff viewers", scope: "ALL", permissions: ["staffUser.view", "staffRole.view"] }),
    ).resolves.toMatchObject({ code: "STAFF_VIEWERS" });
  });

  it("refuses widening a permission the caller holds for represented customers to all customers", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const lead = await admin.admin.staffRoles.create({
      label: "Team lead",
      scope: "REPRESENTED",
      permissions: ["customerUser.view", "staffRole.create", "staffRole.view"],
    });
    const { id } = await admin.admin.staffUsers.create({
      firstName: "Tess",
      lastName: "Lead",
      email: "tess@roster.test",
      roleIds: [lead.id],
    });
    await db.staffUser.update({ where: { id }, data: { passwordHash: "unused" } });
    const tess = callerFor(db, await staffPrincipal(db, "tess@roster.test"));
    expect(
      await messageOf(tess.admin.staffRoles.create({ label: "Everyone's viewer", scope: "ALL", permissions: ["customerUser.view"] })),
    ).toBe(
      'FORBIDDEN: You cannot create a staff role with more than you hold yourself: "View customer users" for all customers (you hold it only for the customers you represent).',
    );
    // Unscoped permissions are the same under either scope; scoped ones stay within the caller's.
    await expect(
      tess.admin.staffRoles.create({ label: "Represented viewer", scope: "REPRESENTED", permissions: ["customerUser.view"] }),
    ).resolves.toBeTruthy();
    await expect(
      tess.admin.staffRoles.create({ label: "Role readers", scope: "ALL", permissions: ["staffRole.view"] }),
    ).resolves.toBeTruthy();
  });
});
