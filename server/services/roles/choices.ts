import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { assertWithinCustomerGrants, exceedingCustomerGrants, grantsOfRoles } from "../../authz/grants";
import { customerTarget, reaches } from "../../authz/reach";
import { scopeWhere } from "../../authz/scope";
import { AppError, notFound } from "../../errors";

/**
 * Which roles a customer's users may be given, and by whom: what the user forms and the invitation form offer, and
 * the one check every path that hands roles out runs (creating a user, editing one, inviting, resending an
 * invitation), so none of them can bound it differently.
 */

/** Roles a customer's users may hold: the predefined public roles and the customer's own. */
export async function rolesUsableBy(db: DbClient, customerId: number, roleIds: number[]) {
  return db.customerUserRole.findMany({
    where: { id: { in: roleIds }, OR: [{ customerId: null, public: true }, { customerId }] },
    select: { id: true, label: true },
  });
}

/**
 * The roles a customer's users may hold — the predefined public roles and the customer's own — each saying whether
 * the actor may hand it out (a customer user only within their own grants).
 */
export async function roleChoices(db: DbClient, actor: Principal, customerId: number | null) {
  if (customerId !== null) {
    const reached = await db.customer.count({
      where: { AND: [{ id: customerId }, scopeWhere(actor, "customer.listUsers")] },
    });
    if (!reached) throw notFound("Customer");
  }
  const roles = await db.customerUserRole.findMany({
    where: { OR: [{ customerId: null, public: true }, ...(customerId ? [{ customerId }] : [])] },
    select: { id: true, label: true, customerId: true, permissions: { select: { permission: true, level: true } } },
    orderBy: [{ customerId: { sort: "asc", nulls: "first" } }, { label: "asc" }],
  });
  return roles.map(({ permissions, ...role }) => {
    const excess = actor.realm === "customer" ? exceedingCustomerGrants(actor.grants, permissions) : [];
    return { ...role, predefined: role.customerId === null, assignable: excess.length === 0, exceeds: excess.map((e) => e.label) };
  });
}

const unavailable = "Some chosen roles are not available to this customer.";

/**
 * Hands `roleIds` to a user of `customer`, checked: a customer user who changes what the user holds needs the
 * role-assignment permission reaching that customer; every role must be usable by the customer; and the roles
 * added (those not in `held`) must lie within a customer user's own grants (`what` names the attempt in the
 * refusal). Returns the roles, with their labels for the audit.
 */
export async function assertMayHandOut(
  tx: DbClient,
  actor: Principal,
  customer: { id: number; path: string; salesRepresentativeIds: readonly number[] },
  roleIds: number[],
  { held = [], what }: { held?: readonly number[]; what: string },
) {
  const added = roleIds.filter((id) => !held.includes(id));
  const changed = added.length > 0 || held.some((id) => !roleIds.includes(id));
  if (actor.realm === "customer" && changed) {
    const target = customerTarget({ ...customer, salesRepIds: customer.salesRepresentativeIds });
    if (!reaches(actor, "customer.assignRoles", target))
      throw new AppError("FORBIDDEN", "Your roles do not let you assign roles to this customer's users.");
  }
  const roles = await rolesUsableBy(tx, customer.id, roleIds);
  if (roles.length !== new Set(roleIds).size) throw new AppError("BAD_REQUEST", unavailable, { fieldErrors: { roleIds: [unavailable] } });
  if (actor.realm === "customer" && added.length) {
    assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, added), what);
  }
  return roles;
}
