import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";
import { DEMO_PASSWORD } from "../../../seed/demo";
import { accountLockKey, ipLockKey, signInCustomerUser, signInStaffUser } from "../../../services/identity/signIn";
import { addressLockKey, deviceLockKey, passwordCheckKey } from "../../../services/identity/signInLimits";
import { rules } from "../../../services/identity/rateLimit";

let db: PrismaClient;
const attempt = (email: string, password = "wrong-password-1", ip = "10.40.0.1") =>
  signInCustomerUser(db, { email, password, ip, userAgent: "vitest" });

beforeAll(async () => {
  db = await createTestDb();
  await attempt("bob.buyer@acme.test");
  await attempt("bob.buyer@acme.test", DEMO_PASSWORD);
  await attempt("gary.buyer@globex.test");
  await attempt("nobody@nowhere.test");
  await signInStaffUser(db, { email: "viewer@roster.test", password: "wrong-password-1", ip: "10.40.0.2", userAgent: "vitest" });
  for (let i = 0; i < rules.loginAccount.limit; i++) {
    await attempt("eddie.buyer@acme.test", `wrong-${i}`, `10.41.0.${i}`);
    await attempt("gary.buyer@globex.test", `wrong-${i}`, `10.42.0.${i}`);
  }
  await signInCustomerUser(db, {
    email: "amanda.admin@acme.test",
    password: "wrong-password-1",
    ip: "192.168.7.20",
    userAgent: "Mozilla/5.0 (X11; Linux) Firefox/140.0",
  });
  const amanda = await db.customerUser.findUniqueOrThrow({ where: { email: "amanda.admin@acme.test" } });
  await db.loginAttempt.create({
    data: {
      realm: "CUSTOMER",
      result: "SUCCESS",
      source: "OAUTH",
      email: amanda.email,
      customerUserId: amanda.id,
      ip: "192.168.7.21",
      userAgent: "roster-sync/2.1",
    },
  });
  await db.rateLimit.create({
    data: { key: ipLockKey("10.66.0.1"), failures: rules.loginIp.limit, lockedUntil: new Date(Date.now() + 600_000) },
  });
});

describe("admin.loginAttempts.list", () => {
  it("shows every attempt to staff reaching all customers, newest first, page by page", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.admin.loginAttempts.list({ limit: 10, cursor });
      ids.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toHaveLength(await db.loginAttempt.count());
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const first = (await admin.admin.loginAttempts.list({ email: "BOB.BUYER", result: "SUCCESS" })).items;
    expect(first.map((row) => [row.email, row.result, row.realm, row.ip, row.userAgent, row.customerUser?.firstName])).toEqual([
      ["bob.buyer@acme.test", "SUCCESS", "CUSTOMER", "10.40.0.1", "vitest", "Bob"],
    ]);
    expect((await admin.admin.loginAttempts.list({ realm: "STAFF" })).items.map((row) => row.staffUser?.firstName)).toEqual(["Vera"]);
  });

  it("filters by date range", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const today = new Date().toISOString().slice(0, 10);
    const total = await db.loginAttempt.count();
    expect((await admin.admin.loginAttempts.list({ from: today, to: today, limit: 100 })).items).toHaveLength(total);
    expect((await admin.admin.loginAttempts.list({ to: "2020-01-01" })).items).toHaveLength(0);
    await expect(admin.admin.loginAttempts.list({ from: today, to: "2020-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("filters by the user the attempt matched: each word in their name or email, any case; staff too", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const emails = async (user: string) =>
      [...new Set((await admin.admin.loginAttempts.list({ user, limit: 100 })).items.map((row) => row.email))].sort();
    expect(await emails("amanda")).toEqual(["amanda.admin@acme.test"]);
    expect(await emails("BOB buyer")).toEqual(["bob.buyer@acme.test"]);
    expect(await emails("buyer@globex")).toEqual(["gary.buyer@globex.test"]);
    expect(await emails("vera")).toEqual(["viewer@roster.test"]);
    // "nobody@nowhere.test" matched no account, so no user filter finds it.
    expect(await emails("nowhere")).toEqual([]);
    expect(await emails("bob globex")).toEqual([]);
  });

  it("filters by IP address (its start), user agent (contains, any case) and source", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const rows = async (input: Parameters<typeof admin.admin.loginAttempts.list>[0]) =>
      (await admin.admin.loginAttempts.list({ ...input, limit: 100 })).items.map((row) => [row.email, row.ip, row.source]);
    expect(await rows({ ip: "192.168.7.20" })).toEqual([["amanda.admin@acme.test", "192.168.7.20", "PASSWORD"]]);
    expect(await rows({ ip: "192.168.7." })).toEqual([
      ["amanda.admin@acme.test", "192.168.7.21", "OAUTH"],
      ["amanda.admin@acme.test", "192.168.7.20", "PASSWORD"],
    ]);
    expect((await rows({ ip: "10.42.0." })).length).toBe(rules.loginAccount.limit);
    expect(await rows({ userAgent: "firefox" })).toEqual([["amanda.admin@acme.test", "192.168.7.20", "PASSWORD"]]);
    expect(await rows({ source: "OAUTH" })).toEqual([["amanda.admin@acme.test", "192.168.7.21", "OAUTH"]]);
    expect(await rows({ source: "OAUTH", ip: "10." })).toEqual([]);
    await expect(admin.admin.loginAttempts.list({ source: "TELEPATHY" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("counts the attempts the filters match, whatever the page", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    expect(await admin.admin.loginAttempts.count({ ip: "192.168.7." })).toEqual({ value: 2, capped: false });
    const first = await admin.admin.loginAttempts.list({ limit: 1, ip: "192.168.7." });
    expect(await admin.admin.loginAttempts.count({ ip: "192.168.7.", cursor: first.nextCursor! })).toEqual({ value: 2, capped: false });
    const sales = await staffCaller(db, "sales@roster.test");
    expect(await sales.admin.loginAttempts.count({ user: "gary" })).toEqual({ value: 0, capped: false });
    expect((await sales.admin.loginAttempts.count({ user: "bob" })).value).toBe(2);
  });

  it("shows a sales manager only the attempts on users of the customers they represent", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    const emails = new Set((await sales.admin.loginAttempts.list({ limit: 100 })).items.map((row) => row.email));
    expect([...emails].sort()).toEqual(["amanda.admin@acme.test", "bob.buyer@acme.test", "eddie.buyer@acme.test"]);
    // The user filter never reaches past the scope: staff and other customers' users stay hidden.
    expect((await sales.admin.loginAttempts.list({ user: "vera" })).items).toEqual([]);
    expect((await sales.admin.loginAttempts.list({ user: "gary" })).items).toEqual([]);
  });

  it("lists one user's attempts (for the user's page)", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const rows = (await admin.admin.loginAttempts.list({ customerUserId: bob.id })).items;
    expect(rows.map((row) => row.result)).toEqual(["SUCCESS", "BAD_CREDENTIALS"]);
  });
});

describe("admin.loginAttempts.lockouts and clearLockout", () => {
  it("lists the lockouts in force within the staff member's reach", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const all = await admin.admin.loginAttempts.lockouts();
    expect(all.map((lock) => [lock.kind, lock.subject, lock.user?.name ?? null]).sort()).toEqual([
      ["account", "eddie.buyer@acme.test", "Eddie Buyer"],
      ["account", "gary.buyer@globex.test", "Gary Buyer"],
      ["address", "10.66.0.1", null],
    ]);
    const sales = await staffCaller(db, "sales@roster.test");
    expect((await sales.admin.loginAttempts.lockouts()).map((lock) => lock.subject)).toEqual(["eddie.buyer@acme.test"]);
  });

  it("names what each lockout holds back: the account, one address for it, one browser of it, password checks, an address", async () => {
    const held = [
      addressLockKey("customer", "2001:db8::7", "bob.buyer@acme.test"),
      deviceLockKey("customer", "ab".repeat(32), "bob.buyer@acme.test"),
      passwordCheckKey("customer", "bob.buyer@acme.test"),
      addressLockKey("staff", "10.45.0.1", "viewer@roster.test"),
    ];
    for (const key of held) await db.rateLimit.create({ data: { key, failures: 10, lockedUntil: new Date(Date.now() + 600_000) } });
    const admin = await staffCaller(db, "admin@roster.test");
    const locks = (await admin.admin.loginAttempts.lockouts()).filter((lock) => held.includes(lock.key));
    expect(locks.map((lock) => [lock.kind, lock.realm, lock.subject, lock.address, lock.user?.name ?? null]).sort()).toEqual([
      ["address-account", "customer", "bob.buyer@acme.test", "2001:db8::7", "Bob Buyer"],
      ["address-account", "staff", "viewer@roster.test", "10.45.0.1", "Vera Viewer"],
      ["device", "customer", "bob.buyer@acme.test", null, "Bob Buyer"],
      ["password", "customer", "bob.buyer@acme.test", null, "Bob Buyer"],
    ]);
    const sales = await staffCaller(db, "sales@roster.test");
    expect((await sales.admin.loginAttempts.lockouts()).filter((lock) => held.includes(lock.key))).toHaveLength(3);
    for (const key of held) await expect(admin.admin.loginAttempts.clearLockout({ key })).resolves.toEqual({ key });
  });

  it("lets a sales manager clear a represented user's lockout, so they sign in again, and records it", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    expect(await attempt("eddie.buyer@acme.test", DEMO_PASSWORD)).toEqual({ ok: false, reason: "account-held" });
    const key = accountLockKey("customer", "eddie.buyer@acme.test");
    expect(await sales.admin.loginAttempts.clearLockout({ key })).toEqual({ key });
    expect(await attempt("eddie.buyer@acme.test", DEMO_PASSWORD, "10.43.0.1")).toMatchObject({ ok: true });
    const eddie = await db.customerUser.findUniqueOrThrow({ where: { email: "eddie.buyer@acme.test" } });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "loginAttempt.clearLockout", entityId: String(eddie.id) } }),
    ).toMatchObject({
      actorType: "STAFF",
      entityType: "CustomerUser",
      entityId: String(eddie.id),
    });
  });

  it("answers NOT_FOUND for lockouts beyond the sales manager's customers, and for keys that are no lockout", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    const gary = accountLockKey("customer", "gary.buyer@globex.test");
    await expect(sales.admin.loginAttempts.clearLockout({ key: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sales.admin.loginAttempts.clearLockout({ key: ipLockKey("10.66.0.1") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.rateLimit.count({ where: { key: gary } })).toBe(1);
    const admin = await staffCaller(db, "admin@roster.test");
    await expect(admin.admin.loginAttempts.clearLockout({ key: "email:ip:10.0.0.1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.admin.loginAttempts.clearLockout({ key: ipLockKey("10.66.0.1") })).resolves.toEqual({ key: ipLockKey("10.66.0.1") });
  });

  it("is FORBIDDEN to staff without the permissions", async () => {
    const viewer = await staffCaller(db, "viewer@roster.test");
    await expect(viewer.admin.loginAttempts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      viewer.admin.loginAttempts.clearLockout({ key: accountLockKey("customer", "gary.buyer@globex.test") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
