import type { Db, DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import { eraseAuditSubject, recordAudit } from "../audit/record";
import { assertCustomerKeepsManager, assertNotSelf } from "./invariants";
import { companyTransaction, lockCompanies } from "./companyLock";
import { personSelect } from "./person";

/**
 * Personal data: a customer user's right of access (export everything held about them) and right to erasure
 * (anonymization: the person disappears, their company's orders, quotes and requests stay intact and simply show
 * an erased user).
 */
export async function exportPersonalData(db: DbClient, actor: Principal, userId: number) {
  const where = {
    id: userId,
    ...scopeWhere(actor, "customerUser.exportData"),
  };
  const staffOnly = actor.realm === "staff";
  const user = await db.customerUser.findFirst({
    where,
    select: {
      id: true,
      ...personSelect,
      enabled: true,
      confirmedAt: true,
      createdAt: true,
      updatedAt: true,
      lastLoginAt: true,
      loginCount: true,
      customer: { select: { name: true } },
      website: { select: { name: true } },
      websiteSettings: { select: { website: { select: { name: true } }, localization: { select: { code: true } } } },
      roles: { select: { role: { select: { label: true } } } },
      addresses: {
        select: {
          label: true,
          organization: true,
          firstName: true,
          lastName: true,
          street: true,
          street2: true,
          city: true,
          postalCode: true,
          region: true,
          countryCode: true,
          phone: true,
          isBilling: true,
          isShipping: true,
        },
      },
      consentAcceptances: { select: { consent: { select: { title: true } }, acceptedAt: true, withdrawnAt: true } },
      loginAttempts: {
        select: { attemptedAt: true, result: true, source: true, ip: true, userAgent: true },
        orderBy: { attemptedAt: "desc" },
        take: 500,
      },
      emails: { select: { subject: true, toEmail: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } },
      // Staff notes and events are staff-only records: in the back office's export (a formal request answered by
      // staff), never in the storefront's self-service download.
      notes: staffOnly && { select: { body: true, createdAt: true } },
      events: staffOnly && { select: { title: true, description: true, startAt: true } },
      oauthApplications: { select: { name: true, clientId: true, createdAt: true, lastUsedAt: true } },
      sessions: {
        select: { createdAt: true, expiresAt: true, endedAt: true, ip: true, userAgent: true },
        orderBy: { createdAt: "desc" },
        take: 500,
      },
      orders: { select: { number: true, createdAt: true } },
      quotes: { select: { number: true, createdAt: true } },
      rfqs: { select: { id: true, createdAt: true } },
      shoppingLists: { select: { label: true, createdAt: true } },
    },
  });
  if (!user) throw notFound("Customer user");
  return { exportedAt: new Date().toISOString(), subject: user };
}

/** Erases a customer user by anonymization. Irreversible; the reason is kept in the audit log. */
export async function eraseCustomerUser(db: Db, actor: Principal, input: { id: number; reason: string }) {
  assertNotSelf(actor, input.id, "erase");
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    const user = await tx.customerUser.findFirst({
      where: { id: input.id, erasedAt: null, ...scopeWhere(actor, "customerUser.erase") },
      select: { id: true, enabled: true, customerId: true, customerPath: true },
    });
    if (!user) throw notFound("Customer user");
    if (user.enabled) await assertCustomerKeepsManager(tx, lock, user);
    const placeholder = `erased-${user.id}@erased.invalid`;
    await tx.customerUser.update({
      where: { id: user.id },
      data: {
        email: placeholder,
        namePrefix: null,
        firstName: "Erased",
        middleName: null,
        lastName: "user",
        nameSuffix: null,
        birthday: null,
        phone: null,
        passwordHash: null,
        enabled: false,
        erasedAt: new Date(),
        sessionVersion: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await Promise.all([
      tx.customerUserAddress.deleteMany({ where: { customerUserId: user.id } }),
      tx.customerUserWebsiteSettings.deleteMany({ where: { customerUserId: user.id } }),
      tx.customerUserSalesRep.deleteMany({ where: { customerUserId: user.id } }),
      tx.customerUserRoleAssignment.deleteMany({ where: { customerUserId: user.id } }),
      tx.token.deleteMany({ where: { customerUserId: user.id } }),
      tx.oAuthApplication.deleteMany({ where: { customerUserId: user.id } }),
      tx.consentAcceptance.deleteMany({ where: { customerUserId: user.id } }),
      tx.note.deleteMany({ where: { customerUserId: user.id } }),
      tx.calendarEvent.deleteMany({ where: { customerUserId: user.id } }),
      tx.userSession.deleteMany({ where: { customerUserId: user.id } }),
      tx.loginAttempt.updateMany({ where: { customerUserId: user.id }, data: { email: placeholder, ip: null, userAgent: null } }),
      tx.emailMessage.updateMany({
        where: { customerUserId: user.id },
        data: { toEmail: placeholder, toName: null, html: "<p>Erased.</p>", text: "Erased.", secret: null },
      }),
      tx.invitation.updateMany({ where: { customerUserId: user.id }, data: { email: placeholder, firstName: null, lastName: null } }),
    ]);
    // Earlier audit entries about them keep what happened, not the values (their name, address, notes about them).
    await eraseAuditSubject(tx, user.id);
    await recordAudit(tx, actor, {
      action: "customerUser.erase",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      reason: input.reason,
    });
    return { id: user.id, erased: true };
  });
}
