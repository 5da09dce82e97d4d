import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, staffCaller, staffPrincipal } from "../../../test/principals";
import { loadStaffPrincipal } from "../../../authz/access";
import { staffCatalogue } from "../../../authz/permissions";
import { signInStaffUser } from "../../../services/identity/signIn";
import { db, roles, member, PASSWORD, snapshot, newMember } from "../../../test/fixtures/staffUsers";

/** admin.staffUsers: changing a member, enabling and disabling. */

// Hal, a staff manager the staff manager created (as in staffUsers.create.test.ts), is the colleague changed below.
beforeAll(async () => {
  const people = await staffCaller(db, "people@roster.test");
  await people.admin.staffUsers.create({ firstName: "Hal", lastName: "Helper", email: "hal@roster.test", roleIds: [roles.STAFF_MANAGER!] });
});

describe("admin.staffUsers.update", () => {
  it("changes names, email and roles; the new roles apply on the member's next request", async () => {
    const id = await newMember("rita@roster.test", ["READ_ONLY"]);
    const rita = await member("rita@roster.test");
    const principal = await staffPrincipal(db, rita.email);
    expect(principal.grants.has("mailbox.view")).toBe(false);

    const admin = await staffCaller(db, "admin@roster.test");
    const result = await admin.admin.staffUsers.update({
      id,
      version: rita.version,
      firstName: "Rita",
      lastName: "Renamed",
      email: "rita.renamed@roster.test",
      roleIds: [roles.ADMINISTRATOR!],
    });
    expect(result).toEqual({ id, version: rita.version + 1 });
    const after = await member("rita.renamed@roster.test");
    expect(after.roles.map((r) => r.roleId)).toEqual([roles.ADMINISTRATOR]);
    const reloaded = await loadStaffPrincipal(db, { uid: id, sv: after.sessionVersion });
    expect("grants" in reloaded && reloaded.grants.get("mailbox.view")).toBe("ALL");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staffUser.update", entityId: String(id) } });
    expect(audit).toMatchObject({
      before: { lastName: "rita", roles: ["Read-only"] },
      after: { lastName: "Renamed", roles: ["Administrator"] },
    });
  });

  it("refuses a form loaded before someone else's save", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const vera = await member("viewer@roster.test");
    const values = { id: vera.id, firstName: "Vera", lastName: "Viewer", email: vera.email, roleIds: [roles.READ_ONLY!] };
    await admin.admin.staffUsers.update({ ...values, version: vera.version });
    await expect(admin.admin.staffUsers.update({ ...values, lastName: "Stale", version: vera.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed by someone else"),
    });
    expect((await member(vera.email)).lastName).toBe("Viewer");
  });

  it("refuses giving roles beyond the caller's grants, and touching an account that holds more than the caller", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const vera = await member("viewer@roster.test");
    const ada = await member("admin@roster.test");
    const before = await snapshot();
    const escalate = await people.admin.staffUsers
      .update({
        id: vera.id,
        version: vera.version,
        firstName: "Vera",
        lastName: "Viewer",
        email: vera.email,
        roleIds: [roles.READ_ONLY!, roles.ADMINISTRATOR!],
      })
      .catch((e: Error) => e);
    expect(escalate).toMatchObject({ code: "FORBIDDEN" });
    expect((escalate as Error).message).toContain("You cannot change Vera Viewer's account: they hold more than you do:");

    const hal = await member("hal@roster.test");
    const giveAdmin = await people.admin.staffUsers
      .update({ id: hal.id, version: hal.version, firstName: "Hal", lastName: "Helper", email: hal.email, roleIds: [roles.ADMINISTRATOR!] })
      .catch((e: Error) => e);
    expect(giveAdmin).toMatchObject({ code: "FORBIDDEN" });
    expect((giveAdmin as Error).message).toMatch(
      /^You cannot give these roles with more than you hold yourself: .*"View the audit log" \(you do not hold it\)/,
    );

    const takeOver = await people.admin.staffUsers
      .update({
        id: ada.id,
        version: ada.version,
        firstName: "Ada",
        lastName: "Admin",
        email: "people.inbox@roster.test",
        roleIds: [roles.ADMINISTRATOR!],
      })
      .catch((e: Error) => e);
    expect(takeOver).toMatchObject({ code: "FORBIDDEN" });
    expect((takeOver as Error).message).toContain("You cannot change Ada Admin's account");
    await expect(people.admin.staffUsers.sendPasswordLink({ id: ada.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(people.admin.staffUsers.setEnabled({ id: ada.id, enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
    await expect(
      people.admin.staffUsers.update({
        id: 987_654,
        version: 1,
        firstName: "X",
        lastName: "Y",
        email: "x@roster.test",
        roleIds: [roles.STAFF_MANAGER!],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps at least one staff administrator: the last one cannot give up the role", async () => {
    // Rita became an administrator above; take that back first so Ada is the only one.
    const admin = await staffCaller(db, "admin@roster.test");
    const rita = await member("rita.renamed@roster.test");
    await admin.admin.staffUsers.update({
      id: rita.id,
      version: rita.version,
      firstName: "Rita",
      lastName: "Renamed",
      email: rita.email,
      roleIds: [roles.READ_ONLY!],
    });

    const ada = await member("admin@roster.test");
    const before = await snapshot();
    const error = await admin.admin.staffUsers
      .update({ id: ada.id, version: ada.version, firstName: "Ada", lastName: "Admin", email: ada.email, roleIds: [roles.STAFF_MANAGER!] })
      .catch((e: Error) => e);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message:
        "Ada Admin is the last staff administrator (holding every permission for all customers) and must keep those roles. Make someone else an administrator first.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("admin.staffUsers.setEnabled", () => {
  it("disables a member and ends their sessions at once; enabling lets them back in", async () => {
    const id = await newMember("dora@roster.test", ["READ_ONLY"]);
    const dora = await member("dora@roster.test");
    const admin = await staffCaller(db, "admin@roster.test");
    expect(await admin.admin.staffUsers.setEnabled({ id, enabled: false })).toEqual({ id, enabled: false });
    const after = await member(dora.email);
    expect(after).toMatchObject({ enabled: false, sessionVersion: dora.sessionVersion + 1 });
    expect(await loadStaffPrincipal(db, { uid: id, sv: dora.sessionVersion })).toEqual({ ended: "disabled" });
    expect(await signInStaffUser(db, { email: dora.email, password: PASSWORD, ip: null, userAgent: null })).toMatchObject({
      ok: false,
      reason: "disabled",
    });
    await expect(admin.admin.staffUsers.sendPasswordLink({ id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "New dora's account is disabled: enable it first.",
    });

    await admin.admin.staffUsers.setEnabled({ id, enabled: true });
    expect(await signInStaffUser(db, { email: dora.email, password: PASSWORD, ip: null, userAgent: null })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { entityId: String(id), action: { in: ["staffUser.disable", "staffUser.enable"] } } })).toBe(
      2,
    );
  });

  it("refuses disabling oneself", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const ada = await member("admin@roster.test");
    await expect(admin.admin.staffUsers.setEnabled({ id: ada.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot disable yourself.",
    });
    expect((await member(ada.email)).enabled).toBe(true);
  });

  it("refuses disabling the last enabled staff administrator, even to a caller holding every permission", async () => {
    const ada = await member("admin@roster.test");
    const hal = await member("hal@roster.test");
    // A caller with every grant who is not an administrator themselves: only a stale principal could be one.
    const everything = {
      ...(await staffPrincipal(db, hal.email)),
      grants: new Map(staffCatalogue.map((info) => [info.key, "ALL" as const])),
    };
    const error = await callerFor(db, everything)
      .admin.staffUsers.setEnabled({ id: ada.id, enabled: false })
      .catch((e: Error) => e);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: "Ada Admin is the last enabled staff administrator and cannot be disabled. Make someone else an administrator first.",
    });
    expect((await member(ada.email)).enabled).toBe(true);

    // With a second administrator, either may be disabled by the other.
    const admin = await staffCaller(db, "admin@roster.test");
    const rita = await member("rita.renamed@roster.test");
    await admin.admin.staffUsers.update({
      id: rita.id,
      version: rita.version,
      firstName: "Rita",
      lastName: "Renamed",
      email: rita.email,
      roleIds: [roles.ADMINISTRATOR!],
    });
    await expect(admin.admin.staffUsers.setEnabled({ id: rita.id, enabled: false })).resolves.toMatchObject({ enabled: false });
  });
});
