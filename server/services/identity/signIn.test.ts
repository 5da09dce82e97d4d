import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { DEMO_PASSWORD } from "../../seed/demo";
import { signInCustomerUser, signInCustomerWithTicket, signInStaffUser } from "./signIn";
import { callerFor, customerCaller } from "../../test/principals";
import { lastEmail } from "../../test/mail";
import { rules } from "./rateLimit";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const request = (email: string, password: string, ip = "10.0.0.1") => ({ email, password, ip, userAgent: "vitest" });

describe("customer sign-in", () => {
  it("succeeds with the right password, records the attempt and the login statistics", async () => {
    const before = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const outcome = await signInCustomerUser(db, request("  Bob.Buyer@ACME.test ", DEMO_PASSWORD));
    expect(outcome).toEqual({ ok: true, userId: before.id, sessionVersion: before.sessionVersion, sessionId: expect.any(Number) });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.loginCount).toBe(before.loginCount + 1);
    expect(after.lastLoginAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const attempt = await db.loginAttempt.findFirstOrThrow({ where: { customerUserId: before.id }, orderBy: { id: "desc" } });
    expect(attempt).toMatchObject({
      realm: "CUSTOMER",
      result: "SUCCESS",
      email: "bob.buyer@acme.test",
      ip: "10.0.0.1",
      userAgent: "vitest",
    });
  });

  it("answers the same for a wrong password and an unknown email, and records both", async () => {
    const wrong = await signInCustomerUser(db, request("bob.buyer@acme.test", "not-the-password1"));
    const unknown = await signInCustomerUser(db, request("nobody@nowhere.test", "not-the-password1"));
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const attempts = await db.loginAttempt.findMany({
      where: { email: { in: ["bob.buyer@acme.test", "nobody@nowhere.test"] }, result: "BAD_CREDENTIALS" },
    });
    expect(attempts.map((a) => [a.email, a.customerUserId !== null]).sort()).toEqual([
      ["bob.buyer@acme.test", true],
      ["nobody@nowhere.test", false],
    ]);
  });

  it.each([
    ["a NUL byte in the email", "bob.buyer@acme.test\u0000", DEMO_PASSWORD],
    ["a NUL byte in the password", "bob.buyer@acme.test", `${DEMO_PASSWORD}\u0000`],
    ["a broken character", "bob.buyer\uD800@acme.test", DEMO_PASSWORD],
  ])("answers %s as a wrong password, in both realms (no database error)", async (_what, email, password) => {
    expect(await signInCustomerUser(db, request(email, password))).toEqual({ ok: false, reason: "invalid" });
    expect(await signInStaffUser(db, request(email.replace("bob.buyer@acme.test", "admin@roster.test"), password))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it.each([
    ["carl.disabled@acme.test", "disabled", "DISABLED"],
    ["una.unconfirmed@acme.test", "unconfirmed", "UNCONFIRMED"],
  ] as const)("refuses %s with the right password (%s)", async (email, reason, result) => {
    expect(await signInCustomerUser(db, request(email, DEMO_PASSWORD))).toEqual({ ok: false, reason });
    expect(await db.loginAttempt.count({ where: { email, result } })).toBe(1);
  });

  it("refuses a user whose password was force-reset, and the users of a disabled customer", async () => {
    await db.customerUser.update({ where: { email: "eddie.buyer@acme.test" }, data: { authStatus: "RESET" } });
    expect(await signInCustomerUser(db, request("eddie.buyer@acme.test", DEMO_PASSWORD))).toEqual({ ok: false, reason: "password-reset" });
    await db.customer.update({
      where: { id: (await db.customer.findFirstOrThrow({ where: { name: "Initech" } })).id },
      data: { enabled: false },
    });
    expect(await signInCustomerUser(db, request("ian.initech@initech.test", DEMO_PASSWORD))).toEqual({
      ok: false,
      reason: "customer-disabled",
    });
  });

  it("reveals nothing about a disabled account to someone without its password", async () => {
    expect(await signInCustomerUser(db, request("carl.disabled@acme.test", "guess-guess-1"))).toEqual({ ok: false, reason: "invalid" });
  });
});

/** A browser: its device cookie (server/auth/device.ts) and the address it signs in from. */
const from = (ip: string, device: string | null = null) => ({ ip, device });
const signInAs = (email: string, password: string, where: { ip: string; device: string | null }) =>
  signInCustomerUser(db, { email, password, userAgent: "vitest", ...where });
async function failTimes(times: number, email: string, where: (i: number) => { ip: string; device: string | null }) {
  const outcomes = [];
  for (let i = 0; i < times; i++) outcomes.push(await signInAs(email, `wrong-${i}-password`, where(i)));
  return outcomes;
}
const reasons = (outcomes: { ok: boolean; reason?: string }[]) => [...new Set(outcomes.map((o) => (o.ok ? "ok" : o.reason)))];

describe("failed passwords hold back where they come from, never the owner", () => {
  it("hold an address that fails on an account, for that account: the owner elsewhere signs in", async () => {
    const email = "wendy.buyer@acme.test";
    const attacker = from("10.1.0.1");
    const outcomes = await failTimes(rules.loginAddress.limit, email, () => attacker);
    expect(reasons(outcomes.slice(0, -1))).toEqual(["invalid"]);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: "address-held" });
    // Held even for the right password, and recorded as a lockout; other accounts from there are not held.
    expect(await signInAs(email, DEMO_PASSWORD, attacker)).toEqual({ ok: false, reason: "address-held" });
    expect(await db.loginAttempt.count({ where: { email, result: "LOCKED_OUT" } })).toBe(1);
    expect(await signInAs("bob.buyer@acme.test", DEMO_PASSWORD, attacker)).toMatchObject({ ok: true });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.2.0.1"))).toMatchObject({ ok: true });
  });

  it("let a browser that signed in before through an address hold, and hold that browser alone when it fails", async () => {
    const email = "lara.logistics@acme.test";
    const office = "10.4.0.1";
    expect(await signInAs(email, DEMO_PASSWORD, from(office, "lara-laptop"))).toMatchObject({ ok: true });
    await failTimes(rules.loginAddress.limit, email, () => from(office, "intruder-browser"));
    expect(await signInAs(email, DEMO_PASSWORD, from(office, "intruder-browser"))).toEqual({ ok: false, reason: "address-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from(office))).toEqual({ ok: false, reason: "address-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from(office, "lara-laptop"))).toMatchObject({ ok: true });

    // A known browser's own failures count for it alone (someone at Lara's desk): then it waits like any other.
    const desk = await failTimes(rules.loginDevice.limit, email, () => from("10.4.0.2", "lara-laptop"));
    expect(desk.at(-1)).toEqual({ ok: false, reason: "device-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.4.0.2", "lara-laptop"))).toEqual({ ok: false, reason: "device-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.4.0.3"))).toMatchObject({ ok: true });
  });

  it("hold the account for new browsers when guessing comes from many addresses; known browsers still get in", async () => {
    const email = "dana.department@acme.test";
    expect(await signInAs(email, DEMO_PASSWORD, from("10.5.0.1", "dana-phone"))).toMatchObject({ ok: true });
    const spread = await failTimes(rules.loginAccount.limit, email, (i) => from(`10.6.${i}.1`));
    expect(reasons(spread.slice(0, -1))).toEqual(["invalid"]);
    expect(spread.at(-1)).toEqual({ ok: false, reason: "account-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.7.0.1", "new-browser"))).toEqual({ ok: false, reason: "account-held" });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.7.0.2", "dana-phone"))).toMatchObject({ ok: true });
    // A device cookie known to another account is no key to this one.
    expect(await signInAs(email, DEMO_PASSWORD, from("10.7.0.3", "lara-laptop"))).toEqual({ ok: false, reason: "account-held" });

    await db.rateLimit.updateMany({
      where: { key: { contains: email } },
      data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3_600_000) },
    });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.7.0.1", "new-browser"))).toMatchObject({ ok: true });
  });

  it("treat emails without an account the same, so a hold tells nothing about existence", async () => {
    const email = "ghost@nowhere.test";
    expect((await failTimes(rules.loginAddress.limit, email, () => from("10.3.0.1", "ghost-browser"))).at(-1)).toEqual({
      ok: false,
      reason: "address-held",
    });
    expect((await failTimes(rules.loginAccount.limit, email, (i) => from(`10.3.${i + 1}.1`))).at(-1)).toEqual({
      ok: false,
      reason: "account-held",
    });
  });

  it("are never counted by a signed-in user's wrong current password", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    for (let i = 0; i < rules.passwordCheck.limit; i++) {
      await expect(
        gina.account.profile.changePassword({ currentPassword: `wrong-${i}-password`, newPassword: "Gina-new-pass-2026" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      gina.account.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "Gina-new-pass-2026" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await signInAs("gina.globex@globex.test", DEMO_PASSWORD, from("10.8.0.1"))).toMatchObject({ ok: true });
  });
});

describe("a sign-in link by email", () => {
  it("gets the owner in from a new browser while the account is held, and makes that browser known", async () => {
    const email = "walter.west@acme.test";
    await failTimes(rules.loginAccount.limit, email, (i) => from(`10.9.${i}.1`));
    expect(await signInAs(email, DEMO_PASSWORD, from("10.9.200.1", "hotel-pc"))).toEqual({ ok: false, reason: "account-held" });

    await callerFor(db, null, { ip: "10.9.200.1" }).auth.requestSignInLink({ email });
    const email_ = await lastEmail(db, email, "signInLink");
    expect(email_).toMatchObject({ subject: "Your sign-in link", customerUserId: expect.any(Number) });
    const ticket = email_!.secret!;
    expect(await callerFor(db, null).auth.checkSignInLink({ token: ticket })).toEqual({ email });
    const outcome = await signInCustomerWithTicket(db, { ticket, ip: "10.9.200.1", userAgent: "vitest", device: "hotel-pc" });
    expect(outcome).toMatchObject({ ok: true });
    expect(await signInCustomerWithTicket(db, { ticket, ip: "10.9.200.1", userAgent: "vitest", device: "hotel-pc" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signInAs(email, DEMO_PASSWORD, from("10.9.200.1", "hotel-pc"))).toMatchObject({ ok: true });
  });

  it("is sent only to accounts that may sign in, with the same answer for every address", async () => {
    for (const email of ["carl.disabled@acme.test", "una.unconfirmed@acme.test", "nobody@nowhere.test"]) {
      expect(await callerFor(db, null, { ip: "10.9.201.1" }).auth.requestSignInLink({ email })).toEqual({ sent: true });
      expect(await lastEmail(db, email, "signInLink")).toBeNull();
    }
  });
});

describe("the per-address lock", () => {
  it("locks an address that fails across many emails, for every account and both realms, and no other address", async () => {
    const ip = "10.60.0.1";
    // Known accounts and unknown emails alike, none failing often enough to lock its own account.
    const emails = [
      "gary.buyer@globex.test",
      "lara.logistics@acme.test",
      ...Array.from({ length: rules.loginIp.limit - 2 }, (_, i) => `spray-${i}@nowhere.test`),
    ];
    const outcomes = [];
    for (const email of emails) outcomes.push(await signInCustomerUser(db, request(email, "sprayed-password-1", ip)));
    expect(outcomes.slice(0, -1).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: "address-held" });
    expect(
      await db.rateLimit.count({
        where: {
          key: { startsWith: "login:customer:" },
          lockedUntil: { gt: new Date() },
          OR: emails.map((email) => ({ key: { endsWith: email } })),
        },
      }),
    ).toBe(0);

    // From that address even the right password is refused, in either realm, and recorded as a lockout.
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "address-held" });
    expect(await signInStaffUser(db, request("admin@roster.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "address-held" });
    expect(await db.loginAttempt.count({ where: { ip, result: "LOCKED_OUT" } })).toBe(2);

    // The same people from another address sign in, and that does not lift the address's lock.
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, "10.60.0.2"))).toMatchObject({ ok: true });
    expect(await signInCustomerUser(db, request("gary.buyer@globex.test", DEMO_PASSWORD, "10.60.0.2"))).toMatchObject({ ok: true });
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "address-held" });

    await db.rateLimit.updateMany({
      where: { key: `login:ip:${ip}` },
      data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3_600_000) },
    });
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, ip))).toMatchObject({ ok: true });
  });
});

describe("staff sign-in", () => {
  it("signs staff in and refuses disabled staff", async () => {
    expect(await signInStaffUser(db, request("admin@roster.test", DEMO_PASSWORD))).toMatchObject({ ok: true });
    await db.staffUser.update({ where: { email: "viewer@roster.test" }, data: { enabled: false } });
    expect(await signInStaffUser(db, request("viewer@roster.test", DEMO_PASSWORD))).toEqual({ ok: false, reason: "disabled" });
    expect(await db.loginAttempt.count({ where: { realm: "STAFF", email: "viewer@roster.test", result: "DISABLED" } })).toBe(1);
  });

  it("does not accept a customer user's credentials", async () => {
    expect(await signInStaffUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD))).toEqual({ ok: false, reason: "invalid" });
  });
});
