import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "../../db";
import type { TokenPurpose } from "../../generated/prisma/enums";
import { AppError } from "../../errors";

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

/** Whose account a token opens: a customer user's or a staff member's. */
export type TokenRealm = "customer" | "staff";

async function issueToken(tx: DbClient, purpose: TokenPurpose, owner: { realm: TokenRealm; id: number }, email: string, hours: number) {
  const ownerWhere = owner.realm === "customer" ? { customerUserId: owner.id } : { staffUserId: owner.id };
  await tx.token.updateMany({ where: { ...ownerWhere, purpose, usedAt: null }, data: { usedAt: new Date() } });
  const raw = newRawToken();
  await tx.token.create({
    data: { purpose, tokenHash: hashToken(raw), ...ownerWhere, email, expiresAt: new Date(Date.now() + hours * 3_600_000) },
  });
  return { raw, hours };
}

/** Issues a token for a customer user; returns the raw token to put in the email (with enqueueEmail's `secret`). */
export async function issueCustomerToken(
  tx: DbClient,
  purpose: TokenPurpose,
  user: { id: number; email: string },
  options: { email?: string; hours?: number } = {},
) {
  return issueToken(
    tx,
    purpose,
    { realm: "customer", id: user.id },
    options.email ?? user.email,
    options.hours ?? tokenLifetimeHours[purpose],
  );
}

/** Issues a token for a staff member (the back office's set-password link). */
export async function issueStaffToken(tx: DbClient, purpose: TokenPurpose, staff: { id: number; email: string }) {
  return issueToken(tx, purpose, { realm: "staff", id: staff.id }, staff.email, tokenLifetimeHours[purpose]);
}

export const invalidToken = () =>
  new AppError("BAD_REQUEST", "This link is invalid or has expired. Ask for a new one.", {
    fieldErrors: { token: ["This link is invalid or has expired."] },
  });

/**
 * The token's record if it is valid for `purpose`, without using it up (to show a form behind the link). A token
 * opens only its own realm's page: a staff member's link never works on the storefront, nor the reverse.
 */
export async function peekToken(db: DbClient, purpose: TokenPurpose, raw: string, realm: TokenRealm = "customer") {
  const token = await db.token.findUnique({ where: { tokenHash: hashToken(raw) } });
  if (!token || token.purpose !== purpose || token.usedAt || token.expiresAt <= new Date()) return null;
  if ((realm === "customer" ? token.customerUserId : token.staffUserId) === null) return null;
  return token;
}

/** The address a link was sent to, while the link is valid: what a page behind it shows before it is used. */
export async function linkTarget(db: DbClient, purpose: TokenPurpose, raw: string, realm: TokenRealm = "customer") {
  const token = await peekToken(db, purpose, raw, realm);
  return token ? { email: token.email } : null;
}

/**
 * Uses a token up, atomically: of two concurrent requests with the same token, exactly one succeeds. Call inside
 * the transaction that performs what the token allows.
 */
export async function consumeToken(tx: DbClient, purpose: TokenPurpose, raw: string, realm: TokenRealm = "customer") {
  const token = await peekToken(tx, purpose, raw, realm);
  if (!token) throw invalidToken();
  const claimed = await tx.token.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) throw invalidToken();
  return token;
}
