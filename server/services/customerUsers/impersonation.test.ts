import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadCustomerPrincipal, type CustomerPrincipal } from "../../authz/access";
import { createTestDb } from "../../test/db";
import { callerFor, customerPrincipal, impersonate as impersonateAs, impersonationRequest, staffCaller } from "../../test/principals";
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
    expect(loaded).toMatchObject({
      realm: "customer",
      id: bob.id,
      impersonator: { staffName: "Ada Admin", reason: "Ticket #4411: cannot find an order" },
    });
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
    const created = await callerFor(db, principal).account.addresses.create({
      label: "Annex",
      street: "9 Side St",
      city: "Springfield",
      postalCode: "12345",
      countryCode: "us",
      isBilling: true,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUserAddress", entityId: String(created.id) } });
    const ada = await db.staffUser.findUniqueOrThrow({ where: { email: "admin@roster.test" } });
    expect(event).toMatchObject({ actorType: "CUSTOMER_USER", actorCustomerUserId: principal.id, impersonatorStaffId: ada.id });
  });

  it("leaves the user's password, email and API credentials to the user", async () => {
    const principal = (await impersonate("admin@roster.test", "amanda.admin@acme.test")).loaded as CustomerPrincipal;
    const caller = callerFor(db, principal);
    const before = await db.customerUser.findUniqueOrThrow({ where: { id: principal.id } });
    await expect(caller.account.profile.changePassword({ currentPassword: "x", newPassword: "Another-pass-2026" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Only the user themselves"),
    });
    await expect(caller.account.profile.changeEmail({ email: "new.amanda@acme.test", currentPassword: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.account.apiAccess.create({ name: "Script" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: principal.id } });
    expect([after.passwordHash, after.email, await db.oAuthApplication.count({ where: { customerUserId: principal.id } })]).toEqual([
      before.passwordHash,
      before.email,
      0,
    ]);
  });

  it("ends when the staff member ends it, when it expires, and when the staff member is disabled", async () => {
    const ended = await impersonate("admin@roster.test", "walter.west@acme.test");
    const claims = {
      uid: ended.outcome.ok ? ended.outcome.userId : 0,
      sv: ended.outcome.ok ? ended.outcome.sessionVersion : 0,
      imp: ended.outcome.ok ? ended.outcome.impersonationId : 0,
    };
    await callerFor(db, ended.loaded as CustomerPrincipal).account.impersonation.end();
    expect(await loadCustomerPrincipal(db, claims)).toEqual({ ended: "impersonation-ended" });

    const expiring = await impersonate("admin@roster.test", "gina.globex@globex.test");
    const imp = expiring.outcome.ok ? expiring.outcome.impersonationId! : 0;
    await db.impersonation.update({ where: { id: imp }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      await loadCustomerPrincipal(db, {
        uid: (expiring.loaded as CustomerPrincipal).id,
        sv: expiring.outcome.ok ? expiring.outcome.sessionVersion : 0,
        imp,
      }),
    ).toEqual({ ended: "impersonation-ended" });

    const sam = await impersonate("sales@roster.test", "bob.buyer@acme.test");
    await db.staffUser.update({ where: { email: "sales@roster.test" }, data: { enabled: false } });
    const samImp = sam.outcome.ok ? sam.outcome.impersonationId : 0;
    expect(
      await loadCustomerPrincipal(db, {
        uid: (sam.loaded as CustomerPrincipal).id,
        sv: sam.outcome.ok ? sam.outcome.sessionVersion : 0,
        imp: samImp,
      }),
    ).toEqual({ ended: "impersonation-ended" });
    await db.staffUser.update({ where: { email: "sales@roster.test" }, data: { enabled: true } });
  });

  it("is refused for a user outside the staff member's customers, a disabled user and a reason too short, starting nothing", async () => {
    const sam = await staffCaller(db, "sales@roster.test");
    const before = await db.impersonation.count();
    await expect(
      sam.admin.impersonation.start({ customerUserId: await userId("gina.globex@globex.test"), reason: "Checking an order for them" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sam.admin.impersonation.target({ customerUserId: await userId("gina.globex@globex.test") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const ada = await staffCaller(db, "admin@roster.test");
    await expect(
      ada.admin.impersonation.start({ customerUserId: await userId("carl.disabled@acme.test"), reason: "Checking an order for them" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("disabled") });
    expect(await ada.admin.impersonation.target({ customerUserId: await userId("carl.disabled@acme.test") })).toMatchObject({
      blocked: expect.stringContaining("disabled"),
    });
    await expect(
      ada.admin.impersonation.start({ customerUserId: await userId("bob.buyer@acme.test"), reason: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.impersonation.count()).toBe(before);
  });

  it("refuses a ticket once two minutes have passed", async () => {
    const ada = await staffCaller(db, "admin@roster.test");
    const { ticket, impersonationId } = await ada.admin.impersonation.start({
      customerUserId: await userId("bob.buyer@acme.test"),
      reason: "Checking an order for them",
    });
    await db.impersonation.update({ where: { id: impersonationId }, data: { startedAt: new Date(Date.now() - 3 * 60_000) } });
    expect(await signInWithImpersonationTicket(db, { ticket, ...request })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("the reach while signed in as a user", () => {
  const west = ["walter.west@acme.test", "wendy.buyer@acme.test", "lara.logistics@acme.test"];
  const emailsOf = (rows: { email: string }[]) => rows.map((row) => row.email);

  it("is the intersection of the user's and the staff member's: sam as Amanda never reaches Acme West", async () => {
    const principal = (await impersonate("sales@roster.test", "amanda.admin@acme.test")).loaded as CustomerPrincipal;
    const asAmanda = callerFor(db, principal);
    const walter = await db.customerUser.findUniqueOrThrow({ where: { email: "walter.west@acme.test" } });
    const westOrder = await db.order.findFirstOrThrow({ where: { customerUserId: walter.id } });
    const wendy = await userId("wendy.buyer@acme.test");
    const buyer = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id;
    const administrator = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } })).id;
    const acmeWest = (await db.customer.findFirstOrThrow({ where: { name: "Acme West" } })).id;

    const listed = emailsOf((await asAmanda.account.users.list({ limit: 100 })).items);
    expect(listed).toEqual(expect.arrayContaining(["bob.buyer@acme.test", "erin.east@acme.test"]));
    for (const email of west) expect(listed).not.toContain(email);
    const choices = (await asAmanda.account.users.customerChoices({ purpose: "create" })).map((c) => c.name);
    expect(choices.sort()).toEqual(["Acme East", "Acme Holding"]);
    expect((await asAmanda.account.roles.customerOptions({})).map((c) => c.name).sort()).toEqual(["Acme East", "Acme Holding"]);
    expect((await asAmanda.account.orders.list({ limit: 100 })).items.map((o) => o.id)).not.toContain(westOrder.id);
    expect((await asAmanda.account.companyAddresses.list()).map((a) => a.label)).not.toContain("Warehouse");

    const refusals: [string, () => Promise<unknown>][] = [
      ["users.get", () => asAmanda.account.users.get({ id: walter.id })],
      ["users.setEnabled", () => asAmanda.account.users.setEnabled({ id: walter.id, enabled: false })],
      [
        "users.massSetEnabled",
        async () => expect((await asAmanda.account.users.massSetEnabled({ ids: [walter.id], enabled: false })).done).toEqual([]),
      ],
      ["orders.get", () => asAmanda.account.orders.get({ id: westOrder.id })],
      ["roles.addUsers", () => asAmanda.account.roles.addUsers({ roleId: administrator, userIds: [wendy] })],
      [
        "invitations.create",
        () => asAmanda.account.invitations.create({ email: "new.west@acme.test", customerId: acmeWest, roleIds: [buyer] }),
      ],
      [
        "users.create",
        () =>
          asAmanda.account.users.create({
            enabled: true,
            firstName: "New",
            lastName: "West",
            email: "new.west@acme.test",
            customerId: acmeWest,
            websiteId: null,
            localizationId: null,
            roleIds: [buyer],
            generatePassword: true,
            sendWelcomeEmail: false,
            addresses: [],
          }),
      ],
    ];
    for (const [name, attempt] of refusals) {
      const outcome = await attempt().then(
        () => "OK",
        (error: { code?: string }) => error.code,
      );
      expect([name, outcome]).toEqual([name, name === "users.massSetEnabled" ? "OK" : "NOT_FOUND"]);
    }
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: walter.id } })).enabled).toBe(true);
    expect(await db.customerUserRoleAssignment.count({ where: { customerUserId: wendy, roleId: administrator } })).toBe(0);

    // The company audit log too: a change at Acme West stays out of it.
    await (await staffCaller(db, "admin@roster.test")).admin.customerUsers.setEnabled({ id: wendy, enabled: false });
    expect((await asAmanda.account.audit.list({ limit: 100 })).items.map((e) => e.entityId)).not.toContain(String(wendy));
    expect(
      (await callerFor(db, await customerPrincipal(db, "amanda.admin@acme.test")).account.audit.list({ limit: 100 })).items.map(
        (e) => e.entityId,
      ),
    ).toContain(String(wendy));
  });

  it("is the user's own for a staff member who reaches every customer", async () => {
    const principal = (await impersonate("admin@roster.test", "amanda.admin@acme.test")).loaded as CustomerPrincipal;
    const listed = emailsOf((await callerFor(db, principal).account.users.list({ limit: 100 })).items);
    for (const email of west) expect(listed).toContain(email);
  });

  it("ends the session once the staff member no longer reaches the user", async () => {
    const sam = await impersonate("sales@roster.test", "bob.buyer@acme.test");
    if (!sam.outcome.ok) throw new Error("not signed in");
    const claims = { uid: sam.outcome.userId, sv: sam.outcome.sessionVersion, imp: sam.outcome.impersonationId };
    const holding = await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } });
    const samId = (await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } })).id;
    await db.customerSalesRep.delete({ where: { customerId_staffUserId: { customerId: holding.id, staffUserId: samId } } });
    expect(await loadCustomerPrincipal(db, claims)).toEqual({ ended: "impersonation-ended" });
    await db.customerSalesRep.create({ data: { customerId: holding.id, staffUserId: samId } });
    expect(await loadCustomerPrincipal(db, claims)).toMatchObject({ realm: "customer", impersonator: { reach: "REPRESENTED" } });
  });
});
