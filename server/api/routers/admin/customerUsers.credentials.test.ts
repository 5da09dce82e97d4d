import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, customerPrincipal } from "../../../test/principals";
import { lastEmail } from "../../../test/mail";
import { forceCustomerUserPasswordReset } from "../../../services/customerUsers/credentials";
import { hashToken } from "../../../services/identity/tokens";
import { DEMO_PASSWORD } from "../../../seed/demo";
import {
  db,
  user,
  admin,
  sales,
  lastAudit,
  signIn,
  company,
  snapshot,
  setupCustomerUserActions,
} from "../../../test/fixtures/customerUserActions";

/** admin.customerUsers.confirm, resendConfirmation, resetPassword and sendWelcome: what is sent, and never a password. */
beforeAll(setupCustomerUserActions);

describe("admin.customerUsers.confirm", () => {
  it("confirms by hand, voids confirmation links still out and welcomes a user who has a password with a sign-in link", async () => {
    const una = await user("una.unconfirmed@acme.test");
    await db.token.create({
      data: {
        purpose: "EMAIL_CONFIRMATION",
        tokenHash: hashToken("una-old-link"),
        customerUserId: una.id,
        email: una.email,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect(await signIn(una.email)).toEqual({ ok: false, reason: "unconfirmed" });
    const result = await (await sales()).admin.customerUsers.confirm({ id: una.id });
    expect(result.id).toBe(una.id);
    const after = await user(una.email);
    expect(after.confirmedAt).not.toBeNull();
    expect(after.version).toBe(una.version + 1);
    expect(await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken("una-old-link") } })).toMatchObject({
      usedAt: expect.any(Date),
    });
    const mail = await lastEmail(db, una.email, "welcome");
    expect(mail).toMatchObject({ subject: "Welcome to Roster", secret: null });
    expect(mail!.text).toContain("/login");
    expect(await lastAudit(una.id)).toMatchObject({
      action: "customerUser.confirm",
      actorType: "STAFF",
      before: { confirmed: false },
      after: { confirmed: true },
    });
    expect(await signIn(una.email)).toMatchObject({ ok: true });
  });

  it("sends a user without a password a single-use link to choose one, never a password", async () => {
    const { users } = await company("Passwordless Ltd", [
      { key: "boss", role: "admin" },
      { key: "newbie", role: "buyer", confirmed: false, password: false },
    ]);
    const newbie = users.newbie!;
    await (await admin()).admin.customerUsers.confirm({ id: newbie.id });
    const mail = await lastEmail(db, newbie.email, "welcome");
    expect(mail!.secret).toBeTruthy();
    expect(mail!.html).toContain("/reset-password?token=");
    expect(mail!.html).not.toContain(mail!.secret!);
    const token = await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(mail!.secret!) } });
    expect(token).toMatchObject({ purpose: "SET_PASSWORD", customerUserId: newbie.id, usedAt: null });
  });

  it("refuses a confirmed user with a message, and changes and sends nothing", async () => {
    const bob = await user("bob.buyer@acme.test");
    const before = await snapshot(bob.id);
    await expect((await admin()).admin.customerUsers.confirm({ id: bob.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bob Buyer is already confirmed.",
    });
    expect(await snapshot(bob.id)).toEqual(before);
  });

  it("is NOT_FOUND for a sales manager outside their customers", async () => {
    const { users } = await company("Far Away", [
      { key: "boss", role: "admin" },
      { key: "pending", role: "buyer", confirmed: false },
    ]);
    const before = await snapshot(users.pending!.id);
    await expect((await sales()).admin.customerUsers.confirm({ id: users.pending!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(users.pending!.id)).toEqual(before);
  });
});

describe("admin.customerUsers.resendConfirmation", () => {
  it("sends a new link to an unconfirmed user; the newest link replaces the older ones", async () => {
    const { users } = await company("Resend Co", [
      { key: "boss", role: "admin" },
      { key: "late", role: "buyer", confirmed: false },
    ]);
    const late = users.late!;
    const caller = await admin();
    await caller.admin.customerUsers.resendConfirmation({ id: late.id });
    const first = (await lastEmail(db, late.email, "confirmation"))!.secret!;
    expect(await caller.admin.customerUsers.resendConfirmation({ id: late.id })).toEqual({ id: late.id, sentTo: late.email });
    const second = (await lastEmail(db, late.email, "confirmation"))!.secret!;
    expect(second).not.toBe(first);
    expect(await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(first) } })).toMatchObject({ usedAt: expect.any(Date) });
    expect(await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(second) } })).toMatchObject({
      purpose: "EMAIL_CONFIRMATION",
      usedAt: null,
    });
    expect(await lastAudit(late.id)).toMatchObject({ action: "customerUser.resendConfirmation" });
  });

  it("is NOT_FOUND for a sales manager outside their customers, and sends nothing", async () => {
    const tara = await user("tara.rossi.19@example.test");
    const before = await snapshot(tara.id);
    await expect((await sales()).admin.customerUsers.resendConfirmation({ id: tara.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(tara.id)).toEqual(before);
  });

  it("refuses a confirmed user and sends nothing", async () => {
    const gina = await user("gina.globex@globex.test");
    const before = await snapshot(gina.id);
    await expect((await admin()).admin.customerUsers.resendConfirmation({ id: gina.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Gina Globex is already confirmed; there is nothing to resend.",
    });
    expect(await snapshot(gina.id)).toEqual(before);
  });
});

describe("admin.customerUsers.resetPassword", () => {
  it("refuses sign-in and ends sessions until the user sets a new password through the emailed link", async () => {
    const lara = await user("lara.logistics@acme.test");
    const result = await (await admin()).admin.customerUsers.resetPassword({ id: lara.id });
    expect(result).toEqual({ id: lara.id, authStatus: "RESET", sentTo: lara.email });
    const after = await user(lara.email);
    expect(after).toMatchObject({ authStatus: "RESET", sessionVersion: lara.sessionVersion + 1, passwordHash: lara.passwordHash });
    expect(await signIn(lara.email)).toEqual({ ok: false, reason: "password-reset" });
    const mail = await lastEmail(db, lara.email, "forcedPasswordReset");
    expect(mail).toMatchObject({ subject: "Your password must be reset" });
    expect(await lastAudit(lara.id)).toMatchObject({
      action: "customerUser.forcePasswordReset",
      before: { authStatus: "ACTIVE" },
      after: { authStatus: "RESET" },
    });

    const visitor = callerFor(db, null).auth;
    await visitor.resetPassword({ token: mail!.secret!, password: "Chosen-again-2026" });
    expect((await user(lara.email)).authStatus).toBe("ACTIVE");
    expect(await signIn(lara.email, "Chosen-again-2026")).toMatchObject({ ok: true });
  });

  it("is NOT_FOUND for a sales manager outside their customers, and changes nothing", async () => {
    const gary = await user("gary.buyer@globex.test");
    const before = await snapshot(gary.id);
    await expect((await sales()).admin.customerUsers.resetPassword({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(gary.id)).toEqual(before);
  });

  it("never lets a customer user force a reset on themselves", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    await expect(forceCustomerUserPasswordReset(db, amanda, { id: amanda.id })).rejects.toMatchObject({
      message: "You cannot force a password reset on yourself.",
    });
    expect((await user(amanda.email)).authStatus).toBe("ACTIVE");
  });
});

describe("admin.customerUsers.sendWelcome", () => {
  it("mails a single-use set-password link, never the password", async () => {
    const wendy = await user("wendy.buyer@acme.test");
    await (await admin()).admin.customerUsers.sendWelcome({ id: wendy.id });
    const mail = await lastEmail(db, wendy.email, "welcome");
    expect(mail!.html).toContain("/reset-password?token=");
    expect(mail!.html).not.toContain(DEMO_PASSWORD);
    expect(mail!.text).not.toContain(DEMO_PASSWORD);
    expect(await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(mail!.secret!) } })).toMatchObject({
      purpose: "SET_PASSWORD",
      usedAt: null,
    });
    expect(await lastAudit(wendy.id)).toMatchObject({ action: "customerUser.sendWelcome" });
  });

  it("refuses a disabled user, who could not sign in, and sends nothing", async () => {
    const carl = await user("carl.disabled@acme.test");
    const before = await snapshot(carl.id);
    await expect((await sales()).admin.customerUsers.sendWelcome({ id: carl.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Carl Disabled is disabled: enable the user before sending the welcome email.",
    });
    expect(await snapshot(carl.id)).toEqual(before);
  });

  it("is NOT_FOUND for a sales manager outside their customers", async () => {
    const gina = await user("gina.globex@globex.test");
    await expect((await sales()).admin.customerUsers.sendWelcome({ id: gina.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
