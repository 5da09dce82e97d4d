import type { Db, DbClient } from "../db";
import type { Principal } from "../authz/access";
import { accumulateCustomerGrants, bumpAuthzEpoch } from "../authz/access";
import { assertWithinCustomerGrants, exceedingCustomerGrants, grantsOfRoles } from "../authz/grants";
import { customerTarget, reaches } from "../authz/reach";
import { scopeWhere } from "../authz/scope";
import { AppError, notFound } from "../errors";
import { hashPassword } from "../auth/password";
import { enqueueEmail, secretLink } from "../email/outbox";
import { toLocale } from "../email/templates";
import type { InvitationStatus } from "../schemas/invitations";
import { activeConsents, consentProblems } from "./identity/registration";
import { recordAudit } from "./audit/record";
import { lockCustomerPath } from "./customers/paths";
import { hashToken, newRawToken } from "./identity/tokens";
import { likeLiteral } from "./kit/filters";
import { keysetPage, keysetWhere, mapPage, newestFirst } from "./kit/keyset";

/**
 * Invitations: an administrator invites a colleague by email with chosen roles. An invitation is Pending until
 * accepted, revoked or expired; it is bound to the invited address (the account is created for exactly that
 * email), single-use, and expires (WebsiteSettings.invitationTtlHours, a week by default). What it hands out is
 * bounded like any role assignment.
 */
export function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  return invitation.expiresAt <= new Date() ? "EXPIRED" : "PENDING";
}

const statusWhere = (status: InvitationStatus) => {
  const now = new Date();
  return {
    PENDING: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    ACCEPTED: { acceptedAt: { not: null } },
    REVOKED: { acceptedAt: null, revokedAt: { not: null } },
    EXPIRED: { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } },
  }[status];
};

/** Roles a customer's users may hold: the predefined public roles and the customer's own. */
export async function rolesUsableBy(db: DbClient, customerId: number, roleIds: number[]) {
  return db.customerUserRole.findMany({
    where: { id: { in: roleIds }, OR: [{ customerId: null, public: true }, { customerId }] },
    select: { id: true, label: true },
  });
}

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

/**
 * What inviting hands out, checked: the roles are usable by the customer, and a customer user may assign roles to
 * that customer's users and holds at least what the roles grant.
 */
async function assertMayHandOut(
  tx: DbClient,
  actor: Principal,
  customer: { id: number; path: string; salesRepresentatives: { staffUserId: number }[] },
  roleIds: number[],
  what: string,
) {
  const roles = await rolesUsableBy(tx, customer.id, roleIds);
  if (roles.length !== new Set(roleIds).size) {
    throw new AppError("BAD_REQUEST", "Some chosen roles are not available to this customer.", {
      fieldErrors: { roleIds: ["Choose roles available to this customer."] },
    });
  }
  if (actor.realm === "customer") {
    const target = customerTarget({ ...customer, salesRepIds: customer.salesRepresentatives.map((rep) => rep.staffUserId) });
    if (!reaches(actor, "customer.assignRoles", target))
      throw new AppError("FORBIDDEN", "Your roles do not let you assign roles to this customer's users.");
    assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, roleIds), what);
  }
  return roles;
}

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
    const roles = await assertMayHandOut(tx, actor, customer, roleIds, "invite a user");
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
      invitation.customer,
      invitation.roles.map((r) => r.roleId),
      "send an invitation",
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

// ------------------------------------------------------------------------------------ accepting

const invalidInvitation = () =>
  new AppError("BAD_REQUEST", "This invitation is not valid any more: it was used, revoked or has expired. Ask for a new one.", {
    fieldErrors: { token: ["This invitation is not valid any more."] },
  });

/**
 * An invitation hands its roles out when it is accepted, so they must still lie within what the administrator who
 * sent it holds then: one whose roles grew, or whose sender was demoted since, gives nothing (they send a new one).
 */
async function assertSenderMayStillGive(tx: DbClient, senderId: number | null, roleIds: number[]) {
  if (senderId === null) return;
  const held = accumulateCustomerGrants(
    await tx.rolePermission.findMany({
      where: { role: { assignments: { some: { customerUserId: senderId } } } },
      select: { permission: true, level: true },
    }),
  );
  if (exceedingCustomerGrants(held, await grantsOfRoles(tx, roleIds)).length) {
    throw new AppError(
      "BAD_REQUEST",
      "This invitation gives more than the administrator who sent it may give now. Ask them for a new one.",
      {
        fieldErrors: { token: ["This invitation is not valid any more."] },
      },
    );
  }
}

/** What the acceptance page shows for a link, or null when the link is not (or no longer) valid. */
export async function peekInvitation(db: DbClient, raw: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: {
      email: true,
      firstName: true,
      lastName: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      customer: { select: { name: true, enabled: true } },
    },
  });
  if (!invitation || invitationStatus(invitation) !== "PENDING" || !invitation.customer.enabled) return null;
  return {
    email: invitation.email,
    firstName: invitation.firstName,
    lastName: invitation.lastName,
    companyName: invitation.customer.name,
    consents: await activeConsents(db),
  };
}

/**
 * Accepts an invitation: creates the account for the invited address, enabled and confirmed (the link proved the
 * address), with the invitation's roles. Single use, even under concurrent requests.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; firstName: string; lastName: string; password: string; consentIds: number[] },
) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: {
        id: true,
        email: true,
        acceptedAt: true,
        revokedAt: true,
        expiresAt: true,
        websiteId: true,
        customer: { select: { id: true, path: true, enabled: true } },
        roles: { select: { roleId: true } },
        invitedByCustomerUserId: true,
      },
    });
    if (!invitation || invitationStatus(invitation) !== "PENDING" || !invitation.customer.enabled) throw invalidInvitation();
    // The same consents as registration asks for: an invited account is no exception to them.
    const problems = consentProblems(await activeConsents(tx), input);
    if (Object.keys(problems).length) throw new AppError("BAD_REQUEST", "Some fields need your attention.", { fieldErrors: problems });
    await assertSenderMayStillGive(
      tx,
      invitation.invitedByCustomerUserId,
      invitation.roles.map((r) => r.roleId),
    );
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw invalidInvitation();
    if (await tx.customerUser.count({ where: { email: invitation.email } })) {
      throw new AppError("CONFLICT", "An account with this email exists already: sign in instead.");
    }
    const website = invitation.websiteId ?? (await tx.website.findFirst({ where: { isDefault: true }, select: { id: true } }))?.id ?? null;
    const roleIds = (
      await rolesUsableBy(
        tx,
        invitation.customer.id,
        invitation.roles.map((r) => r.roleId),
      )
    ).map((r) => r.id);
    // Read under a lock, so a move of the customer meanwhile cannot leave the new user with the old path.
    const customerPath = (await lockCustomerPath(tx, invitation.customer.id))?.path ?? invitation.customer.path;
    const user = await tx.customerUser.create({
      data: {
        email: invitation.email,
        firstName: input.firstName,
        lastName: input.lastName,
        passwordHash,
        passwordChangedAt: new Date(),
        enabled: roleIds.length > 0,
        confirmedAt: new Date(),
        customerId: invitation.customer.id,
        customerPath,
        websiteId: website,
        roles: { createMany: { data: roleIds.map((roleId) => ({ roleId })) } },
        consentAcceptances: { createMany: { data: [...new Set(input.consentIds)].map((consentId) => ({ consentId })) } },
      },
      select: { id: true, email: true },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { customerUserId: user.id } });
    // The invitation's entries (the address it was sent to) are now about this user, for erasure.
    await tx.auditEvent.updateMany({
      where: { entityType: "Invitation", entityId: String(invitation.id) },
      data: { subjectUserId: user.id },
    });
    await bumpAuthzEpoch(tx);
    await recordAudit(
      tx,
      { realm: "system" },
      {
        action: "invitation.accept",
        entityType: "CustomerUser",
        entityId: user.id,
        customerPath,
        after: { email: user.email, invitationId: invitation.id, consentIds: input.consentIds },
      },
    );
    return { id: user.id, email: user.email, enabled: roleIds.length > 0 };
  });
}
