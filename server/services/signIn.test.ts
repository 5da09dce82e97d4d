import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { DEMO_PASSWORD } from "../seed/demo";
import { signInCustomerUser, signInStaffUser } from "./signIn";
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
    expect(outcome).toEqual({ ok: true, userId: before.id, sessionVersion: before.sessionVersion });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.loginCount).toBe(before.loginCount + 1);
    expect(after.lastLoginAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const attempt = await db.loginAttempt.findFirstOrThrow({ where: { customerUserId: before.id }, orderBy: { id: "desc" } });
    expect(attempt).toMatchObject({ realm: "CUSTOMER", result: "SUCCESS", email: "bob.buyer@acme.test", ip: "10.0.0.1", userAgent: "vitest" });
  });

  it("answers the same for a wrong password and an unknown email, and records both", async () => {
    const wrong = await signInCustomerUser(db, request("bob.buyer@acme.test", "not-the-password1"));
    const unknown = await signInCustomerUser(db, request("nobody@nowhere.test", "not-the-password1"));
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const attempts = await db.loginAttempt.findMany({ where: { email: { in: ["bob.buyer@acme.test", "nobody@nowhere.test"] }, result: "BAD_CREDENTIALS" } });
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
    expect(await signInStaffUser(db, request(email.replace("bob.buyer@acme.test", "admin@roster.test"), password))).toEqual({ ok: false, reason: "invalid" });
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
    await db.customer.update({ where: { id: (await db.customer.findFirstOrThrow({ where: { name: "Initech" } })).id }, data: { enabled: false } });
    expect(await signInCustomerUser(db, request("ian.initech@initech.test", DEMO_PASSWORD))).toEqual({ ok: false, reason: "customer-disabled" });
  });

  it("reveals nothing about a disabled account to someone without its password", async () => {
    expect(await signInCustomerUser(db, request("carl.disabled@acme.test", "guess-guess-1"))).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, even for the right password, until the lock passes", async () => {
    const email = "wendy.buyer@acme.test";
    const outcomes = [];
    for (let i = 0; i < rules.loginAccount.limit; i++) outcomes.push(await signInCustomerUser(db, request(email, `wrong-${i}-password`, `10.1.0.${i}`)));
    expect(outcomes.slice(0, -1).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: "locked" });
    expect(await signInCustomerUser(db, request(email, DEMO_PASSWORD, "10.2.0.1"))).toEqual({ ok: false, reason: "locked" });
    expect(await db.loginAttempt.count({ where: { email, result: "LOCKED_OUT" } })).toBe(1);

    await db.rateLimit.updateMany({ where: { key: { contains: email } }, data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3_600_000) } });
    expect(await signInCustomerUser(db, request(email, DEMO_PASSWORD, "10.2.0.1"))).toMatchObject({ ok: true });
  });

  it("locks unknown emails the same way, so a lockout tells nothing about existence", async () => {
    const email = "ghost@nowhere.test";
    let last;
    for (let i = 0; i < rules.loginAccount.limit; i++) last = await signInCustomerUser(db, request(email, "whatever-123", `10.3.0.${i}`));
    expect(last).toEqual({ ok: false, reason: "locked" });
  });
});

describe("the per-address lock", () => {
  it("locks an address that fails across many emails, for every account and both realms, and no other address", async () => {
    const ip = "10.60.0.1";
    // Known accounts and unknown emails alike, none failing often enough to lock its own account.
    const emails = ["gary.buyer@globex.test", "lara.logistics@acme.test", ...Array.from({ length: rules.loginIp.limit - 2 }, (_, i) => `spray-${i}@nowhere.test`)];
    const outcomes = [];
    for (const email of emails) outcomes.push(await signInCustomerUser(db, request(email, "sprayed-password-1", ip)));
    expect(outcomes.slice(0, -1).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: "locked" });
    expect(await db.rateLimit.count({ where: { key: { startsWith: "login:customer:" }, lockedUntil: { gt: new Date() }, OR: emails.map((email) => ({ key: { endsWith: email } })) } })).toBe(0);

    // From that address even the right password is refused, in either realm, and recorded as a lockout.
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "locked" });
    expect(await signInStaffUser(db, request("admin@roster.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "locked" });
    expect(await db.loginAttempt.count({ where: { ip, result: "LOCKED_OUT" } })).toBe(2);

    // The same people from another address sign in, and that does not lift the address's lock.
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, "10.60.0.2"))).toMatchObject({ ok: true });
    expect(await signInCustomerUser(db, request("gary.buyer@globex.test", DEMO_PASSWORD, "10.60.0.2"))).toMatchObject({ ok: true });
    expect(await signInCustomerUser(db, request("bob.buyer@acme.test", DEMO_PASSWORD, ip))).toEqual({ ok: false, reason: "locked" });

    await db.rateLimit.updateMany({ where: { key: `login:ip:${ip}` }, data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3_600_000) } });
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
