import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { customerUserActionInput } from "../../schemas/customerUser";
import { auditCustomerUser } from "../audit/record";
import { assertNotSelf } from "./invariants";
import { sendLinkEmail, sendWelcomeEmail } from "../identity/linkEmails";
import { sendConfirmation } from "../identity/registration";
import { erased } from "./lifecycle";

/**
 * What staff do about a customer user's access besides enabling: confirm them by hand, send the confirmation
 * again, force a password reset, send the welcome email. No email ever carries a password: people choose theirs
 * through a single-use link, and a newer link of the same kind voids the older ones.
 */

type Input = z.output<typeof customerUserActionInput>;

const accountSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  websiteId: true,
  customerPath: true,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  passwordHash: true,
  erasedAt: true,
} as const;

/** The user if the actor may act on them with `permission` (staff) or edit them (customer realm), else NOT_FOUND. */
async function actionable(
  tx: DbClient,
  actor: Principal,
  id: number,
  op: "customerUser.confirm" | "customerUser.resetPassword" | "customerUser.sendWelcome",
) {
  const user = await tx.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, op) },
    select: accountSelect,
  });
  if (!user) throw notFound("Customer user");
  if (user.erasedAt) throw erased();
  return user;
}

const nameOf = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;

/**
 * Confirms the user's email address by hand (staff vouch for it) and welcomes them: a user without a password gets
 * a link to choose one, a user with one is invited to sign in. Confirmation links still out are voided.
 */
export async function confirmCustomerUser(db: Db, actor: Principal, input: Input) {
  return db.$transaction(async (tx) => {
    const user = await actionable(tx, actor, input.id, "customerUser.confirm");
    if (user.confirmedAt) throw new AppError("BAD_REQUEST", `${nameOf(user)} is already confirmed.`);
    const confirmedAt = new Date();
    await tx.customerUser.update({ where: { id: user.id }, data: { confirmedAt, version: { increment: 1 } } });
    await tx.token.updateMany({
      where: { customerUserId: user.id, purpose: "EMAIL_CONFIRMATION", usedAt: null },
      data: { usedAt: confirmedAt },
    });
    await sendWelcomeEmail(tx, user, { setPassword: !user.passwordHash });
    await auditCustomerUser(tx, actor, user, "customerUser.confirm", { before: { confirmed: false }, after: { confirmed: true } });
    return { id: user.id, confirmedAt };
  });
}

/** Sends the confirmation email again to an unconfirmed user; the new link replaces the older ones. */
export async function resendCustomerUserConfirmation(db: Db, actor: Principal, input: Input) {
  return db.$transaction(async (tx) => {
    const user = await actionable(tx, actor, input.id, "customerUser.confirm");
    if (user.confirmedAt) throw new AppError("BAD_REQUEST", `${nameOf(user)} is already confirmed; there is nothing to resend.`);
    await sendConfirmation(tx, user);
    await auditCustomerUser(tx, actor, user, "customerUser.resendConfirmation");
    return { id: user.id, sentTo: user.email };
  });
}

/**
 * Forces a password reset: sign-in is refused (authStatus RESET, honoured by sign-in, sessions and the API) until
 * the user chooses a new password through the emailed link; every session ends at once. Asking again sends a
 * fresh link (the old one stops working).
 */
export async function forceCustomerUserPasswordReset(db: Db, actor: Principal, input: Input) {
  assertNotSelf(actor, input.id, "force a password reset on");
  return db.$transaction(async (tx) => {
    const user = await actionable(tx, actor, input.id, "customerUser.resetPassword");
    await tx.customerUser.update({
      where: { id: user.id },
      data: { authStatus: "RESET", sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await sendLinkEmail(tx, user, { purpose: "PASSWORD_RESET", template: "forcedPasswordReset", path: "/reset-password" });
    await auditCustomerUser(tx, actor, user, "customerUser.forcePasswordReset", {
      before: { authStatus: user.authStatus },
      after: { authStatus: "RESET" },
    });
    return { id: user.id, authStatus: "RESET" as const, sentTo: user.email };
  });
}

/** Sends the welcome email with a single-use link to choose a password. Not for disabled users, who cannot sign in. */
export async function sendCustomerUserWelcome(db: Db, actor: Principal, input: Input) {
  return db.$transaction(async (tx) => {
    const user = await actionable(tx, actor, input.id, "customerUser.sendWelcome");
    if (!user.enabled) throw new AppError("BAD_REQUEST", `${nameOf(user)} is disabled: enable the user before sending the welcome email.`);
    await sendWelcomeEmail(tx, user, { setPassword: true });
    await auditCustomerUser(tx, actor, user, "customerUser.sendWelcome");
    return { id: user.id, sentTo: user.email };
  });
}
