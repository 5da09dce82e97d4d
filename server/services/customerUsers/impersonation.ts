import type { Db, DbClient } from "../../db";
import type { CustomerPrincipal, StaffPrincipal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record";
import { hashToken, newRawToken } from "../identity/tokens";
import type { SignInOutcome, TicketRequest } from "../identity/signIn";
import { openSession } from "../identity/sessions";

/**
 * Accountable impersonation: a staff member signs in to the storefront as a customer user, with a stated reason.
 * The customer session it opens carries the impersonation's id; every change made in it is audited with both the
 * customer user and the real staff actor; it ends when the staff member ends it, after an hour at the latest, or
 * when the staff member is disabled. The user's own sessions are untouched and their sign-in statistics too.
 */
export const IMPERSONATION_MINUTES = 60;
/** The ticket goes straight from the server action that asked for it to the sign-in; it need not live long. */
const TICKET_SECONDS = 120;

/** Who a staff member is about to sign in as, and whether they may (for the page that asks for the reason). */
export async function impersonationTarget(db: DbClient, actor: StaffPrincipal, customerUserId: number) {
  const user = await db.customerUser.findFirst({
    where: { id: customerUserId, erasedAt: null, ...scopeWhere(actor, "customerUser.impersonate") },
    select: { id: true, firstName: true, lastName: true, email: true, enabled: true, customer: { select: { name: true, enabled: true } } },
  });
  if (!user) throw notFound("Customer user");
  const blocked = !user.enabled
    ? "This user is disabled: enable them before signing in as them."
    : !user.customer.enabled
      ? "This user's company is disabled: enable it before signing in as them."
      : null;
  return {
    id: user.id,
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    customer: user.customer.name,
    blocked,
    minutes: IMPERSONATION_MINUTES,
  };
}

export async function startImpersonation(db: Db, actor: StaffPrincipal, input: { customerUserId: number; reason: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.customerUser.findFirst({
      where: { id: input.customerUserId, erasedAt: null, ...scopeWhere(actor, "customerUser.impersonate") },
      select: { id: true, customerPath: true },
    });
    if (!user) throw notFound("Customer user");
    const target = await impersonationTarget(tx, actor, user.id);
    if (target.blocked) throw new AppError("BAD_REQUEST", target.blocked);
    // One impersonation per staff member at a time: starting another ends the previous one.
    await tx.impersonation.updateMany({ where: { staffUserId: actor.id, endedAt: null }, data: { endedAt: new Date(), ticketHash: null } });
    const ticket = newRawToken();
    const impersonation = await tx.impersonation.create({
      data: {
        staffUserId: actor.id,
        customerUserId: user.id,
        reason: input.reason,
        expiresAt: new Date(Date.now() + IMPERSONATION_MINUTES * 60_000),
        ticketHash: hashToken(ticket),
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "customerUser.impersonate",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      after: { impersonationId: impersonation.id },
      reason: input.reason,
    });
    return { impersonationId: impersonation.id, ticket };
  });
}

/** The "impersonation" credentials provider: the ticket works once, within two minutes of being issued. */
export async function signInWithImpersonationTicket(db: Db, request: TicketRequest): Promise<SignInOutcome> {
  return db.$transaction(async (tx) => {
    const found = await tx.impersonation.findUnique({
      where: { ticketHash: hashToken(request.ticket) },
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        staffUserId: true,
        customerUser: { select: { id: true, email: true, sessionVersion: true, enabled: true } },
      },
    });
    if (!found) return { ok: false, reason: "invalid" } as const;
    await tx.impersonation.update({ where: { id: found.id }, data: { ticketHash: null } });
    const fresh = Date.now() - found.startedAt.getTime() < TICKET_SECONDS * 1000;
    const ok = fresh && !found.endedAt && found.customerUser.enabled;
    await tx.loginAttempt.create({
      data: {
        realm: "CUSTOMER",
        source: "IMPERSONATION",
        result: ok ? "SUCCESS" : found.customerUser.enabled ? "ERROR" : "DISABLED",
        email: found.customerUser.email,
        customerUserId: found.customerUser.id,
        staffUserId: found.staffUserId,
        ip: request.ip?.slice(0, 64),
        userAgent: request.userAgent?.slice(0, 512),
      },
    });
    if (!ok) return { ok: false, reason: found.customerUser.enabled ? "invalid" : "disabled" } as const;
    // A session of its own (no device: the staff member's browser is not the user's).
    const sessionId = await openSession(tx, "customer", found.customerUser.id, { ip: request.ip, userAgent: request.userAgent });
    return {
      ok: true,
      userId: found.customerUser.id,
      sessionVersion: found.customerUser.sessionVersion,
      sessionId,
      impersonationId: found.id,
    } as const;
  });
}

/** Ends the impersonation behind this session (the page then signs the customer session out). */
export async function endImpersonation(db: Db, actor: CustomerPrincipal) {
  const impersonation = actor.impersonator;
  if (!impersonation) throw new AppError("BAD_REQUEST", "Nobody is signed in as you.");
  return db.$transaction(async (tx) => {
    await tx.impersonation.updateMany({ where: { id: impersonation.impersonationId, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "customerUser.impersonate.end",
      entityType: "CustomerUser",
      entityId: actor.id,
      customerPath: actor.customerPath,
      after: { impersonationId: impersonation.impersonationId },
    });
    return { customerUserId: actor.id };
  });
}

/** A few things only the person themselves may do: not while a staff member is signed in as them. */
export function assertNotImpersonating(actor: { realm: string; impersonator?: unknown }, what: string) {
  if (actor.realm === "customer" && actor.impersonator) {
    throw new AppError("FORBIDDEN", `Only the user themselves can ${what}; you are signed in as them on their behalf.`);
  }
}
