import type { PrismaClient } from "../generated/prisma/client";
import { loadCustomerPrincipal, loadStaffPrincipal, type CustomerPrincipal, type StaffPrincipal } from "../authz/access";
import { createCaller } from "../api/root";
import type { Context } from "../api/trpc";
import { signInWithImpersonationTicket } from "../services/customerUsers/impersonation";
import { CLIENT_ADDRESS_HEADER } from "../http";

/** The principal a real session of this user would load (same code path as a request). */
export async function customerPrincipal(db: PrismaClient, email: string): Promise<CustomerPrincipal> {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const loaded = await loadCustomerPrincipal(db, { uid: user.id, sv: user.sessionVersion });
  if ("ended" in loaded) throw new Error(`${email} has no active session: ${loaded.ended}`);
  return loaded;
}

export async function staffPrincipal(db: PrismaClient, email: string): Promise<StaffPrincipal> {
  const user = await db.staffUser.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const loaded = await loadStaffPrincipal(db, { uid: user.id, sv: user.sessionVersion });
  if ("ended" in loaded) throw new Error(`${email} has no active session: ${loaded.ended}`);
  return loaded;
}

type ContextOptions = {
  source?: Context["source"];
  headers?: Record<string, string>;
  requestOrigin?: string | null;
  /** The client's address, as the server's vetting of the socket would report it. */
  ip?: string;
  /** What runs after the answer; by default it runs before the call returns, so tests see its effects. */
  defer?: Context["defer"];
};

/** A tRPC context signed in as `principal` (or anonymous with null). */
export function ctxFor(db: PrismaClient, principal: CustomerPrincipal | StaffPrincipal | null, options: ContextOptions = {}): Context {
  return {
    db,
    source: options.source ?? "server",
    headers: new Headers({ ...options.headers, ...(options.ip ? { [CLIENT_ADDRESS_HEADER]: options.ip } : {}) }),
    requestOrigin: options.requestOrigin ?? null,
    defer: options.defer ?? (async (work) => void (await work())),
    staff: async () => (principal?.realm === "staff" ? principal : null),
    customer: async () => (principal?.realm === "customer" ? principal : null),
  };
}

export function callerFor(db: PrismaClient, principal: CustomerPrincipal | StaffPrincipal | null, options?: ContextOptions) {
  return createCaller(ctxFor(db, principal, options));
}

/** Signed in as the staff member with this email. */
export async function staffCaller(db: PrismaClient, email: string) {
  return callerFor(db, await staffPrincipal(db, email));
}

export async function customerCaller(db: PrismaClient, email: string) {
  return callerFor(db, await customerPrincipal(db, email));
}

/** Where the impersonation test sessions come from. */
export const impersonationRequest = { ip: "203.0.113.9", userAgent: "journey" };

/**
 * Starts an impersonation of `email` as the staff member `staff` and opens the customer session its ticket grants:
 * the ticket, the sign-in outcome and the principal that session loads.
 */
export async function impersonate(db: PrismaClient, staff: string, email: string, reason = "Ticket #4411: cannot find an order") {
  const user = await db.customerUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { ticket } = await (await staffCaller(db, staff)).admin.impersonation.start({ customerUserId: user.id, reason });
  const outcome = await signInWithImpersonationTicket(db, { ticket, ...impersonationRequest });
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  const loaded = await loadCustomerPrincipal(db, { uid: outcome.userId, sv: outcome.sessionVersion, imp: outcome.impersonationId });
  return { ticket, outcome, loaded };
}
