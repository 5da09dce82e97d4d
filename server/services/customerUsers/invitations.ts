import type { Db, DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import { enqueueEmail, secretLink } from "../../email/outbox";
import { toLocale } from "../../email/templates";
import type { InvitationStatus } from "../../schemas/invitations";
import { recordAudit } from "../audit/record";
import { hashToken, newRawToken } from "../identity/tokens";
import { likeLiteral } from "../kit/filters";
import { keysetPage, keysetWhere, mapPage, newestFirst } from "../kit/keyset";
import { assertMayHandOut } from "../roles/choices";
import { invitationStatus } from "./invitationAcceptance";

/**
 * Invitations: an administrator invites a colleague by email with chosen roles. An invitation is Pending until
 * accepted, revoked or expired; it is bound to the invited address (the account is created for exactly that
 * email), single-use, and expires (WebsiteSettings.invitationTtlHours, a week by default). What it hands out is
 * bounded like any role assignment (roles/choices.ts). Accepting one is invitationAcceptance.ts'.
 */
const statusWhere = (status: InvitationStatus) => {
  const now = new Date();
  return {
    PENDING: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    ACCEPTED: { acceptedAt: { not: null } },
    REVOKED: { acceptedAt: null, revokedAt: { not: null } },
    EXPIRED: { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } },
  }[status];
};

/**
 * The website an invitation is for: the inviting customer user's own, else the default storefront. Its settings
 * decide how long the link lasts (a week by default), and the accepted account signs in there.
 */
async function invitationWebsite(db: DbClient, actor: Principal) {
  const websiteId = actor.realm === "customer" ? actor.websiteId : null;
  const website = await db.website.findFirst({
    where: websiteId ? { id: websiteId } : { isDefault: true },
    select: { id: true, settings: { select: { invitationTtlHours: true } } },
  });
  return { id: website?.id ?? null, hours: website?.settings?.invitationTtlHours ?? 168 };
}

async function ttlHours(db: DbClient, websiteId: number | null) {
  const settings = websiteId
    ? await db.websiteSettings.findUnique({ where: { websiteId }, select: { invitationTtlHours: true } })
    : await db.websiteSettings.findFirst({ where: { website: { isDefault: true } }, select: { invitationTtlHours: true } });
  return settings?.invitationTtlHours ?? 168;
}

/** An invitation's customer as the role check reads it. */
const handOutTarget = (customer: { id: number; path: string; salesRepresentatives: { staffUserId: number }[] }) => ({
  id: customer.id,
  path: customer.path,
  salesRepresentativeIds: customer.salesRepresentatives.map((rep) => rep.staffUserId),
});

async function sendInvitation(
  tx: DbClient,
  actor: Principal,
  invitation: { id: number; email: string; customerName: string },
  raw: string,
  hours: number,
) {
  await enqueueEmail(tx, {
    template: "invitation",
    locale: toLocale(null),
    to: invitation.email,
    props: {
      inviterName: `${actor.firstName} ${actor.lastName}`,
      companyName: invitation.customerName,
      link: secretLink("/accept-invitation"),
      days: Math.round(hours / 24),
    },
    secret: raw,
  });
}

export async function createInvitation(
  db: Db,
  actor: Principal,
  input: { email: string; firstName?: string | null; lastName?: string | null; customerId: number; roleIds: number[] },
) {
  return db.$transaction(async (tx) => {
    const customer = await customerForNewUser(tx, actor, input.customerId);
    const roleIds = [...new Set(input.roleIds)];
    const roles = await assertMayHandOut(tx, actor, handOutTarget(customer), roleIds, { what: "invite a user" });
    if (await tx.customerUser.count({ where: { email: input.email } })) {
      throw new AppError("CONFLICT", "This email already has an account.", {
        fieldErrors: { email: ["This email already has an account."] },
      });
    }
    if (await tx.invitation.count({ where: { email: input.email, customerId: customer.id, ...statusWhere("PENDING") } })) {
      throw new AppError("CONFLICT", "This address already has a pending invitation: resend it instead.", {
        fieldErrors: { email: ["Already invited: resend the pending invitation."] },
      });
    }
    const website = await invitationWebsite(tx, actor);
    const hours = website.hours;
    const raw = newRawToken();
    const invitation = await tx.invitation.create({
      data: {
        email: input.email,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        customerId: customer.id,
        websiteId: website.id,
        tokenHash: hashToken(raw),
        invitedByCustomerUserId: actor.realm === "customer" ? actor.id : null,
        invitedByStaffId: actor.realm === "staff" ? actor.id : null,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
        roles: { createMany: { data: roleIds.map((roleId) => ({ roleId })) } },
      },
      select: { id: true, email: true },
    });
    await sendInvitation(tx, actor, { ...invitation, customerName: customer.name }, raw, hours);
    await recordAudit(tx, actor, {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: invitation.id,
      customerPath: customer.path,
      // Whose it is is known once it is accepted (see acceptInvitation).
      subjectUserId: null,
      after: { email: invitation.email, roles: roles.map((r) => r.label) },
    });
    return { id: invitation.id, status: "PENDING" as const };
  });
}

/**
 * The customer a new user (created or invited) may join: where the actor's `customerUser.create` reaches — own
 * customer (Department) or subtree (Corporate) for customer users, the role's scope for staff.
 */
export async function customerForNewUser(tx: DbClient, actor: Principal, customerId: number) {
  const customer = await tx.customer.findFirst({
    where: { AND: [{ id: customerId }, scopeWhere(actor, "customer.addUser")] },
    select: { id: true, name: true, path: true, salesRepresentatives: { select: { staffUserId: true } } },
  });
  // Out of reach is not there for the actor (NOT_FOUND), as everywhere; the field says what to do.
  if (!customer) {
    throw new AppError("NOT_FOUND", "Customer not found.", { fieldErrors: { customerId: ["Choose a customer you may add users to."] } });
  }
  return customer;
}

/** Invitations are seen where the actor sees users, and changed where the actor may add users. */
function invitationScope(actor: Principal, mode: "view" | "create" = "view") {
  return { customer: scopeWhere(actor, mode === "view" ? "customer.listUsers" : "customer.addUser") };
}

export async function listInvitations(
  db: DbClient,
  actor: Principal,
  input: { cursor?: string; limit: number; status?: InvitationStatus; search?: string; customerId?: number },
) {
  const rows = await db.invitation.findMany({
    where: {
      AND: [
        invitationScope(actor),
        keysetWhere(newestFirst, input.cursor),
        input.status ? statusWhere(input.status) : {},
        input.search ? { email: { contains: likeLiteral(input.search.toLowerCase()) } } : {},
        input.customerId ? { customerId: input.customerId } : {},
      ],
    },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      sentCount: true,
      lastSentAt: true,
      customer: { select: { id: true, name: true } },
      roles: { select: { role: { select: { id: true, label: true } } } },
      invitedByCustomerUser: { select: { firstName: true, lastName: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return mapPage(keysetPage(rows, input.limit, newestFirst), (row) => ({
    ...row,
    roles: row.roles.map((r) => r.role),
    status: invitationStatus(row),
  }));
}

async function pendingInScope(tx: DbClient, actor: Principal, id: number) {
  const invitation = await tx.invitation.findFirst({
    where: { id, ...invitationScope(actor, "create") },
    select: {
      id: true,
      email: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      websiteId: true,
      customer: { select: { id: true, name: true, path: true, salesRepresentatives: { select: { staffUserId: true } } } },
      roles: { select: { roleId: true } },
    },
  });
  if (!invitation) throw notFound("Invitation");
  return invitation;
}

/** Sends the invitation again with a new link (the old one stops working) and a new expiry. */
export async function resendInvitation(db: Db, actor: Principal, id: number) {
  return db.$transaction(async (tx) => {
    const invitation = await pendingInScope(tx, actor, id);
    const status = invitationStatus(invitation);
    if (status === "ACCEPTED" || status === "REVOKED")
      throw new AppError("BAD_REQUEST", `This invitation was ${status.toLowerCase()}; it cannot be sent again.`);
    // Sending it again hands its roles out again: the sender must be able to hand them out themselves.
    await assertMayHandOut(
      tx,
      actor,
      handOutTarget(invitation.customer),
      invitation.roles.map((r) => r.roleId),
      { what: "send an invitation" },
    );
    const hours = await ttlHours(tx, invitation.websiteId);
    const raw = newRawToken();
    await tx.invitation.update({
      where: { id },
      data: {
        tokenHash: hashToken(raw),
        expiresAt: new Date(Date.now() + hours * 3_600_000),
        sentCount: { increment: 1 },
        lastSentAt: new Date(),
      },
    });
    await sendInvitation(tx, actor, { id, email: invitation.email, customerName: invitation.customer.name }, raw, hours);
    await recordAudit(tx, actor, {
      action: "invitation.resend",
      entityType: "Invitation",
      entityId: id,
      customerPath: invitation.customer.path,
      subjectUserId: null,
    });
    return { id, status: "PENDING" as const };
  });
}

export async function revokeInvitation(db: Db, actor: Principal, id: number) {
  return db.$transaction(async (tx) => {
    const invitation = await pendingInScope(tx, actor, id);
    if (invitationStatus(invitation) !== "PENDING") throw new AppError("BAD_REQUEST", "Only a pending invitation can be revoked.");
    await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: id,
      customerPath: invitation.customer.path,
      subjectUserId: null,
    });
    return { id, status: "REVOKED" as const };
  });
}
