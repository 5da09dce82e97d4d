import type { DbClient } from "../../db";
import type { CustomerPrincipal, Principal } from "../../authz/access";
import { companyPathPrefix, impersonationLimit, scopeWhere } from "../../authz/scope";
import type { Prisma } from "../../generated/prisma/client";
import type { ListAuditInput } from "../../schemas/audit";
import { companyAuditTypes, forCompany } from "./record";
import { likeLiteral } from "../kit/filters";
import { keysetPage, keysetWhere, mapPage, newestFirst } from "../kit/keyset";

/**
 * Reading the audit log. Staff with "View the audit log" see everything; a customer user with the capability
 * "View the company audit log" sees the changes that concern their customer and its subsidiaries — never a
 * parent company's, never another customer's — of the record types a company may read (auditRecordTypes: never
 * staff notes and events), without their staff-only fields.
 */
export async function listAuditEvents(db: DbClient, actor: Principal, input: ListAuditInput) {
  const company = actor.realm === "customer";
  const rows = await db.auditEvent.findMany({
    where: {
      AND: company ? await companyAuditWhere(db, actor) : [],
      ...keysetWhere(newestFirst, input.cursor),
      ...(input.entityType ? { entityType: input.entityType } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.action ? { action: { startsWith: likeLiteral(input.action) } } : {}),
      ...(input.from || input.to
        ? { occurredAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
        : {}),
    },
    select: {
      id: true,
      occurredAt: true,
      actorType: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      reason: true,
      actorStaff: { select: { id: true, firstName: true, lastName: true } },
      actorCustomerUser: { select: { id: true, firstName: true, lastName: true } },
      impersonator: { select: { id: true, firstName: true, lastName: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  return mapPage(keysetPage(rows, input.limit, newestFirst), (row) => {
    const before = company ? forCompany(row.entityType, row.before) : row.before;
    const after = company ? forCompany(row.entityType, row.after) : row.after;
    return {
      ...row,
      before,
      after,
      // Staff names are not shown to customers: they see "Staff" (the company deals with the vendor, not a person).
      actorStaff: company && row.actorStaff ? { id: 0, firstName: "Staff", lastName: "" } : row.actorStaff,
      impersonator: company && row.impersonator ? { id: 0, firstName: "Staff", lastName: "" } : row.impersonator,
      changes: changedFields(before, after),
    };
  });
}

/** The company's part of the log; while a staff member is signed in as the user, only the customers both reach. */
async function companyAuditWhere(db: DbClient, actor: CustomerPrincipal): Promise<Prisma.AuditEventWhereInput[]> {
  const where: Prisma.AuditEventWhereInput[] = [{ customerPath: companyPathPrefix(actor) }, { entityType: { in: companyAuditTypes } }];
  if (impersonationLimit(actor, "customer")) {
    // Entries are filed under their customer's own path: those of the customers within both reaches.
    const reached = await db.customer.findMany({ where: scopeWhere(actor, "customer.audit"), select: { path: true } });
    where.push({ customerPath: { in: reached.map((customer) => customer.path) } });
  }
  return where;
}

type Json = unknown;

/** Field-by-field difference of two JSON objects, for display. */
export function changedFields(before: Json, after: Json): { field: string; before: Json; after: Json }[] {
  const a = (before && typeof before === "object" ? before : {}) as Record<string, Json>;
  const b = (after && typeof after === "object" ? after : {}) as Record<string, Json>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ field: key, before: a[key] ?? null, after: b[key] ?? null }));
}
