import { beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { fieldErrorsOf } from "../../errorShape";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor } from "../../../test/principals";
import { lastEmail, tokenFromEmail } from "../../../test/mail";
import { hashToken } from "../../../services/identity/tokens";
import { signInCustomerWithTicket } from "../../../services/identity/signIn";
import { verifyPassword } from "../../../auth/password";
import { rules } from "../../../services/identity/rateLimit";

let db: PrismaClient;
let privacyId: number;
let newsletterId: number;
beforeAll(async () => {
  db = await createTestDb();
  privacyId = (await db.consent.findFirstOrThrow({ where: { title: "Privacy policy" } })).id;
  newsletterId = (await db.consent.findFirstOrThrow({ where: { title: "Newsletter" } })).id;
});

let ipCounter = 0;
/** An anonymous visitor from an address of their own (so per-address limits stay out of the way). */
const visitor = (ip = `10.20.0.${++ipCounter}`) => callerFor(db, null, { ip }).auth;

const form = (email: string, extra: Record<string, unknown> = {}) => ({
  companyName: "Tinker Tools",
  firstName: "Tina",
  lastName: "Tinker",
  email,
  password: "Tinker-2026-secret",
  consentIds: [privacyId],
  ...extra,
});

const settings = async (data: Record<string, boolean>) => {
  const website = await db.website.findFirstOrThrow({ where: { isDefault: true } });
  await db.websiteSettings.update({ where: { websiteId: website.id }, data });
};

const counts = async () => ({
  users: await db.customerUser.count(),
  customers: await db.customer.count(),
  emails: await db.emailMessage.count(),
});

describe("auth.registrationOptions", () => {
  it("tells the pages whether registration is open and what to ask", async () => {
    const options = await visitor().registrationOptions();
    expect(options).toMatchObject({ allowed: true, linkShown: true, companyNameFieldShown: true });
    expect(options.localizations.map((l) => l.code)).toEqual(["en", "de"]);
    expect(options.consents.map((c) => [c.title, c.mandatory])).toEqual([
      ["Privacy policy", true],
      ["Newsletter", false],
    ]);
  });
});

describe("auth.register", () => {
  it("creates a customer of its own, the user with the default role, language and consents, and sends the confirmation", async () => {
    const result = await visitor().register(
      form("  Tina.Tinker@Example.TEST ", { namePrefix: "Dr.", localization: "de", consentIds: [privacyId, newsletterId] }),
    );
    expect(result).toEqual({ next: "confirm-email", signInTicket: null });

    const user = await db.customerUser.findUniqueOrThrow({
      where: { email: "tina.tinker@example.test" },
      include: {
        customer: true,
        roles: { include: { role: true } },
        websiteSettings: { include: { localization: true } },
        consentAcceptances: true,
        website: true,
      },
    });
    const ada = await db.staffUser.findUniqueOrThrow({ where: { email: "admin@roster.test" } });
    expect(user).toMatchObject({
      namePrefix: "Dr.",
      firstName: "Tina",
      lastName: "Tinker",
      confirmedAt: null,
      enabled: true,
      authStatus: "ACTIVE",
      ownerId: ada.id,
    });
    expect(await verifyPassword(user.passwordHash, "Tinker-2026-secret")).toBe(true);
    expect(user.website?.isDefault).toBe(true);
    expect(user.customer).toMatchObject({ name: "Tinker Tools", parentId: null, path: `/${user.customer.id}/`, ownerId: ada.id });
    expect(user.customerPath).toBe(user.customer.path);
    expect(user.roles.map((r) => r.role.label)).toEqual(["Administrator"]);
    expect(user.websiteSettings.map((s) => s.localization?.code)).toEqual(["de"]);
    expect(user.consentAcceptances.map((a) => a.consentId).sort()).toEqual([privacyId, newsletterId].sort());

    const email = await lastEmail(db, user.email);
    expect(email).toMatchObject({
      template: "confirmation",
      locale: "de",
      subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      customerUserId: user.id,
    });
    const token = await db.token.findFirstOrThrow({ where: { customerUserId: user.id, purpose: "EMAIL_CONFIRMATION" } });
    expect(token.tokenHash).toBe(hashToken(email!.secret!));
    expect(token.tokenHash).not.toContain(email!.secret!);
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "CustomerUser", entityId: String(user.id), action: "customerUser.register" },
    });
    expect(audit.actorType).toBe("SYSTEM");
  });

  it("answers a taken email exactly like a new one, creates nothing, and mails the owner at most once a day", async () => {
    const before = await counts();
    const first = await visitor().register(form("bob.buyer@acme.test"));
    const second = await visitor().register(form("BOB.BUYER@acme.test", { companyName: "Other" }));
    expect(first).toEqual({ next: "confirm-email", signInTicket: null });
    expect(second).toEqual(first);
    const after = await counts();
    expect(after.users).toBe(before.users);
    expect(after.customers).toBe(before.customers);
    const notices = await db.emailMessage.findMany({ where: { toEmail: "bob.buyer@acme.test", template: "registrationAttempt" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.html).toContain("/forgot-password");
    expect(await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } })).toMatchObject({ firstName: "Bob" });
  });

  it("refuses bad input field by field and creates nothing", async () => {
    const before = await counts();
    const error = await visitor()
      .register({ ...form("not-an-email"), firstName: " ", password: "short", consentIds: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fields = fieldErrorsOf((error as { cause: ZodError }).cause);
    expect(Object.keys(fields).sort()).toEqual(["email", "firstName", "password"]);
    expect(await counts()).toEqual(before);
  });

  it("requires every mandatory consent and the company name when the field is shown", async () => {
    const before = await counts();
    await expect(visitor().register(form("nocons@example.test", { consentIds: [newsletterId] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { consentIds: ["Accept “Privacy policy” to register."] } },
    });
    await expect(visitor().register(form("nocompany@example.test", { companyName: "" }))).rejects.toMatchObject({
      cause: { fieldErrors: { companyName: ["Enter your company's name."] } },
    });
    await expect(visitor().register(form("ghostconsent@example.test", { consentIds: [privacyId, 987_654] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await counts()).toEqual(before);
  });

  it("names the company after the person when the website does not ask for it", async () => {
    await settings({ companyNameFieldShown: false });
    try {
      await visitor().register(form("solo.person@example.test", { companyName: "Ignored Ltd", firstName: "Sol", lastName: "Person" }));
      const user = await db.customerUser.findUniqueOrThrow({ where: { email: "solo.person@example.test" }, include: { customer: true } });
      expect(user.customer.name).toBe("Sol Person");
    } finally {
      await settings({ companyNameFieldShown: true });
    }
  });

  it("without confirmation: welcomes the user, who may sign in at once, and signs them in when the website says so", async () => {
    await settings({ confirmationRequired: false });
    try {
      expect(await visitor().register(form("quick.start@example.test"))).toEqual({ next: "sign-in", signInTicket: null });
      const quick = await db.customerUser.findUniqueOrThrow({ where: { email: "quick.start@example.test" } });
      expect(quick.confirmedAt).not.toBeNull();
      expect(await lastEmail(db, quick.email)).toMatchObject({ template: "welcome", locale: "en" });

      await settings({ confirmationRequired: false, signInAfterRegistration: true });
      const result = await visitor().register(form("auto.login@example.test"));
      expect(result.next).toBe("sign-in");
      const user = await db.customerUser.findUniqueOrThrow({ where: { email: "auto.login@example.test" } });
      const request = { ticket: result.signInTicket!, ip: null, userAgent: "vitest" };
      expect(await signInCustomerWithTicket(db, request)).toEqual({
        ok: true,
        userId: user.id,
        sessionVersion: user.sessionVersion,
        sessionId: expect.any(Number),
      });
      expect(await signInCustomerWithTicket(db, request)).toEqual({ ok: false, reason: "invalid" });
      expect(await db.loginAttempt.findFirstOrThrow({ where: { customerUserId: user.id } })).toMatchObject({
        source: "EMAIL_LINK",
        result: "SUCCESS",
      });
    } finally {
      await settings({ confirmationRequired: true, signInAfterRegistration: false });
    }
  });

  it("is refused while the website does not allow registration", async () => {
    await settings({ registrationAllowed: false });
    try {
      const before = await counts();
      expect((await visitor().registrationOptions()).allowed).toBe(false);
      await expect(visitor().register(form("closed@example.test"))).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("not open"),
      });
      expect(await counts()).toEqual(before);
    } finally {
      await settings({ registrationAllowed: true });
    }
  });

  it("limits registrations from one client address", async () => {
    const auth = visitor("10.99.0.1");
    await db.rateLimit.create({
      data: { key: "email:ip:10.99.0.1", failures: rules.emailSendIp.limit, lockedUntil: new Date(Date.now() + 60_000) },
    });
    await expect(auth.register(form("flood@example.test"))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await db.customerUser.count({ where: { email: "flood@example.test" } })).toBe(0);
  });
});

describe("auth.confirmEmail", () => {
  const registered = async (email: string) => {
    await visitor().register(form(email));
    return tokenFromEmail(db, email, "confirmation");
  };

  it("confirms the account once; the used link is refused after", async () => {
    const token = await registered("confirm.me@example.test");
    expect(await visitor().checkConfirmationLink({ token })).toEqual({ email: "confirm.me@example.test" });
    expect(await visitor().confirmEmail({ token })).toEqual({ email: "confirm.me@example.test", signInTicket: null });
    expect((await db.customerUser.findUniqueOrThrow({ where: { email: "confirm.me@example.test" } })).confirmedAt).not.toBeNull();
    expect(await visitor().checkConfirmationLink({ token })).toBeNull();
    await expect(visitor().confirmEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("invalid or has expired"),
    });
  });

  it("refuses an expired link and leaves the account unconfirmed", async () => {
    const token = await registered("too.late@example.test");
    await db.token.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(visitor().confirmEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.customerUser.findUniqueOrThrow({ where: { email: "too.late@example.test" } })).confirmedAt).toBeNull();
  });

  it("hands back a sign-in ticket when the website signs users in after registration", async () => {
    const token = await registered("sign.me.in@example.test");
    await settings({ signInAfterRegistration: true });
    try {
      const { signInTicket } = await visitor().confirmEmail({ token });
      expect(signInTicket).toEqual(expect.any(String));
      expect(await signInCustomerWithTicket(db, { ticket: signInTicket!, ip: "10.0.0.9", userAgent: null })).toMatchObject({ ok: true });
    } finally {
      await settings({ signInAfterRegistration: false });
    }
  });

  it("refuses a ticket past its few minutes", async () => {
    const token = await registered("slow.clicker@example.test");
    await settings({ signInAfterRegistration: true });
    try {
      const { signInTicket } = await visitor().confirmEmail({ token });
      await db.token.update({ where: { tokenHash: hashToken(signInTicket!) }, data: { expiresAt: new Date(Date.now() - 1) } });
      expect(await signInCustomerWithTicket(db, { ticket: signInTicket!, ip: null, userAgent: null })).toEqual({
        ok: false,
        reason: "invalid",
      });
    } finally {
      await settings({ signInAfterRegistration: false });
    }
  });
});

describe("auth.resendConfirmation", () => {
  it("sends a fresh link to an unconfirmed account and voids the old one", async () => {
    await visitor().register(form("resend.me@example.test"));
    const old = await tokenFromEmail(db, "resend.me@example.test", "confirmation");
    expect(await visitor().resendConfirmation({ email: "Resend.Me@example.test" })).toEqual({ sent: true });
    const fresh = await tokenFromEmail(db, "resend.me@example.test", "confirmation");
    expect(fresh).not.toBe(old);
    await expect(visitor().confirmEmail({ token: old })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(visitor().confirmEmail({ token: fresh })).resolves.toMatchObject({ email: "resend.me@example.test" });
  });

  it("answers the same for unknown and confirmed addresses, and sends them nothing", async () => {
    const before = await db.emailMessage.count();
    expect(await visitor().resendConfirmation({ email: "nobody@nowhere.test" })).toEqual({ sent: true });
    expect(await visitor().resendConfirmation({ email: "bob.buyer@acme.test" })).toEqual({ sent: true });
    expect(await db.emailMessage.count()).toBe(before);
  });

  it("sends at most a few per address and hour, still answering the same", async () => {
    const email = "una.unconfirmed@acme.test";
    for (let i = 0; i < rules.emailSend.limit + 2; i++) expect(await visitor().resendConfirmation({ email })).toEqual({ sent: true });
    expect(await db.emailMessage.count({ where: { toEmail: email, template: "confirmation" } })).toBe(rules.emailSend.limit);
  });
});
