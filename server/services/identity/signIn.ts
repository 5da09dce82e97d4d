import type { Db, DbClient } from "../../db";
import type { LoginResult } from "../../generated/prisma/enums";
import { verifyPassword } from "../../auth/password";
import { isWellFormedText } from "../../schemas/common";
import { consumeToken, issueCustomerToken } from "./tokens";
import { openSession, type SessionRequest } from "./sessions";
import { signInLimits } from "./signInLimits";
import type { SignInRefusal } from "../../schemas/identity";

export { accountLockKey, ipLockKey } from "./signInLimits";

/**
 * Password sign-in for both realms. Every attempt becomes a LoginAttempt row. A wrong password and an unknown
 * email are indistinguishable (same message, same work); the account's state is only revealed to someone who
 * knows its password.
 */
export type SignInRequest = SessionRequest & { email: string; password: string };
export type TicketRequest = SessionRequest & { ticket: string };
/** `sessionId`: the session the sign-in opened (server/services/identity/sessions.ts), named in the session cookie. */
export type SignInOutcome =
  { ok: true; userId: number; sessionVersion: number; sessionId: number; impersonationId?: number } | { ok: false; reason: SignInRefusal };

const refusalResult: Record<SignInRefusal, LoginResult> = {
  invalid: "BAD_CREDENTIALS",
  "account-held": "LOCKED_OUT",
  "address-held": "LOCKED_OUT",
  "device-held": "LOCKED_OUT",
  disabled: "DISABLED",
  unconfirmed: "UNCONFIRMED",
  "password-reset": "PASSWORD_RESET",
  "customer-disabled": "CUSTOMER_DISABLED",
};

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

type Candidate = {
  id: number;
  passwordHash: string | null;
  sessionVersion: number;
  state: SignInRefusal | null;
};

async function attempt(
  db: DbClient,
  realm: "staff" | "customer",
  request: SignInRequest,
  find: (email: string) => Promise<Candidate | null>,
): Promise<SignInOutcome> {
  // Text no account can have (a NUL byte, a broken character) cannot be looked up or recorded: a wrong password.
  if (!isWellFormedText(request.email) || !isWellFormedText(request.password)) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(request.email).slice(0, 320);
  const candidate = await find(email);
  const limits = await signInLimits(db, realm, email, request, candidate?.id ?? null);
  const record = (result: LoginResult) =>
    db.loginAttempt.create({
      data: {
        realm: realm === "staff" ? "STAFF" : "CUSTOMER",
        result,
        email,
        ip: request.ip?.slice(0, 64),
        userAgent: request.userAgent?.slice(0, 512),
        ...(candidate ? (realm === "staff" ? { staffUserId: candidate.id } : { customerUserId: candidate.id }) : {}),
      },
    });

  const hold = await limits.held();
  if (hold) {
    await record("LOCKED_OUT");
    return { ok: false, reason: hold };
  }
  const passwordOk = await verifyPassword(candidate?.passwordHash, request.password);
  if (!candidate || !passwordOk) {
    const held = await limits.fail();
    await record("BAD_CREDENTIALS");
    return { ok: false, reason: held ?? "invalid" };
  }
  if (candidate.state) {
    await record(refusalResult[candidate.state]);
    return { ok: false, reason: candidate.state };
  }
  await limits.succeed();
  await record("SUCCESS");
  const sessionId = await openSession(db, realm, candidate.id, request);
  return { ok: true, userId: candidate.id, sessionVersion: candidate.sessionVersion, sessionId };
}

const customerStateSelect = {
  id: true,
  email: true,
  passwordHash: true,
  sessionVersion: true,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  erasedAt: true,
  customer: { select: { enabled: true } },
} as const;

/** Why a customer user who proved who they are may still not sign in, or null. */
export function customerRefusal(user: {
  enabled: boolean;
  confirmedAt: Date | null;
  authStatus: string;
  customer: { enabled: boolean };
}): SignInRefusal | null {
  if (!user.enabled) return "disabled";
  if (!user.customer.enabled) return "customer-disabled";
  if (!user.confirmedAt) return "unconfirmed";
  if (user.authStatus !== "ACTIVE") return "password-reset";
  return null;
}

function countLogin(db: DbClient, userId: number) {
  return db.customerUser.update({ where: { id: userId }, data: { lastLoginAt: new Date(), loginCount: { increment: 1 } } });
}

export async function signInCustomerUser(db: DbClient, request: SignInRequest): Promise<SignInOutcome> {
  const outcome = await attempt(db, "customer", request, async (email) => {
    const user = await db.customerUser.findUnique({ where: { email }, select: customerStateSelect });
    if (!user || user.erasedAt) return null;
    return { id: user.id, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion, state: customerRefusal(user) };
  });
  if (outcome.ok) await countLogin(db, outcome.userId);
  return outcome;
}

/**
 * A one-time sign-in ticket for a user who just proved their address by following an email link (confirmation
 * with sign-in after registration). The raw ticket goes straight from the server action that issued it to the
 * "ticket" credentials provider; only its hash is stored, it works once and for three minutes.
 */
export async function issueSignInTicket(tx: DbClient, user: { id: number; email: string }) {
  const { raw } = await issueCustomerToken(tx, "SIGN_IN", user);
  return raw;
}

export async function signInCustomerWithTicket(db: Db, request: TicketRequest): Promise<SignInOutcome> {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, "SIGN_IN", request.ticket).catch(() => null);
    const user = token?.customerUserId
      ? await tx.customerUser.findUnique({ where: { id: token.customerUserId }, select: customerStateSelect })
      : null;
    if (!user || user.erasedAt) return { ok: false, reason: "invalid" } as const;
    const refusal = customerRefusal(user);
    await tx.loginAttempt.create({
      data: {
        realm: "CUSTOMER",
        source: "EMAIL_LINK",
        result: refusal ? refusalResult[refusal] : "SUCCESS",
        email: user.email,
        customerUserId: user.id,
        ip: request.ip?.slice(0, 64),
        userAgent: request.userAgent?.slice(0, 512),
      },
    });
    if (refusal) return { ok: false, reason: refusal } as const;
    await countLogin(tx, user.id);
    const sessionId = await openSession(tx, "customer", user.id, request);
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, sessionId } as const;
  });
}

export async function signInStaffUser(db: DbClient, request: SignInRequest): Promise<SignInOutcome> {
  const outcome = await attempt(db, "staff", request, async (email) => {
    const user = await db.staffUser.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, sessionVersion: true, enabled: true },
    });
    if (!user) return null;
    return {
      id: user.id,
      passwordHash: user.passwordHash,
      sessionVersion: user.sessionVersion,
      state: user.enabled ? null : "disabled",
    };
  });
  if (outcome.ok) {
    await db.staffUser.update({
      where: { id: outcome.userId },
      data: { lastLoginAt: new Date(), loginCount: { increment: 1 } },
    });
  }
  return outcome;
}
