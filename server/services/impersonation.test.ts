import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { loadCustomerPrincipal, type CustomerPrincipal } from "../authz/access";
import { createTestDb } from "../test/db";
import { callerFor, impersonate as impersonateAs, impersonationRequest, staffCaller } from "../test/principals";
import { signInWithImpersonationTicket } from "./impersonation";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const request = impersonationRequest;
const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const impersonate = (staff: string, email: string, reason?: string) => impersonateAs(db, staff, email, reason);

describe("impersonation", () => {
  it("opens a session as the user that knows its staff member and reason, once per ticket, without counting a sign-in", async () => {
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const { ticket, loaded } = await impersonate("admin@roster.test", bob.email);
    expect(loaded).toMatchObject({ realm: "customer", id: bob.id, impersonator: { staffName: "Ada Admin", reason: "Ticket #4411: cannot find an order" } });
    expect(await signInWithImpersonationTicket(db, { ticket, ...request })).toEqual({ ok: false, reason: "invalid" });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: bob.id } });
    expect([after.loginCount, after.lastLoginAt]).toEqual([bob.loginCount, bob.lastLoginAt]);
    const attempt = await db.loginAttempt.findFirstOrThrow({ where: { customerUserId: bob.id }, orderBy: { id: "desc" } });
    expect(attempt).toMatchObject({ source: "IMPERSONATION", result: "SUCCESS", staffUserId: expect.any(Number) });
    const started = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUser.impersonate", entityId: String(bob.id) } });
    expect(started.reason).toBe("Ticket #4411: cannot find an order");
  });

  it("records every change made in the session with both the user and the staff member", async () => {
    const { loaded } = await impersonate("admin@roster.test", "bob.buyer@acme.test");
    const principal = loaded as CustomerPrincipal;
    const created = await callerFor(db, principal).account.addresses.create({ label: "Annex", street: "9 Side St", city: "Springfield", postalCode: "12345", countryCode: "us", isBilling: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUserAddress", entityId: String(created.id) } });
    const ada = await db.staffUser.findUniqueOrThrow({ where: { email: "admin@roster.test" } });
    expect(event).toMatchObject({ actorType: "CUSTOMER_USER", actorCustomerUserId: principal.id, impersonatorStaffId: ada.id });
  });

  it("leaves the user's password, email and API credentials to the user", async () => {
    const principal = (await impersonate("admin@roster.test", "amanda.admin@acme.test")).loaded as CustomerPrincipal;
    const caller = callerFor(db, principal);
    const before = await db.customerUser.findUniqueOrThrow({ where: { id: principal.id } });
    await expect(caller.account.profile.changePassword({ currentPassword: "x", newPassword: "Another-pass-2026" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Only the user themselves") });
    await expect(caller.account.profile.changeEmail({ email: "new.amanda@acme.test", currentPassword: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.account.apiAccess.create({ name: "Script" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: principal.id } });
    expect([after.passwordHash, after.email, await db.oAuthApplication.count({ where: { customerUserId: principal.id } })]).toEqual([before.passwordHash, before.email, 0]);
  });

  it("ends when the staff member ends it, when it expires, and when the staff member is disabled", async () => {
    const ended = await impersonate("admin@roster.test", "walter.west@acme.test");
    const claims = { uid: ended.outcome.ok ? ended.outcome.userId : 0, sv: ended.outcome.ok ? ended.outcome.sessionVersion : 0, imp: ended.outcome.ok ? ended.outcome.impersonationId : 0 };
    await callerFor(db, ended.loaded as CustomerPrincipal).account.impersonation.end();
    expect(await loadCustomerPrincipal(db, claims)).toEqual({ ended: "impersonation-ended" });

    const expiring = await impersonate("admin@roster.test", "gina.globex@globex.test");
    const imp = expiring.outcome.ok ? expiring.outcome.impersonationId! : 0;
    await db.impersonation.update({ where: { id: imp }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadCustomerPrincipal(db, { uid: (expiring.loaded as CustomerPrincipal).id, sv: expiring.outcome.ok ? expiring.outcome.sessionVersion : 0, imp })).toEqual({ ended: "impersonation-ended" });

    const sam = await impersonate("sales@roster.test", "bob.buyer@acme.test");
    await db.staffUser.update({ where: { email: "sales@roster.test" }, data: { enabled: false } });
    const samImp = sam.outcome.ok ? sam.outcome.impersonationId : 0;
    expect(await loadCustomerPrincipal(db, { uid: (sam.loaded as CustomerPrincipal).id, sv: sam.outcome.ok ? sam.outcome.sessionVersion : 0, imp: samImp })).toEqual({ ended: "impersonation-ended" });
    await db.staffUser.update({ where: { email: "sales@roster.test" }, data: { enabled: true } });
  });

  it("is refused for a user outside the staff member's customers, a disabled user and a reason too short, starting nothing", async () => {
    const sam = await staffCaller(db, "sales@roster.test");
    const before = await db.impersonation.count();
    await expect(sam.admin.impersonation.start({ customerUserId: await userId("gina.globex@globex.test"), reason: "Checking an order for them" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sam.admin.impersonation.target({ customerUserId: await userId("gina.globex@globex.test") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ada = await staffCaller(db, "admin@roster.test");
    await expect(ada.admin.impersonation.start({ customerUserId: await userId("carl.disabled@acme.test"), reason: "Checking an order for them" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("disabled") });
    expect(await ada.admin.impersonation.target({ customerUserId: await userId("carl.disabled@acme.test") })).toMatchObject({ blocked: expect.stringContaining("disabled") });
    await expect(ada.admin.impersonation.start({ customerUserId: await userId("bob.buyer@acme.test"), reason: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.impersonation.count()).toBe(before);
  });

  it("refuses a ticket once two minutes have passed", async () => {
    const ada = await staffCaller(db, "admin@roster.test");
    const { ticket, impersonationId } = await ada.admin.impersonation.start({ customerUserId: await userId("bob.buyer@acme.test"), reason: "Checking an order for them" });
    await db.impersonation.update({ where: { id: impersonationId }, data: { startedAt: new Date(Date.now() - 3 * 60_000) } });
    expect(await signInWithImpersonationTicket(db, { ticket, ...request })).toEqual({ ok: false, reason: "invalid" });
  });
});
