import type { Prisma } from "../generated/prisma/client";
import type { CustomerPrincipal, Principal, StaffPrincipal } from "./access";
import type { Action, CustomerEntity, CustomerPermission, Level, StaffPermission } from "./permissions";

/**
 * scopeWhere turns the caller's effective level into a Prisma `where` fragment. Queries AND it with their own
 * filters, so a record outside scope is simply not found (NOT_FOUND), never fetched and compared afterwards.
 * Everything fails closed: a level the entity does not know reaches nothing.
 */

type WhereOf = {
  customer: Prisma.CustomerWhereInput;
  customerAddress: Prisma.CustomerAddressWhereInput;
  customerUser: Prisma.CustomerUserWhereInput;
  customerUserAddress: Prisma.CustomerUserAddressWhereInput;
  shoppingList: Prisma.ShoppingListWhereInput;
  rfq: Prisma.RfqWhereInput;
  quote: Prisma.QuoteWhereInput;
  order: Prisma.OrderWhereInput;
  loginAttempt: Prisma.LoginAttemptWhereInput;
};
export type ScopedEntity = keyof WhereOf;

const nothing = { id: { in: [] as number[] } };

/** Prefix of every path in the subtree rooted at a customer (its own path ends with "/"). */
export const subtreeOf = (path: string) => ({ startsWith: path });

type CustomerScope = { level: Level; userId: number; customerId: number; customerPath: string };

/** Per entity: how each level reads. OWN only exists for user-owned entities. */
const customerRealm: { [E in ScopedEntity]: (s: CustomerScope) => WhereOf[E] | null } = {
  customer: (s) => (s.level === "CUSTOMER" ? { id: s.customerId } : s.level === "SUBTREE" ? { path: subtreeOf(s.customerPath) } : null),
  customerAddress: (s) =>
    s.level === "CUSTOMER"
      ? { customerId: s.customerId }
      : s.level === "SUBTREE"
        ? { customer: { path: subtreeOf(s.customerPath) } }
        : null,
  customerUser: (s) =>
    s.level === "CUSTOMER" ? { customerId: s.customerId } : s.level === "SUBTREE" ? { customerPath: subtreeOf(s.customerPath) } : null,
  customerUserAddress: (s) =>
    s.level === "OWN"
      ? { customerUserId: s.userId }
      : s.level === "CUSTOMER"
        ? { customerUser: { customerId: s.customerId } }
        : s.level === "SUBTREE"
          ? { customerUser: { customerPath: subtreeOf(s.customerPath) } }
          : null,
  shoppingList: (s) => ownedRecord(s),
  rfq: (s) => ownedRecord(s),
  quote: (s) => ownedRecord(s),
  order: (s) => ownedRecord(s),
  // Sign-in attempts are a back-office record; no customer level reaches them.
  loginAttempt: () => null,
};

function ownedRecord(s: CustomerScope) {
  return s.level === "OWN"
    ? { customerUserId: s.userId }
    : s.level === "CUSTOMER"
      ? { customerId: s.customerId }
      : s.level === "SUBTREE"
        ? { customerPath: subtreeOf(s.customerPath) }
        : null;
}

/** Staff with a REPRESENTED grant reach the customers they are sales representative of. */
const staffRealm: { [E in ScopedEntity]: (staffUserId: number) => WhereOf[E] } = {
  customer: (id) => ({ salesRepresentatives: { some: { staffUserId: id } } }),
  customerAddress: (id) => ({ customer: { salesRepresentatives: { some: { staffUserId: id } } } }),
  // The user's row carries its customer's representatives (kept by triggers): one indexed column, no join.
  customerUser: (id) => ({ customerSalesRepIds: { has: id } }),
  customerUserAddress: (id) => ({ customerUser: { customer: { salesRepresentatives: { some: { staffUserId: id } } } } }),
  shoppingList: (id) => ({ customer: { salesRepresentatives: { some: { staffUserId: id } } } }),
  rfq: (id) => ({ customer: { salesRepresentatives: { some: { staffUserId: id } } } }),
  quote: (id) => ({ customer: { salesRepresentatives: { some: { staffUserId: id } } } }),
  order: (id) => ({ customer: { salesRepresentatives: { some: { staffUserId: id } } } }),
  // Only attempts that matched a user of a represented customer: unknown emails and staff stay hidden.
  loginAttempt: (id) => ({ customerUser: { customer: { salesRepresentatives: { some: { staffUserId: id } } } } }),
};

/** The staff permission that governs reading an entity in the back office. */
const staffViewPermission: Record<ScopedEntity, StaffPermission> = {
  customer: "customer.view",
  customerAddress: "customer.view",
  customerUser: "customerUser.view",
  customerUserAddress: "customerUser.view",
  shoppingList: "customerUser.view",
  rfq: "customerUser.view",
  quote: "customerUser.view",
  order: "customerUser.view",
  loginAttempt: "loginAttempt.view",
};

/**
 * While a staff member is signed in as a customer user (impersonation), the reach is the intersection of the
 * user's and the staff member's: a staff member limited to the customers they represent reaches, as the user, only
 * the records of those customers. Every customer-realm scope below applies it; null when nothing is cut.
 */
export function impersonationLimit<E extends ScopedEntity>(principal: CustomerPrincipal, entity: E): WhereOf[E] | null {
  const impersonator = principal.impersonator;
  return impersonator && impersonator.reach !== "ALL" ? staffRealm[entity](impersonator.staffUserId) : null;
}

function limited<E extends ScopedEntity>(principal: CustomerPrincipal, entity: E, where: WhereOf[E]): WhereOf[E] {
  const limit = impersonationLimit(principal, entity);
  return (limit ? { AND: [where, limit] } : where) as WhereOf[E];
}

export function customerScopeWhere<E extends ScopedEntity>(
  principal: CustomerPrincipal,
  entity: E & CustomerEntity,
  action: Action = "view",
): WhereOf[E] {
  const level = principal.grants.get(`${entity}.${action}` as CustomerPermission) ?? "NONE";
  const where = customerRealm[entity]({
    level,
    userId: principal.id,
    customerId: principal.customerId,
    customerPath: principal.customerPath,
  });
  return where === null ? (nothing as WhereOf[E]) : limited<E>(principal, entity, where as WhereOf[E]);
}

export function staffScopeWhere<E extends ScopedEntity>(
  principal: StaffPrincipal,
  entity: E,
  permission: StaffPermission = staffViewPermission[entity],
): WhereOf[E] {
  const scope = principal.grants.get(permission);
  if (scope === "ALL") return {} as WhereOf[E];
  if (scope === "REPRESENTED") return staffRealm[entity](principal.id);
  return nothing as WhereOf[E];
}

/** Scope for either realm: customer users by their level of `entity.action`, staff by their grant's scope. */
export function scopeWhere<E extends ScopedEntity>(
  principal: Principal,
  entity: E & CustomerEntity,
  action: Action = "view",
  staffPermission?: StaffPermission,
): WhereOf[E] {
  return principal.realm === "customer"
    ? customerScopeWhere(principal, entity, action)
    : staffScopeWhere(principal, entity, staffPermission);
}

/**
 * The customers an actor reaches through one permission: a customer user by its level (Department: their
 * customer; Corporate: their subtree), staff by the permission's scope. For actions on customer-owned things that
 * are not rows of the customer itself (users invited to it, roles created for it).
 */
export function customersReachedBy(
  principal: Principal,
  customerPermission: CustomerPermission,
  staffPermission: StaffPermission,
): Prisma.CustomerWhereInput {
  if (principal.realm === "staff") return staffScopeWhere(principal, "customer", staffPermission);
  const level = principal.grants.get(customerPermission);
  if (level === "CUSTOMER") return limited(principal, "customer", { id: principal.customerId });
  if (level === "SUBTREE") return limited(principal, "customer", { path: subtreeOf(principal.customerPath) });
  return nothing;
}

/** The customer users an actor reaches through one permission that is not a customer-user permission itself. */
export function customerUsersReachedBy(
  principal: Principal,
  customerPermission: CustomerPermission,
  staffPermission: StaffPermission,
): Prisma.CustomerUserWhereInput {
  if (principal.realm === "staff") return staffScopeWhere(principal, "customerUser", staffPermission);
  const level = principal.grants.get(customerPermission);
  if (level === "CUSTOMER") return limited(principal, "customerUser", { customerId: principal.customerId });
  if (level === "SUBTREE") return limited(principal, "customerUser", { customerPath: subtreeOf(principal.customerPath) });
  return nothing;
}

export type RoleAction = "view" | "create" | "edit" | "delete" | "assign";

/**
 * The customer user roles an actor reaches for one action. Staff holding the action's permission reach every role
 * (the permission is not limited to represented customers; who may be given a role is, see
 * `customerUsersReachedBy`). A customer user reaches the predefined roles offered to customers (self-managed and
 * public) and the roles of the customers their level of `customerUserRole.<action>` reaches; never a parent's.
 */
export function roleScopeWhere(principal: Principal, action: RoleAction): Prisma.CustomerUserRoleWhereInput {
  if (principal.realm === "staff") {
    const permission: StaffPermission = action === "assign" ? "customerUserRole.edit" : `customerUserRole.${action}`;
    return principal.grants.has(permission) ? {} : nothing;
  }
  const permission: CustomerPermission = `customerUserRole.${action}`;
  const level = principal.grants.get(permission);
  if (level !== "CUSTOMER" && level !== "SUBTREE") return nothing;
  return {
    OR: [
      { customerId: null, selfManaged: true, public: true },
      { customer: customersReachedBy(principal, permission, "customerUserRole.view") },
    ],
  };
}
