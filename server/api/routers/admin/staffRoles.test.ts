import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, staffCaller, staffPrincipal } from "../../../test/principals";
import { loadStaffPrincipal } from "../../../authz/access";
import { staffAdministratorPermissions } from "../../../authz/presets";

let db: PrismaClient;
let roles: Record<string, number>;
beforeAll(async () => {
  db = await createTestDb();
  roles = Object.fromEntries((await db.staffRole.findMany()).map((r) => [r.code, r.id]));
});

const role = (id: number) =>
  db.staffRole.findUniqueOrThrow({ where: { id }, include: { permissions: { orderBy: { permission: "asc" } } } });
const snapshot = async () => ({
  roles: await db.staffRole.findMany({ orderBy: { id: "asc" }, include: { permissions: { orderBy: { permission: "asc" } } } }),
  epoch: (await db.counter.findUniqueOrThrow({ where: { name: "authz" } })).value,
  audit: await db.auditEvent.count(),
});
const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
  );

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

describe("admin.staffRoles.update", () => {
  it("changes label, scope and permissions; holders get them on their next request", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const created = await admin.admin.staffRoles.create({ label: "Support", scope: "ALL", permissions: ["customerUser.view"] });
    const { id: userId } = await admin.admin.staffUsers.create({
      firstName: "Sue",
      lastName: "Support",
      email: "sue@roster.test",
      roleIds: [created.id],
    });
    const sue = await db.staffUser.findUniqueOrThrow({ where: { id: userId } });
    const first = await loadStaffPrincipal(db, { uid: userId, sv: sue.sessionVersion });
    expect("grants" in first && [...first.grants]).toEqual([["customerUser.view", "ALL"]]);

    const stored = await role(created.id);
    const result = await admin.admin.staffRoles.update({
      id: created.id,
      version: stored.version,
      label: "Customer support",
      description: "First line",
      scope: "REPRESENTED",
      permissions: ["customerUser.view", "loginAttempt.view", "mailbox.view"],
    });
    expect(result).toEqual({ id: created.id, version: stored.version + 1 });
    const next = await loadStaffPrincipal(db, { uid: userId, sv: sue.sessionVersion });
    expect("grants" in next && Object.fromEntries(next.grants)).toEqual({
      "customerUser.view": "REPRESENTED",
      "loginAttempt.view": "REPRESENTED",
      "mailbox.view": "ALL",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staffRole.update", entityId: String(created.id) } });
    expect(audit).toMatchObject({
      before: { label: "Support", scope: "ALL" },
      after: { label: "Customer support", scope: "REPRESENTED", permissions: ["customerUser.view", "loginAttempt.view", "mailbox.view"] },
    });

    await expect(
      admin.admin.staffRoles.update({ id: created.id, version: stored.version, label: "Stale", scope: "ALL", permissions: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await role(created.id)).label).toBe("Customer support");
    await expect(
      admin.admin.staffRoles.update({ id: 987_654, version: 1, label: "Missing", scope: "ALL", permissions: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses changing a role that grants more than the caller, or adding what the caller lacks", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const before = await snapshot();
    const admin = await role(roles.ADMINISTRATOR!);
    expect(
      await messageOf(
        people.admin.staffRoles.update({
          id: admin.id,
          version: admin.version,
          label: "Administrator",
          scope: "ALL",
          permissions: ["staffUser.view"],
        }),
      ),
    ).toMatch(
      /^FORBIDDEN: You cannot change “Administrator”: it grants more than you hold: "View customer users" for all customers \(you do not hold it\), /,
    );
    const manager = await role(roles.STAFF_MANAGER!);
    const keys = manager.permissions.map((p) => p.permission);
    expect(
      await messageOf(
        people.admin.staffRoles.update({
          id: manager.id,
          version: manager.version,
          label: manager.label,
          scope: "ALL",
          permissions: [...keys, "mailbox.view"],
        }),
      ),
    ).toBe('FORBIDDEN: You cannot give this role with more than you hold yourself: "View the email outbox" (you do not hold it).');
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a change that leaves no staff administrator", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const stored = await role(roles.ADMINISTRATOR!);
    const keys = stored.permissions.map((p) => p.permission);
    const before = await snapshot();
    const expected =
      "BAD_REQUEST: “Administrator” must keep every permission for all customers: it is what makes Ada Admin a staff administrator, and the back office needs at least one. Make someone else an administrator first.";
    expect(
      await messageOf(
        admin.admin.staffRoles.update({
          id: stored.id,
          version: stored.version,
          label: "Administrator",
          scope: "ALL",
          permissions: keys.filter((k) => k !== "audit.view"),
        }),
      ),
    ).toBe(expected);
    expect(
      await messageOf(
        admin.admin.staffRoles.update({
          id: stored.id,
          version: stored.version,
          label: "Administrator",
          scope: "REPRESENTED",
          permissions: keys,
        }),
      ),
    ).toBe(expected);
    expect(await snapshot()).toEqual(before);
    // Renaming or describing it is fine.
    await expect(
      admin.admin.staffRoles.update({
        id: stored.id,
        version: stored.version,
        label: "Administrators",
        description: "All of it",
        scope: "ALL",
        permissions: keys,
      }),
    ).resolves.toBeTruthy();
  });
});

describe("admin.staffRoles.delete", () => {
  it("deletes a role nobody holds", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const created = await admin.admin.staffRoles.create({ label: "Temporary", scope: "ALL", permissions: ["mailbox.view"] });
    expect(await admin.admin.staffRoles.delete({ id: created.id })).toEqual({ id: created.id });
    expect(await db.staffRole.count({ where: { id: created.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "staffRole.delete", entityId: String(created.id) } })).toBe(1);
    await expect(admin.admin.staffRoles.delete({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses deleting a predefined role, a role someone holds, or one granting more than the caller", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const people = await staffCaller(db, "people@roster.test");
    const unassigned = await admin.admin.staffRoles.create({ label: "Mail readers", scope: "ALL", permissions: ["mailbox.view"] });
    const held = await admin.admin.staffRoles.create({ label: "Held role", scope: "ALL", permissions: ["staffUser.view"] });
    await admin.admin.staffUsers.create({ firstName: "Hold", lastName: "Er", email: "holder@roster.test", roleIds: [held.id] });
    const before = await snapshot();
    expect(await messageOf(admin.admin.staffRoles.delete({ id: roles.READ_ONLY! }))).toBe(
      "BAD_REQUEST: “Read-only” is a predefined role and cannot be deleted.",
    );
    expect(await messageOf(admin.admin.staffRoles.delete({ id: held.id }))).toBe(
      "BAD_REQUEST: “Held role” is assigned to 1 staff member; take it away from them first.",
    );
    expect(await messageOf(people.admin.staffRoles.delete({ id: unassigned.id }))).toBe(
      'FORBIDDEN: You cannot delete “Mail readers”: it grants more than you hold: "View the email outbox" (you do not hold it).',
    );
    expect(await snapshot()).toEqual(before);
  });
});
