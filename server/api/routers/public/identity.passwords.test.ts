import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller } from "../../../test/principals";
import { lastEmail, tokenFromEmail } from "../../../test/mail";
import { DEMO_PASSWORD } from "../../../seed/demo";
import { verifyPassword } from "../../../auth/password";
import { hashToken, issueCustomerToken } from "../../../services/identity/tokens";
import { registerFailure, rules } from "../../../services/identity/rateLimit";
import { accountLockKey, signInCustomerUser } from "../../../services/identity/signIn";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

let ipCounter = 0;
const visitor = () => callerFor(db, null, { ip: `10.30.0.${++ipCounter}` }).auth;
const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });
const NEW_PASSWORD = "Brand-new-2026";

describe("auth.requestPasswordReset and auth.resetPassword", () => {
  it("mails a single-use link; the new password ends every session, lifts a forced reset and the lockout", async () => {
    const email = "eddie.buyer@acme.test";
    await db.customerUser.update({ where: { email }, data: { authStatus: "RESET" } });
    for (let i = 0; i < rules.loginAccount.limit; i++) await registerFailure(db, accountLockKey("customer", email), rules.loginAccount);
    const before = await user(email);

    expect(await visitor().requestPasswordReset({ email: "Eddie.Buyer@acme.test" })).toEqual({ sent: true });
    const message = await lastEmail(db, email, "passwordReset");
    expect(message).toMatchObject({ subject: "Reset your password", customerUserId: before.id });
    const token = message!.secret!;
    const stored = await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(await visitor().checkPasswordLink({ token })).toEqual({ purpose: "PASSWORD_RESET", email });

    expect(await visitor().resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email });
    const after = await user(email);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.authStatus).toBe("ACTIVE");
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await db.rateLimit.count({ where: { key: accountLockKey("customer", email) } })).toBe(0);
    expect(await signInCustomerUser(db, { email, password: NEW_PASSWORD, ip: null, userAgent: null })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { entityId: String(before.id), action: "customerUser.resetPassword" } })).toBe(1);

    await expect(visitor().resetPassword({ token, password: "Another-pass-1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await visitor().checkPasswordLink({ token })).toBeNull();
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await db.emailMessage.count();
    expect(await visitor().requestPasswordReset({ email: "nobody@nowhere.test" })).toEqual({ sent: true });
    expect(await visitor().requestPasswordReset({ email: "carl.disabled@acme.test" })).toEqual({ sent: true });
    expect(await db.emailMessage.count()).toBe(before);
  });

  it("refuses a weak password field by field and keeps the link usable", async () => {
    await visitor().requestPasswordReset({ email: "gary.buyer@globex.test" });
    const token = await tokenFromEmail(db, "gary.buyer@globex.test", "passwordReset");
    await expect(visitor().resetPassword({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await visitor().checkPasswordLink({ token })).not.toBeNull();
  });

  it("refuses an expired link", async () => {
    await visitor().requestPasswordReset({ email: "lara.logistics@acme.test" });
    const token = await tokenFromEmail(db, "lara.logistics@acme.test", "passwordReset");
    await db.token.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(visitor().resetPassword({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await verifyPassword((await user("lara.logistics@acme.test")).passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("serves the welcome email's set-password link too, which also confirms the address", async () => {
    const una = await user("una.unconfirmed@acme.test");
    const { raw } = await issueCustomerToken(db, "SET_PASSWORD", una);
    expect(await visitor().checkPasswordLink({ token: raw })).toEqual({ purpose: "SET_PASSWORD", email: una.email });
    await visitor().resetPassword({ token: raw, password: NEW_PASSWORD });
    const after = await user(una.email);
    expect(after.confirmedAt).not.toBeNull();
    expect(await signInCustomerUser(db, { email: una.email, password: NEW_PASSWORD, ip: null, userAgent: null })).toMatchObject({
      ok: true,
    });
  });

  it("sends at most a few links per address and hour", async () => {
    const email = "wendy.buyer@acme.test";
    for (let i = 0; i < rules.emailSend.limit + 1; i++) await visitor().requestPasswordReset({ email });
    expect(await db.emailMessage.count({ where: { toEmail: email, template: "passwordReset" } })).toBe(rules.emailSend.limit);
  });
});

describe("account.profile.changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const caller = await customerCaller(db, "walter.west@acme.test");
    const before = await user("walter.west@acme.test");
    await expect(
      caller.account.profile.changePassword({ currentPassword: "wrong-password-1", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { currentPassword: ["This is not your current password."] } },
    });
    expect(await user("walter.west@acme.test")).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
  });

  it("refuses the same password again", async () => {
    const caller = await customerCaller(db, "walter.west@acme.test");
    await expect(
      caller.account.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      cause: { fieldErrors: { newPassword: [expect.stringContaining("different")] } },
    });
  });

  it("sets the new password and ends every session (the page signs the browser in again)", async () => {
    const caller = await customerCaller(db, "walter.west@acme.test");
    const before = await user("walter.west@acme.test");
    expect(await caller.account.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      email: before.email,
    });
    const after = await user(before.email);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("counts wrong current passwords against the sign-in lockout", async () => {
    const caller = await customerCaller(db, "gina.globex@globex.test");
    for (let i = 0; i < rules.loginAccount.limit; i++) {
      await caller.account.profile.changePassword({ currentPassword: `guess-${i}-password`, newPassword: NEW_PASSWORD }).catch(() => null);
    }
    await expect(
      caller.account.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
