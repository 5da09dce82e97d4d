import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, staffCaller, staffPrincipal } from "../../../test/principals";
import { lastEmail, tokenFromEmail } from "../../../test/mail";
import { loadStaffPrincipal } from "../../../authz/access";
import { staffCatalogue } from "../../../authz/permissions";
import { verifyPassword } from "../../../auth/password";
import { hashToken, issueCustomerToken } from "../../../services/identity/tokens";
import { registerFailure, rules } from "../../../services/identity/rateLimit";
import { accountLockKey, signInStaffUser } from "../../../services/identity/signIn";

let db: PrismaClient;
let roles: Record<string, number>;
beforeAll(async () => {
  db = await createTestDb();
  roles = Object.fromEntries((await db.staffRole.findMany()).map((r) => [r.code, r.id]));
});

const member = (email: string) => db.staffUser.findUniqueOrThrow({ where: { email }, include: { roles: true } });
const anonymous = () => callerFor(db, null).staffPassword;
const PASSWORD = "Staff-pass-2026";
const snapshot = async () => ({
  staff: await db.staffUser.findMany({ orderBy: { id: "asc" }, include: { roles: { orderBy: { roleId: "asc" } } } }),
  emails: await db.emailMessage.count(),
  audit: await db.auditEvent.count(),
});

/** A new staff member through the procedure, who set their password from the emailed link. */
async function newMember(email: string, roleCodes: string[], by = "admin@roster.test") {
  const caller = await staffCaller(db, by);
  const { id } = await caller.admin.staffUsers.create({
    firstName: "New",
    lastName: email.split("@")[0]!,
    email,
    roleIds: roleCodes.map((c) => roles[c]!),
  });
  await anonymous().setPassword({ token: await tokenFromEmail(db, email, "staffSetPassword"), password: PASSWORD });
  return id;
}

describe("admin.staffUsers.list", () => {
  it("lists staff sorted by name with their roles, without password hashes, and counts them", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const page = await admin.admin.staffUsers.list({});
    expect(page.items.map((s) => [s.lastName, s.roles.map((r) => r.label), s.hasPassword])).toEqual([
      ["Admin", ["Administrator"], true],
      ["People", ["Staff manager"], true],
      ["Sales", ["Sales manager"], true],
      ["Viewer", ["Read-only"], true],
    ]);
    expect(page.count).toEqual({ value: 4, capped: false });
    expect(JSON.stringify(page)).not.toContain("argon2");
  });

  it("filters by name or email, enabled state and role; sorts either way; pages with a cursor", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const list = admin.admin.staffUsers.list;
    expect((await list({ q: "SALES" })).items.map((s) => s.email)).toEqual(["sales@roster.test"]);
    expect((await list({ q: "vera" })).items.map((s) => s.email)).toEqual(["viewer@roster.test"]);
    expect((await list({ roleId: roles.READ_ONLY })).items.map((s) => s.email)).toEqual(["viewer@roster.test"]);
    expect((await list({ enabled: false })).items).toEqual([]);
    expect((await list({ sort: "email", dir: "desc" })).items.map((s) => s.email)).toEqual([
      "viewer@roster.test",
      "sales@roster.test",
      "people@roster.test",
      "admin@roster.test",
    ]);
    const first = await list({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.lastName)).toEqual(["Viewer"]);
    expect(second.nextCursor).toBeNull();
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin.staffUsers.get, roleChoices and effectivePermissions", () => {
  it("says when the caller may not change an account, and which permissions stand in the way", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const ada = await member("admin@roster.test");
    const seen = await people.admin.staffUsers.get({ id: ada.id });
    expect(seen).toMatchObject({ email: "admin@roster.test", isSelf: false, roles: [{ label: "Administrator" }] });
    expect(seen.beyondYou).toMatch(/^"View customer users" for all customers \(you do not hold it\), .+ and \d+ more$/);
    const own = await people.admin.staffUsers.get({ id: (await member("people@roster.test")).id });
    expect(own).toMatchObject({ isSelf: true, beyondYou: null });
    await expect(people.admin.staffUsers.get({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers every role, marking those that grant more than the caller holds", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const choices = await people.admin.staffUsers.roleChoices();
    expect(choices.map((r) => [r.label, r.beyondYou === null])).toEqual([
      ["Administrator", false],
      ["Read-only", false],
      ["Sales manager", false],
      ["Staff manager", true],
    ]);
    expect(choices.find((r) => r.label === "Read-only")!.beyondYou).toContain('"View customer users"');
  });

  it("explains a member's permissions by role", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const sam = await member("sales@roster.test");
    const rows = await admin.admin.staffUsers.effectivePermissions({ id: sam.id });
    expect(rows).toHaveLength(staffCatalogue.length);
    expect(rows.find((r) => r.key === "customerUser.view")).toMatchObject({
      scope: "REPRESENTED",
      sources: [{ roleLabel: "Sales manager" }],
    });
    expect(rows.find((r) => r.key === "audit.view")).toMatchObject({ scope: null, sources: [] });
    await expect(admin.admin.staffUsers.effectivePermissions({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.staffUsers.create and the set-password link", () => {
  it("creates the account without a password and mails a single-use link that sets it", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const { id } = await admin.admin.staffUsers.create({
      firstName: " Nora ",
      lastName: "New",
      email: "Nora.New@Roster.TEST",
      roleIds: [roles.READ_ONLY!],
    });
    const nora = await member("nora.new@roster.test");
    expect(nora).toMatchObject({ id, firstName: "Nora", enabled: true, passwordHash: null, roles: [{ roleId: roles.READ_ONLY }] });
    expect(await signInStaffUser(db, { email: nora.email, password: PASSWORD, ip: null, userAgent: null })).toMatchObject({
      ok: false,
      reason: "invalid",
    });

    const email = await lastEmail(db, nora.email, "staffSetPassword");
    expect(email).toMatchObject({ subject: "Your Roster back-office account", toName: "Nora New", customerUserId: null });
    expect(email!.html).toContain("/admin/set-password?token=");
    expect(email!.html).not.toContain(email!.secret!);
    const token = email!.secret!;
    expect(await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({
      purpose: "SET_PASSWORD",
      staffUserId: id,
      customerUserId: null,
    });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "staffUser.create", entityId: String(id) } })).after).toMatchObject({
      roles: ["Read-only"],
    });

    // The storefront's password page does not take a staff link.
    expect(await callerFor(db, null).auth.checkPasswordLink({ token })).toBeNull();
    expect(await anonymous().checkLink({ token })).toEqual({ email: nora.email, firstPassword: true });
    await expect(anonymous().setPassword({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await anonymous().setPassword({ token, password: PASSWORD })).toEqual({ email: nora.email });
    const after = await member(nora.email);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(nora.sessionVersion + 1);
    expect(await signInStaffUser(db, { email: nora.email, password: PASSWORD, ip: null, userAgent: null })).toMatchObject({
      ok: true,
      userId: id,
    });

    // Once only.
    expect(await anonymous().checkLink({ token })).toBeNull();
    await expect(anonymous().setPassword({ token, password: "Another-pass-2026" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("does not take a storefront link, nor a link for an address the member no longer has", async () => {
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const { raw } = await issueCustomerToken(db, "SET_PASSWORD", bob);
    expect(await anonymous().checkLink({ token: raw })).toBeNull();
    await expect(anonymous().setPassword({ token: raw, password: PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const admin = await staffCaller(db, "admin@roster.test");
    const { id } = await admin.admin.staffUsers.create({
      firstName: "Otto",
      lastName: "Moved",
      email: "otto@roster.test",
      roleIds: [roles.READ_ONLY!],
    });
    const token = await tokenFromEmail(db, "otto@roster.test", "staffSetPassword");
    const otto = await member("otto@roster.test");
    await admin.admin.staffUsers.update({
      id,
      version: otto.version,
      firstName: "Otto",
      lastName: "Moved",
      email: "otto.moved@roster.test",
      roleIds: [roles.READ_ONLY!],
    });
    expect(await anonymous().checkLink({ token })).toBeNull();
    await expect(anonymous().setPassword({ token, password: PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses roles beyond the caller's own grants, naming each permission, and creates nothing", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const before = await snapshot();
    const error = await people.admin.staffUsers
      .create({ firstName: "Eve", lastName: "Escalate", email: "eve@roster.test", roleIds: [roles.ADMINISTRATOR!] })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect((error as Error).message).toMatch(/^You cannot create a staff member with more than you hold yourself: /);
    expect((error as Error).message).toContain('"View the audit log" (you do not hold it)');
    expect((error as Error).message).toContain('"Edit customer users" for all customers (you do not hold it)');
    expect(await snapshot()).toEqual(before);

    // Within bounds it works.
    await expect(
      people.admin.staffUsers.create({ firstName: "Hal", lastName: "Helper", email: "hal@roster.test", roleIds: [roles.STAFF_MANAGER!] }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("refuses a taken email, no roles, or a role that does not exist, field by field", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const before = await snapshot();
    await expect(
      admin.admin.staffUsers.create({ firstName: "Dup", lastName: "Licate", email: "SALES@roster.test", roleIds: [roles.READ_ONLY!] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { email: ["This email is already in use."] } },
    });
    await expect(
      admin.admin.staffUsers.create({ firstName: "No", lastName: "Roles", email: "noroles@roster.test", roleIds: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.admin.staffUsers.create({ firstName: "Ghost", lastName: "Role", email: "ghost@roster.test", roleIds: [987_654] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { roleIds: ["One of the chosen roles no longer exists."] } },
    });
    expect(await snapshot()).toEqual(before);
  });
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

describe("admin.staffUsers.sendPasswordLink", () => {
  it("mails a new link that voids the older one and lifts the account's lockout once used", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const vera = await member("viewer@roster.test");
    await admin.admin.staffUsers.sendPasswordLink({ id: vera.id });
    const first = await tokenFromEmail(db, vera.email, "staffSetPassword");
    expect(await lastEmail(db, vera.email, "staffSetPassword")).toMatchObject({ subject: "Set a new password for the Roster back office" });
    expect(await admin.admin.staffUsers.sendPasswordLink({ id: vera.id })).toEqual({ email: vera.email });
    const second = await tokenFromEmail(db, vera.email, "staffSetPassword");
    expect(second).not.toBe(first);
    expect(await anonymous().checkLink({ token: first })).toBeNull();
    expect(await anonymous().checkLink({ token: second })).toEqual({ email: vera.email, firstPassword: false });

    for (let i = 0; i < rules.loginAccount.limit; i++) await registerFailure(db, accountLockKey("staff", vera.email), rules.loginAccount);
    await anonymous().setPassword({ token: second, password: PASSWORD });
    expect(await db.rateLimit.count({ where: { key: accountLockKey("staff", vera.email) } })).toBe(0);
    expect(await signInStaffUser(db, { email: vera.email, password: PASSWORD, ip: null, userAgent: null })).toMatchObject({ ok: true });
    await expect(admin.admin.staffUsers.sendPasswordLink({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.staffUsers.get: represented customers", () => {
  it("names the customers a member is sales representative of", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const sam = await member("sales@roster.test");
    expect((await admin.admin.staffUsers.get({ id: sam.id })).represents).toEqual({
      customers: [expect.objectContaining({ name: "Acme East" }), expect.objectContaining({ name: "Acme Holding" })],
      total: 2,
    });
    const vera = await member("viewer@roster.test");
    expect((await admin.admin.staffUsers.get({ id: vera.id })).represents).toEqual({ customers: [], total: 0 });
  });
});
