import type { Db, DbClient } from "../../db";
import { accumulateCustomerGrants, bumpAuthzEpoch } from "../../authz/access";
import { exceedingCustomerGrants, grantsOfRoles } from "../../authz/grants";
import { AppError } from "../../errors";
import { hashPassword } from "../../auth/password";
import type { InvitationStatus } from "../../schemas/invitations";
import { recordAudit } from "../audit/record";
import { lockCustomerPath } from "../customers/paths";
import { activeConsents, consentProblems } from "../identity/registration";
import { hashToken } from "../identity/tokens";
import { rolesUsableBy } from "../roles/choices";

/**
 * The invited side of an invitation (invitations.ts sends them): what a link is worth, what its page shows, and
 * accepting it, which creates the account.
 */

/** Pending until accepted, revoked or expired. */
export function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  return invitation.expiresAt <= new Date() ? "EXPIRED" : "PENDING";
}

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
