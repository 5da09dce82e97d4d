import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { AppError, notFound } from "../../errors";
import { hashPassword } from "../../auth/password";
import { enqueueEmail, secretLink } from "../../email/outbox";
import type { setStaffPasswordInput } from "../../schemas/staffUser";
import { recordAudit } from "../audit/record";
import { clearAccountHolds } from "../identity/signInLimits";
import { consumeToken, invalidToken, issueStaffToken, peekToken } from "../identity/tokens";
import { assertMayChange } from "./users";

/** A staff member's set-password link: sent on creation or again, checked, and used to choose the password. */

type Recipient = { id: number; email: string; firstName: string; lastName: string };

/** Issues the single-use set-password link (voiding older ones) and writes the email, in the caller's transaction. */
export async function sendSetPasswordEmail(tx: DbClient, actor: StaffPrincipal, user: Recipient, welcome: boolean) {
  const { raw, hours } = await issueStaffToken(tx, "SET_PASSWORD", user);
  await enqueueEmail(tx, {
    template: "staffSetPassword",
    locale: "en",
    to: user.email,
    toName: `${user.firstName} ${user.lastName}`,
    props: {
      firstName: user.firstName,
      link: secretLink("/admin/set-password"),
      hours,
      welcome,
      senderName: `${actor.firstName} ${actor.lastName}`,
    },
    secret: raw,
  });
}

/** Sends a new set-password link (the first one expired, or the member forgot the password); older links stop working. */
export async function sendStaffPasswordLink(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({
      where: { id: input.id },
      select: { id: true, email: true, firstName: true, lastName: true, enabled: true, passwordHash: true },
    });
    if (!user) throw notFound("Staff member");
    await assertMayChange(tx, actor, user);
    if (!user.enabled) throw new AppError("BAD_REQUEST", `${user.firstName} ${user.lastName}'s account is disabled: enable it first.`);
    await sendSetPasswordEmail(tx, actor, user, user.passwordHash === null);
    await recordAudit(tx, actor, {
      action: "staffUser.sendPasswordLink",
      entityType: "StaffUser",
      entityId: user.id,
      after: { email: user.email },
    });
    return { email: user.email };
  });
}

// ------------------------------------------------------------------------------- set-password page

async function linkOwner(db: DbClient, token: { staffUserId: number | null; email: string }) {
  const user = await db.staffUser.findUnique({
    where: { id: token.staffUserId ?? 0 },
    select: { id: true, email: true, enabled: true, passwordHash: true },
  });
  // A link for an address the member no longer has, or a disabled account, opens nothing.
  return user && user.enabled && user.email === token.email ? user : null;
}

/** What the set-password page shows before the password is chosen; null for a used, expired or foreign link. */
export async function checkStaffPasswordLink(db: DbClient, raw: string) {
  const token = await peekToken(db, "SET_PASSWORD", raw, "staff");
  const user = token ? await linkOwner(db, token) : null;
  return user ? { email: user.email, firstPassword: user.passwordHash === null } : null;
}

/** Sets the password from the link: the link is used up, every session ends, the account's lockout lifts. */
export async function setStaffPassword(db: Db, input: z.output<typeof setStaffPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, "SET_PASSWORD", input.token, "staff");
    const user = await linkOwner(tx, token);
    if (!user) throw invalidToken();
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.token.updateMany({ where: { staffUserId: user.id, purpose: "SET_PASSWORD", usedAt: null }, data: { usedAt: new Date() } });
    await clearAccountHolds(tx, "staff", user.email);
    await recordAudit(
      tx,
      { realm: "system" },
      {
        action: "staffUser.setPassword",
        entityType: "StaffUser",
        entityId: user.id,
        before: { hasPassword: user.passwordHash !== null },
        after: { hasPassword: true },
      },
    );
    return { email: user.email };
  });
}
