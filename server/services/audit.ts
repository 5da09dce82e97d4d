import type { DbClient } from "../db";
import type { Principal } from "../authz/access";
import type { Prisma } from "../generated/prisma/client";

/**
 * The audit log: every change, with who made it (and who really did, when a staff member acts as a customer user),
 * what it touched, and the record before and after. Written in the transaction of the change.
 */
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: number | string;
  customerPath?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  reason?: string | null;
};

export type AuditActor = Principal | { realm: "system" };

export async function recordAudit(tx: DbClient, actor: AuditActor, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorType: actor.realm === "staff" ? "STAFF" : actor.realm === "customer" ? "CUSTOMER_USER" : "SYSTEM",
      actorStaffId: actor.realm === "staff" ? actor.id : null,
      actorCustomerUserId: actor.realm === "customer" ? actor.id : null,
      impersonatorStaffId: actor.realm === "customer" ? (actor.impersonator?.staffUserId ?? null) : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      customerPath: entry.customerPath ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      reason: entry.reason ?? null,
    },
  });
}
