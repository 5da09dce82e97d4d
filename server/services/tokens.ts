import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "../db";
import type { TokenPurpose } from "../generated/prisma/enums";
import { AppError } from "../errors";

/**
 * One-time tokens sent by email (confirmation, password reset, set password, email change). The raw token only
 * exists in the email; the database keeps its SHA-256. A token works once, until it expires, and issuing a new one
 * of the same purpose for the same user voids the older ones.
 */
export const tokenLifetimeHours: Record<TokenPurpose, number> = {
  EMAIL_CONFIRMATION: 24,
  PASSWORD_RESET: 24,
  SET_PASSWORD: 72,
  EMAIL_CHANGE: 24,
  SIGN_IN: 0.05,
};

export function hashToken(raw: string) {
  return createHash("sha256").update(raw).digest("hex");
}

export function newRawToken() {
  return randomBytes(32).toString("base64url");
}

/** Issues a token for a customer user; returns the raw token to put in the email (with enqueueEmail's `secret`). */
export async function issueCustomerToken(
  tx: DbClient,
  purpose: TokenPurpose,
  user: { id: number; email: string },
  options: { email?: string; hours?: number } = {},
) {
  await tx.token.updateMany({
    where: { customerUserId: user.id, purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  const raw = newRawToken();
  const hours = options.hours ?? tokenLifetimeHours[purpose];
  await tx.token.create({
    data: {
      purpose,
      tokenHash: hashToken(raw),
      customerUserId: user.id,
      email: options.email ?? user.email,
      expiresAt: new Date(Date.now() + hours * 3_600_000),
    },
  });
  return { raw, hours };
}

export const invalidToken = () =>
  new AppError("BAD_REQUEST", "This link is invalid or has expired. Ask for a new one.", {
    fieldErrors: { token: ["This link is invalid or has expired."] },
  });

/** The token's record if it is valid for `purpose`, without using it up (to show a form behind the link). */
export async function peekToken(db: DbClient, purpose: TokenPurpose, raw: string) {
  const token = await db.token.findUnique({ where: { tokenHash: hashToken(raw) } });
  if (!token || token.purpose !== purpose || token.usedAt || token.expiresAt <= new Date()) return null;
  return token;
}

/** The address a link was sent to, while the link is valid: what a page behind it shows before it is used. */
export async function linkTarget(db: DbClient, purpose: TokenPurpose, raw: string) {
  const token = await peekToken(db, purpose, raw);
  return token ? { email: token.email } : null;
}

/**
 * Uses a token up, atomically: of two concurrent requests with the same token, exactly one succeeds. Call inside
 * the transaction that performs what the token allows.
 */
export async function consumeToken(tx: DbClient, purpose: TokenPurpose, raw: string) {
  const token = await peekToken(tx, purpose, raw);
  if (!token) throw invalidToken();
  const claimed = await tx.token.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) throw invalidToken();
  return token;
}
