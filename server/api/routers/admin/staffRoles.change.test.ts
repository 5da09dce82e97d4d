import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";
import { loadStaffPrincipal } from "../../../authz/access";
import { staffRoleFixtures, messageOf } from "../../../test/fixtures/staffRoles";

let db: PrismaClient;
let roles: Record<string, number>;
beforeAll(async () => {
  db = await createTestDb();
  roles = Object.fromEntries((await db.staffRole.findMany()).map((r) => [r.code, r.id]));
});

const { role, snapshot } = staffRoleFixtures(() => db);

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
