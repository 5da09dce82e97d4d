import { assertNotImpersonating } from "../customerUsers/impersonation";
import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { CustomerPrincipal } from "../../authz/access";
import type { TokenPurpose } from "../../generated/prisma/enums";
import { AppError } from "../../errors";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { changePasswordInput } from "../../schemas/profile";
import type { resetPasswordInput } from "../../schemas/identity";
import { recordAudit } from "../audit/record";
import { answerAlike, type RequestInfo } from "./publicRequests";
import { lockedUntil, registerFailure, rules } from "./rateLimit";
import { clearAccountHolds, passwordCheckKey } from "./signInLimits";
import { sendLinkEmail } from "./linkEmails";
import { consumeToken, invalidToken, peekToken } from "./tokens";

/**
 * Forgotten passwords, set-password links and password changes. Every path that sets a password ends all of the
 * user's sessions (sessionVersion) and voids the reset links still out.
 */

/** Both kinds of link open the same page: a reset the user asked for, and the welcome email's set-password link. */
const passwordPurposes = ["PASSWORD_RESET", "SET_PASSWORD"] as const satisfies TokenPurpose[];

/** Sends a reset link when the address has an enabled account; the answer is the same for any address. */
export async function requestPasswordReset(db: Db, email: string, request: RequestInfo) {
  await answerAlike(db, request, "reset", email, async () => {
    const user = await db.customerUser.findUnique({
      where: { email },
      select: { id: true, email: true, firstName: true, lastName: true, websiteId: true, enabled: true, erasedAt: true },
    });
    if (!user || !user.enabled || user.erasedAt) return;
    await db.$transaction((tx) =>
      sendLinkEmail(tx, user, { purpose: "PASSWORD_RESET", template: "passwordReset", path: "/reset-password" }),
    );
  });
}

async function validPasswordToken(db: DbClient, raw: string) {
  for (const purpose of passwordPurposes) {
    const token = await peekToken(db, purpose, raw);
    if (token) return token;
  }
  return null;
}

/** What the reset page shows before the password is chosen: which kind of link, for which address. */
export async function checkPasswordLink(db: DbClient, raw: string) {
  const token = await validPasswordToken(db, raw);
  return token ? { purpose: token.purpose as (typeof passwordPurposes)[number], email: token.email } : null;
}

/**
 * Sets the password from a link. The link proves the address, so it also confirms an unconfirmed account; it lifts
 * a forced reset and every sign-in hold on the account.
 */
export async function resetPassword(db: Db, input: z.output<typeof resetPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const found = await validPasswordToken(tx, input.token);
    if (!found) throw invalidToken();
    const token = await consumeToken(tx, found.purpose, input.token);
    const user = await tx.customerUser.findUnique({
      where: { id: token.customerUserId ?? 0 },
      select: { id: true, email: true, confirmedAt: true, authStatus: true, customerPath: true, erasedAt: true },
    });
    if (!user || user.erasedAt || user.email !== token.email) throw invalidToken();
    await setPassword(tx, user.id, passwordHash, { authStatus: "ACTIVE", confirmedAt: user.confirmedAt ?? new Date() });
    await clearAccountHolds(tx, "customer", user.email);
    await recordAudit(
      tx,
      { realm: "system" },
      {
        action: token.purpose === "SET_PASSWORD" ? "customerUser.setPassword" : "customerUser.resetPassword",
        entityType: "CustomerUser",
        entityId: user.id,
        customerPath: user.customerPath,
        before: { authStatus: user.authStatus, confirmed: !!user.confirmedAt },
        after: { authStatus: "ACTIVE", confirmed: true },
      },
    );
    return { email: user.email };
  });
}

async function setPassword(tx: DbClient, userId: number, passwordHash: string, extra: { authStatus?: "ACTIVE"; confirmedAt?: Date } = {}) {
  await tx.customerUser.update({
    where: { id: userId },
    data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 }, ...extra },
  });
  await tx.token.updateMany({
    where: { customerUserId: userId, purpose: { in: [...passwordPurposes] }, usedAt: null },
    data: { usedAt: new Date() },
  });
}

/**
 * Checks a signed-in user's current password before a sensitive change. Wrong guesses are limited (a borrowed
 * session cannot be used to guess the password), on a count of their own: they never hold the account's sign-in.
 */
export async function verifyCurrentPassword(db: DbClient, actor: CustomerPrincipal, password: string) {
  const key = passwordCheckKey("customer", actor.email);
  if (await lockedUntil(db, [key])) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many wrong passwords. Try again in 15 minutes, or reset your password.");
  }
  const user = await db.customerUser.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await registerFailure(db, key, rules.passwordCheck);
    throw new AppError("BAD_REQUEST", "Your current password is not correct.", {
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
  }
}

/** Changes one's own password; every session ends, the caller signs the current browser in again. */
export async function changePassword(db: Db, actor: CustomerPrincipal, input: z.output<typeof changePasswordInput>) {
  assertNotImpersonating(actor, "change their password");
  await verifyCurrentPassword(db, actor, input.currentPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("BAD_REQUEST", "Choose a password different from your current one.", {
      fieldErrors: { newPassword: ["Choose a password different from your current one."] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await setPassword(tx, actor.id, passwordHash);
    await recordAudit(tx, actor, {
      action: "customerUser.changePassword",
      entityType: "CustomerUser",
      entityId: actor.id,
      customerPath: actor.customerPath,
    });
    return { email: actor.email };
  });
}
