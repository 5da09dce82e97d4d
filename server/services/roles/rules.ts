import { randomBytes } from "node:crypto";
import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { assertWithinCustomerGrants } from "../../authz/grants";
import { levelRank } from "../../authz/permissions";
import { scopeWhere, type RoleAction } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { RolePermissionRow } from "../../schemas/role";

/**
 * Customer user roles, for staff and for customer administrators alike (`actor` decides what is reached).
 *
 * Bounding. A customer administrator may build, change, copy or assign a role only within their own effective
 * levels. Staff have no customer-realm levels of their own: what bounds them is their staff grants — the
 * `customerUserRole.*` permission of the operation, `customer.view` for the customer a role is built for, and
 * `customerUser.edit` (with its scope) for the users they give a role to. A customer role cannot reach beyond its
 * own company's subtree or into the back office, so any level in it is within what such a staff member may hand
 * out; a staff member limited to the customers they represent can only give roles to those customers' users.
 *
 * Every change bumps the authorization epoch in its transaction, so holders get the new grants on their next
 * request, and is recorded in the audit log.
 */

export const roleSummarySelect = {
  id: true,
  code: true,
  label: true,
  customerId: true,
  selfManaged: true,
  public: true,
  createdAt: true,
  // The path and representatives say whether the actor reaches the role's customer (roleAbilities).
  customer: { select: { id: true, name: true, path: true, salesRepresentatives: { select: { staffUserId: true } } } },
  sourceRole: { select: { id: true, label: true } },
} as const satisfies Prisma.CustomerUserRoleSelect;

export const roleDetailSelect = {
  ...roleSummarySelect,
  version: true,
  updatedAt: true,
  permissions: { select: { permission: true, level: true }, orderBy: { permission: "asc" } },
} as const satisfies Prisma.CustomerUserRoleSelect;

export type RoleRow = Prisma.CustomerUserRoleGetPayload<{ select: typeof roleDetailSelect }>;

/** The role if `action` reaches it for this actor, else NOT_FOUND. */
export async function roleFor(db: DbClient, actor: Principal, id: number, action: RoleAction): Promise<RoleRow> {
  const role = await db.customerUserRole.findFirst({
    where: { AND: [{ id }, scopeWhere(actor, `customerUserRole.${action}`)] },
    select: roleDetailSelect,
  });
  if (!role) throw notFound("Role");
  return role;
}

/** A company's own role that is not self-managed is the store's to change; its administrators only see it. */
export function assertSelfManaged(actor: Principal, role: RoleRow) {
  if (actor.realm === "customer" && role.customerId !== null && !role.selfManaged) {
    throw new AppError("BAD_REQUEST", `"${role.label}" is managed by the store's staff; ask them to change it.`);
  }
}

/** The users whose roles count in lists: the ones the actor sees. */
export const holderScope = (actor: Principal) => scopeWhere(actor, "customerUser.view");

/** Only rows that grant something are stored. */
export function grantedRows(rows: readonly RolePermissionRow[]): RolePermissionRow[] {
  return rows.filter((row) => row.level !== "NONE");
}

export function assertBounded(actor: Principal, rows: readonly RolePermissionRow[], what: string) {
  if (actor.realm === "customer") assertWithinCustomerGrants(actor.grants, rows, what, "permissions");
}

/** The level at which a role lets its holders manage users (`customerUser.edit`), as a rank. */
export function manageRank(rows: readonly RolePermissionRow[]) {
  const level = rows.find((row) => row.permission === "customerUser.edit")?.level ?? "NONE";
  return levelRank("customerUser.edit", level);
}

/** Stable machine name for a new role: ROLE_FRONTEND_<LABEL>_<6 hex>. */
export function newRoleCode(label: string) {
  const slug =
    label
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "ROLE";
  return `ROLE_FRONTEND_${slug}_${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * Labels are unique per customer (and among predefined roles), ignoring case. The lock serializes two requests
 * claiming the same label at once; for company roles the unique index holds it too.
 */
export async function assertLabelFree(tx: DbClient, customerId: number | null, label: string, exceptId?: number) {
  await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${`role-label:${customerId ?? "predefined"}:${label.toLowerCase()}`}))) AS l`;
  const taken = await tx.customerUserRole.findFirst({
    where: { customerId, label: { equals: label, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = customerId === null ? "A predefined role has this label already." : "This customer has a role with this label already.";
    throw new AppError("CONFLICT", message, { fieldErrors: { label: [message] } });
  }
}

/**
 * The customer a role is built for: staff choose among the customers they can see (null: predefined); a customer
 * administrator among the ones their level of `customerUserRole.<action>` reaches.
 */
export async function ownerFor(tx: DbClient, actor: Principal, customerId: number | null, action: "create" | "edit") {
  if (customerId === null) {
    if (actor.realm === "staff") return null;
    throw new AppError("BAD_REQUEST", "Only the store's staff create predefined roles.", {
      fieldErrors: { customerId: ["Choose your company."] },
    });
  }
  const reach = scopeWhere(actor, `customer.${action}Role`);
  const customer = await tx.customer.findFirst({
    where: { AND: [{ id: customerId }, reach] },
    select: { id: true, name: true, path: true },
  });
  if (!customer) {
    const message = actor.realm === "staff" ? "Choose a customer you can see." : "Choose your company or one of its subsidiaries.";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { customerId: [message] } });
  }
  return customer;
}

/** Roles a customer administrator makes are always theirs to manage (and, like every company role, public). */
export const companyFlags = { selfManaged: true, public: true } as const;

/** Inserts a role with its grant rows and a new code; nobody holds it yet. */
export async function insertRole(
  tx: DbClient,
  role: { label: string; customerId: number | null; selfManaged: boolean; public: boolean; sourceRoleId?: number },
  permissions: readonly RolePermissionRow[],
) {
  return tx.customerUserRole.create({
    data: {
      ...role,
      code: newRoleCode(role.label),
      permissions: { createMany: { data: permissions.map(({ permission, level }) => ({ permission, level })) } },
    },
    select: { id: true, version: true, label: true, customerId: true, selfManaged: true, public: true },
  });
}

export function snapshot(
  role: { label: string; customerId: number | null; selfManaged: boolean; public: boolean },
  permissions: readonly RolePermissionRow[],
) {
  return {
    label: role.label,
    customerId: role.customerId,
    selfManaged: role.selfManaged,
    public: role.public,
    permissions: Object.fromEntries(permissions.map((row) => [row.permission, row.level])),
  };
}
