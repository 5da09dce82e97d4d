import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerPrincipal, staffCaller } from "../../../test/principals";
import { lastEmail } from "../../../test/mail";
import { createCustomerNode } from "../../../services/customers/paths";
import { deleteCustomerUser, setCustomerUserEnabled } from "../../../services/customerUsers";
import { forceCustomerUserPasswordReset } from "../../../services/customerUsers/credentials";
import { signInCustomerUser } from "../../../services/identity/signIn";
import { hashToken } from "../../../services/identity/tokens";
import { DEMO_PASSWORD } from "../../../seed/demo";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });
const admin = () => staffCaller(db, "admin@roster.test");
const sales = () => staffCaller(db, "sales@roster.test");
const lastAudit = (id: number) =>
  db.auditEvent.findFirst({ where: { entityType: "CustomerUser", entityId: String(id) }, orderBy: { id: "desc" } });
const signIn = (email: string, password = DEMO_PASSWORD) => signInCustomerUser(db, { email, password, ip: null, userAgent: null });

/** A customer of its own with users made for one test: `admin` manages its users, `clerk` buys. */
async function company(
  name: string,
  users: { key: string; role: "admin" | "buyer" | null; enabled?: boolean; confirmed?: boolean; password?: boolean }[],
) {
  const customer = await createCustomerNode(db, { name });
  const roles = {
    admin: (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } })).id,
    buyer: (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id,
  };
  const hash = (await user("bob.buyer@acme.test")).passwordHash;
  const made: Record<string, Awaited<ReturnType<typeof db.customerUser.create>>> = {};
  for (const spec of users) {
    made[spec.key] = await db.customerUser.create({
      data: {
        email: `${spec.key}@${name.toLowerCase().replaceAll(" ", "-")}.test`,
        firstName: spec.key[0]!.toUpperCase() + spec.key.slice(1),
        lastName: name,
        enabled: spec.enabled ?? true,
        confirmedAt: spec.confirmed === false ? null : new Date(),
        passwordHash: spec.password === false ? null : hash,
        customerId: customer.id,
        customerPath: customer.path,
        ...(spec.role ? { roles: { create: { roleId: roles[spec.role] } } } : {}),
      },
    });
  }
  return { customer, users: made };
}

/** The rows a refusal must leave as they were. */
async function snapshot(id: number) {
  const row = await db.customerUser.findUniqueOrThrow({ where: { id } });
  return {
    row,
    emails: await db.emailMessage.count({ where: { customerUserId: id } }),
    audit: await db.auditEvent.count({ where: { entityId: String(id), entityType: "CustomerUser" } }),
  };
}

describe("admin.customerUsers.setEnabled", () => {
  it("disables a user, revokes their sessions and records who did it", async () => {
    const before = await user("eddie.buyer@acme.test");
    expect(await (await admin()).admin.customerUsers.setEnabled({ id: before.id, enabled: false })).toEqual({
      id: before.id,
      enabled: false,
    });
    const after = await user("eddie.buyer@acme.test");
    expect(after).toMatchObject({
      enabled: false,
      sessionVersion: before.sessionVersion + 1,
      confirmedAt: before.confirmedAt,
      version: before.version + 1,
    });
    expect(await lastAudit(before.id)).toMatchObject({
      action: "customerUser.disable",
      actorType: "STAFF",
      before: { enabled: true },
      after: { enabled: false },
    });
  });

  it("refuses to enable a user without any role, and changes nothing", async () => {
    const nora = await user("nora.norole@umbrella.test");
    const before = await snapshot(nora.id);
    await expect((await admin()).admin.customerUsers.setEnabled({ id: nora.id, enabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "At least one role must be assigned before the user can be enabled.",
    });
    expect(await snapshot(nora.id)).toEqual(before);
  });

  it("refuses to disable the last user who can manage a customer's users", async () => {
    const { users } = await company("Solo Trading", [
      { key: "owner", role: "admin" },
      { key: "clerk", role: "buyer" },
    ]);
    const before = await snapshot(users.owner!.id);
    await expect((await admin()).admin.customerUsers.setEnabled({ id: users.owner!.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Solo Trading must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await snapshot(users.owner!.id)).toEqual(before);
  });

  it("lets a subsidiary lose its own administrator while a Corporate administrator above it remains", async () => {
    const erin = await user("erin.east@acme.test");
    await expect((await admin()).admin.customerUsers.setEnabled({ id: erin.id, enabled: false })).resolves.toMatchObject({
      enabled: false,
    });
  });

  it("answers NOT_FOUND for users outside a sales manager's customers, and changes nothing", async () => {
    const gary = await user("gary.buyer@globex.test");
    const before = await snapshot(gary.id);
    await expect((await sales()).admin.customerUsers.setEnabled({ id: gary.id, enabled: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot(gary.id)).toEqual(before);
  });

  it("never lets a customer user disable themselves (the rule the storefront shares)", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    await expect(setCustomerUserEnabled(db, amanda, { id: amanda.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot disable yourself.",
    });
    expect((await user("amanda.admin@acme.test")).enabled).toBe(true);
  });
});

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

describe("admin.customerUsers.deletion and delete", () => {
  it("refuses to delete a user who placed orders, quotes, requests or shopping lists, says why, and changes nothing", async () => {
    const bob = await user("bob.buyer@acme.test");
    const caller = await admin();
    const message =
      "Bob Buyer owns 3 orders, 1 quote, 1 request for quote and 2 shopping lists of Acme Holding, which must keep who placed them. Disable the user to stop their sign-in, or erase their personal data to anonymize them.";
    expect(await caller.admin.customerUsers.deletion({ id: bob.id })).toMatchObject({ refusal: message });
    const before = await snapshot(bob.id);
    await expect(caller.admin.customerUsers.delete({ id: bob.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message });
    expect(await snapshot(bob.id)).toEqual(before);
  });

  it("deletes a user without business records with what is theirs, and keeps the audit trail", async () => {
    const { users } = await company("Mistake Inc", [
      { key: "boss", role: "admin" },
      { key: "dupe", role: "buyer" },
    ]);
    const dupe = users.dupe!;
    await db.customerUserAddress.create({
      data: { customerUserId: dupe.id, street: "1 Road", city: "Town", postalCode: "1", countryCode: "US" },
    });
    await db.note.create({ data: { customerUserId: dupe.id, body: "Created twice by mistake." } });
    const caller = await admin();
    expect(await caller.admin.customerUsers.deletion({ id: dupe.id })).toEqual({
      id: dupe.id,
      name: "Dupe Mistake Inc",
      refusal: null,
      removes: { addresses: 1, notes: 1, events: 0, oauthApplications: 0, consents: 0 },
    });
    expect(await caller.admin.customerUsers.delete({ id: dupe.id })).toEqual({ id: dupe.id });
    expect(await db.customerUser.findUnique({ where: { id: dupe.id } })).toBeNull();
    expect(await db.customerUserAddress.count({ where: { customerUserId: dupe.id } })).toBe(0);
    expect(await lastAudit(dupe.id)).toMatchObject({
      action: "customerUser.delete",
      before: { email: dupe.email, firstName: "Dupe", lastName: "Mistake Inc", customer: "Mistake Inc", enabled: true },
      after: { removed: { addresses: 1, notes: 1 } },
    });
  });

  it("refuses to delete the last user who can manage a customer's users", async () => {
    const { users } = await company("Last Stand", [{ key: "only", role: "admin" }]);
    const before = await snapshot(users.only!.id);
    await expect((await admin()).admin.customerUsers.delete({ id: users.only!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Last Stand must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await snapshot(users.only!.id)).toEqual(before);
  });

  it("never lets a customer user delete themselves", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    await expect(deleteCustomerUser(db, amanda, { id: amanda.id })).rejects.toMatchObject({ message: "You cannot delete yourself." });
    expect(await db.customerUser.count({ where: { id: amanda.id } })).toBe(1);
  });
});

describe("admin.customerUsers.massSetEnabled and massDelete", () => {
  it("disables each selected row by the single action's rules and reports what it skipped and why", async () => {
    const { users } = await company("Mass Co", [
      { key: "boss", role: "admin" },
      { key: "one", role: "buyer" },
      { key: "two", role: "buyer" },
    ]);
    const gary = await user("gary.buyer@globex.test");
    const result = await (
      await sales()
    ).admin.customerUsers.massSetEnabled({ ids: [users.one!.id, users.two!.id, gary.id], enabled: false });
    // The sales manager does not represent Mass Co or Globex: each row is refused as not found, without its name.
    expect(result).toEqual({
      done: [],
      skipped: [
        { id: users.one!.id, label: `Customer user #${users.one!.id}`, reason: "Customer user not found." },
        { id: users.two!.id, label: `Customer user #${users.two!.id}`, reason: "Customer user not found." },
        { id: gary.id, label: `Customer user #${gary.id}`, reason: "Customer user not found." },
      ],
    });
    const asAdmin = await (
      await admin()
    ).admin.customerUsers.massSetEnabled({ ids: [users.one!.id, users.boss!.id, users.two!.id], enabled: false });
    expect(asAdmin).toEqual({
      done: [users.one!.id, users.two!.id],
      skipped: [
        {
          id: users.boss!.id,
          label: `Boss Mass Co <${users.boss!.email}>`,
          reason: "Mass Co must keep at least one enabled user who can manage its users. Give another user that permission first.",
        },
      ],
    });
    expect(
      (await db.customerUser.findMany({ where: { customerId: users.boss!.customerId }, orderBy: { id: "asc" } })).map((u) => u.enabled),
    ).toEqual([true, false, false]);
  });

  it("enables the selected rows except those without a role", async () => {
    const { users } = await company("Roleless", [
      { key: "boss", role: "admin" },
      { key: "off", role: "buyer", enabled: false },
      { key: "bare", role: null, enabled: false },
    ]);
    const result = await (await admin()).admin.customerUsers.massSetEnabled({ ids: [users.off!.id, users.bare!.id], enabled: true });
    expect(result.done).toEqual([users.off!.id]);
    expect(result.skipped).toEqual([
      {
        id: users.bare!.id,
        label: `Bare Roleless <${users.bare!.email}>`,
        reason: "At least one role must be assigned before the user can be enabled.",
      },
    ]);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: users.bare!.id } })).enabled).toBe(false);
  });

  it("deletes the rows that may go and keeps those with business records", async () => {
    const { users } = await company("Cleanup", [
      { key: "boss", role: "admin" },
      { key: "temp", role: "buyer" },
    ]);
    const eddie = await user("eddie.buyer@acme.test");
    const result = await (await admin()).admin.customerUsers.massDelete({ ids: [users.temp!.id, eddie.id] });
    expect(result.done).toEqual([users.temp!.id]);
    expect(result.skipped).toEqual([
      { id: eddie.id, label: `Eddie Buyer <${eddie.email}>`, reason: expect.stringContaining("Eddie Buyer owns 3 orders") },
    ]);
    expect(await db.customerUser.count({ where: { id: eddie.id } })).toBe(1);
  });

  it("refuses an empty or oversized selection as bad input", async () => {
    await expect((await admin()).admin.customerUsers.massDelete({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      (await admin()).admin.customerUsers.massSetEnabled({ ids: Array.from({ length: 501 }, (_, i) => i + 1), enabled: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
