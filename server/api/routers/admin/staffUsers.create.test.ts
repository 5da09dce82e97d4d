import { describe, expect, it } from "vitest";
import { callerFor, staffCaller } from "../../../test/principals";
import { lastEmail, tokenFromEmail } from "../../../test/mail";
import { verifyPassword } from "../../../auth/password";
import { hashToken, issueCustomerToken } from "../../../services/identity/tokens";
import { registerFailure, rules } from "../../../services/identity/rateLimit";
import { accountLockKey, signInStaffUser } from "../../../services/identity/signIn";
import { db, roles, member, anonymous, PASSWORD, snapshot } from "../../../test/fixtures/staffUsers";

/** admin.staffUsers: creating a member and the set-password link, sent again. */
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
