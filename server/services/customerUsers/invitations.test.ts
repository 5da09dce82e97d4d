import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { callerFor, customerCaller, customerPrincipal } from "../../test/principals";
import { hashToken } from "../identity/tokens";
import { signInCustomerUser } from "../identity/signIn";

let db: PrismaClient;
let roles: { admin: number; buyer: number };
let consents: { privacy: number; newsletter: number };
beforeAll(async () => {
  db = await createTestDb();
  consents = {
    privacy: (await db.consent.findFirstOrThrow({ where: { title: "Privacy policy" } })).id,
    newsletter: (await db.consent.findFirstOrThrow({ where: { title: "Newsletter" } })).id,
  };
  roles = {
    admin: (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } })).id,
    buyer: (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id,
  };
});
const customer = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;

/** The raw token of the newest invitation email to `to`, as the recipient would click it. */
async function linkTokenFor(to: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: to, template: "invitation" }, orderBy: { id: "desc" } });
  return message.secret!;
}

describe("invitations", () => {
  it("invites a colleague with roles, emails a single-use link and lists it as pending", async () => {
    const walter = await customerCaller(db, "walter.west@acme.test");
    const invited = await walter.account.invitations.create({
      email: "New.Hire@Acme.test",
      customerId: await customer("Acme West Logistics"),
      roleIds: [roles.buyer],
    });
    expect(invited.status).toBe("PENDING");
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row.email).toBe("new.hire@acme.test");
    const raw = await linkTokenFor("new.hire@acme.test");
    expect(row.tokenHash).toBe(hashToken(raw));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const list = await walter.account.invitations.list({});
    expect(list.items[0]).toMatchObject({ email: "new.hire@acme.test", status: "PENDING", roles: [{ label: "Buyer" }] });
  });

  it("refuses customers outside the actor's reach, unusable roles, existing accounts and duplicates", async () => {
    const walter = await customerCaller(db, "walter.west@acme.test");
    await expect(
      walter.account.invitations.create({ email: "a@x.test", customerId: await customer("Acme Holding"), roleIds: [roles.buyer] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const globexRole = await db.customerUserRole.create({
      data: { code: "ROLE_GLOBEX_ONLY", label: "Globex only", customerId: await customer("Globex Industries") },
    });
    await expect(
      walter.account.invitations.create({ email: "a@x.test", customerId: await customer("Acme West"), roleIds: [globexRole.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      walter.account.invitations.create({
        email: "wendy.buyer@acme.test",
        customerId: await customer("Acme West"),
        roleIds: [roles.buyer],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await walter.account.invitations.create({ email: "twice@acme.test", customerId: await customer("Acme West"), roleIds: [roles.buyer] });
    await expect(
      walter.account.invitations.create({ email: "twice@acme.test", customerId: await customer("Acme West"), roleIds: [roles.buyer] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never hands out more than the inviter holds", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const department = { ...amanda, grants: new Map([...amanda.grants].map(([k, v]) => [k, v === "SUBTREE" ? ("CUSTOMER" as const) : v])) };
    const error = await callerFor(db, department)
      .account.invitations.create({ email: "boss@acme.test", customerId: amanda.customerId, roleIds: [roles.admin] })
      .catch((e) => e);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain('"View customer user" at Corporate (you hold Department)');
    expect(await db.invitation.count({ where: { email: "boss@acme.test" } })).toBe(0);
  });

  it("asks for the consents registration asks for, and records the ones given", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    await gina.account.invitations.create({
      email: "consenting@globex.test",
      customerId: await customer("Globex Industries"),
      roleIds: [roles.buyer],
    });
    const token = await linkTokenFor("consenting@globex.test");
    const anonymous = callerFor(db, null);
    expect((await anonymous.invitations.peek({ token }))?.consents.map((c) => [c.title, c.mandatory])).toEqual([
      ["Privacy policy", true],
      ["Newsletter", false],
    ]);
    const accept = (consentIds: number[]) =>
      anonymous.invitations.accept({ token, firstName: "Con", lastName: "Senting", password: "first-password-1", consentIds });

    for (const refused of [[], [consents.newsletter], [consents.privacy, 987_654]]) {
      const error = await accept(refused).catch((e) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(error.cause.fieldErrors.consentIds).toHaveLength(1);
    }
    expect(await db.customerUser.count({ where: { email: "consenting@globex.test" } })).toBe(0);
    expect(await anonymous.invitations.peek({ token })).not.toBeNull();

    const user = await accept([consents.privacy, consents.newsletter, consents.privacy]);
    const accepted = await db.consentAcceptance.findMany({
      where: { customerUserId: user.id },
      select: { consentId: true, withdrawnAt: true },
    });
    expect(accepted.map((a) => a.consentId).sort()).toEqual([consents.privacy, consents.newsletter].sort());
    expect(accepted.every((a) => a.withdrawnAt === null)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.accept", entityId: String(user.id) } });
    expect(audit.after).toMatchObject({ consentIds: [consents.privacy, consents.newsletter, consents.privacy] });
  });

  it("is accepted once: the account is created for the invited address, enabled and confirmed, with the roles", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    await gina.account.invitations.create({
      email: "joiner@globex.test",
      customerId: await customer("Globex Industries"),
      roleIds: [roles.buyer],
    });
    const token = await linkTokenFor("joiner@globex.test");
    const anonymous = callerFor(db, null);
    expect(await anonymous.invitations.peek({ token })).toMatchObject({ email: "joiner@globex.test", companyName: "Globex Industries" });
    const user = await anonymous.invitations.accept({
      token,
      firstName: "Jo",
      lastName: "Iner",
      password: "first-password-1",
      consentIds: [consents.privacy],
    });
    expect(user).toMatchObject({ email: "joiner@globex.test", enabled: true });
    const created = await db.customerUser.findUniqueOrThrow({ where: { id: user.id }, include: { roles: true } });
    expect(created.confirmedAt).not.toBeNull();
    expect(created.roles.map((r) => r.roleId)).toEqual([roles.buyer]);
    expect(
      await signInCustomerUser(db, { email: "joiner@globex.test", password: "first-password-1", ip: null, userAgent: null }),
    ).toMatchObject({ ok: true });

    await expect(
      anonymous.invitations.accept({
        token,
        firstName: "Jo",
        lastName: "Again",
        password: "first-password-1",
        consentIds: [consents.privacy],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await anonymous.invitations.peek({ token })).toBeNull();
    expect((await gina.account.invitations.list({ status: "ACCEPTED" })).items.map((i) => i.email)).toContain("joiner@globex.test");
  });

  it("stops working when revoked, expired or resent (the new link replaces the old)", async () => {
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const anonymous = callerFor(db, null);
    const accept = (token: string) =>
      anonymous.invitations.accept({ token, firstName: "A", lastName: "B", password: "first-password-1", consentIds: [consents.privacy] });

    const revoked = await gina.account.invitations.create({
      email: "revoked@globex.test",
      customerId: await customer("Globex Industries"),
      roleIds: [roles.buyer],
    });
    const revokedToken = await linkTokenFor("revoked@globex.test");
    await gina.account.invitations.revoke({ id: revoked.id });
    await expect(accept(revokedToken)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(gina.account.invitations.resend({ id: revoked.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const expired = await gina.account.invitations.create({
      email: "late@globex.test",
      customerId: await customer("Globex Industries"),
      roleIds: [roles.buyer],
    });
    const lateToken = await linkTokenFor("late@globex.test");
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(accept(lateToken)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await gina.account.invitations.list({ status: "EXPIRED" })).items.map((i) => i.id)).toContain(expired.id);

    await gina.account.invitations.resend({ id: expired.id });
    const freshToken = await linkTokenFor("late@globex.test");
    expect(freshToken).not.toBe(lateToken);
    await expect(accept(lateToken)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(accept(freshToken)).resolves.toMatchObject({ email: "late@globex.test" });
  });

  it("keeps other companies' invitations out of reach", async () => {
    const walter = await customerCaller(db, "walter.west@acme.test");
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const theirs = await gina.account.invitations.create({
      email: "private@globex.test",
      customerId: await customer("Globex Industries"),
      roleIds: [roles.buyer],
    });
    await expect(walter.account.invitations.revoke({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(walter.account.invitations.resend({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await walter.account.invitations.list({ limit: 100 })).items.map((i) => i.email)).not.toContain("private@globex.test");
  });
});

describe("invitations: what they hand out, where and for how long", () => {
  it("lasts as long as the inviter's website says, and the accepted account belongs to that website", async () => {
    const walter = await customerPrincipal(db, "walter.west@acme.test");
    await db.websiteSettings.update({ where: { websiteId: walter.websiteId! }, data: { invitationTtlHours: 48 } });
    const invited = await callerFor(db, walter).account.invitations.create({
      email: "two.days@acme.test",
      customerId: walter.customerId,
      roleIds: [roles.buyer],
    });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row.websiteId).toBe(walter.websiteId);
    const hours = (row.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    await db.websiteSettings.update({ where: { websiteId: walter.websiteId! }, data: { invitationTtlHours: 168 } });
    const user = await callerFor(db, null).invitations.accept({
      token: await linkTokenFor("two.days@acme.test"),
      firstName: "Two",
      lastName: "Days",
      password: "first-password-1",
      consentIds: [consents.privacy],
    });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: user.id } })).websiteId).toBe(walter.websiteId);
  });

  it("needs the right to assign roles to the customer's users", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const noAssign = { ...amanda, grants: new Map([...amanda.grants].filter(([key]) => key !== "customerUserRole.assign")) };
    const error = await callerFor(db, noAssign)
      .account.invitations.create({ email: "unassigned@acme.test", customerId: amanda.customerId, roleIds: [roles.buyer] })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Your roles do not let you assign roles to this customer's users." });
    expect(await db.invitation.count({ where: { email: "unassigned@acme.test" } })).toBe(0);
  });

  it("is sent again only by someone who could hand out its roles themselves", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    const invited = await callerFor(db, amanda).account.invitations.create({
      email: "future.admin@acme.test",
      customerId: amanda.customerId,
      roleIds: [roles.admin],
    });
    const department = { ...amanda, grants: new Map([...amanda.grants].map(([k, v]) => [k, v === "SUBTREE" ? ("CUSTOMER" as const) : v])) };
    const before = await db.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    const error = await callerFor(db, department)
      .account.invitations.resend({ id: invited.id })
      .catch((e) => e);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/^You cannot send an invitation with more than you hold yourself: /);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toEqual(before);
    // Revoking hands out nothing: a Department administrator of the company may.
    await expect(callerFor(db, department).account.invitations.revoke({ id: invited.id })).resolves.toMatchObject({ status: "REVOKED" });
  });

  it("lists by status, address and customer, never a parent company's", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const walter = await customerCaller(db, "walter.west@acme.test");
    await amanda.account.invitations.create({
      email: "parent.level@acme.test",
      customerId: await customer("Acme Holding"),
      roleIds: [roles.buyer],
    });
    await amanda.account.invitations.create({
      email: "west.level@acme.test",
      customerId: await customer("Acme West"),
      roleIds: [roles.buyer],
    });
    const emails = async (caller: typeof amanda, input: Parameters<typeof amanda.account.invitations.list>[0]) =>
      (await caller.account.invitations.list({ limit: 100, ...input })).items.map((i) => i.email);
    expect(await emails(amanda, { search: "LEVEL@" })).toEqual(["west.level@acme.test", "parent.level@acme.test"]);
    expect(await emails(amanda, { customerId: await customer("Acme West"), search: "level" })).toEqual(["west.level@acme.test"]);
    expect(await emails(walter, { search: "level" })).toEqual(["west.level@acme.test"]);
    expect(await emails(walter, { customerId: await customer("Acme Holding") })).toEqual([]);
    expect((await amanda.account.invitations.list({ status: "PENDING", limit: 100 })).items.every((i) => i.status === "PENDING")).toBe(
      true,
    );
  });
});
