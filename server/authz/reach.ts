import type { CustomerPrincipal, Principal, StaffPrincipal } from "./access";
import type { Action, CustomerPermission, StaffPermission } from "./permissions";

/**
 * Reach, resolved once: what an actor's grants let them reach through one permission, as a `Rule`. The rule has two
 * interpreters that must agree (reach.test.ts proves it on the database): `scopeWhere` (scope.ts) reads it as a
 * Prisma `where`, `reaches` below as a predicate over a row already in memory. No other code reads levels or scopes
 * to decide reach.
 */
export type Rule =
  | { to: "nothing" }
  | { to: "all" }
  /** OWN: the records the actor owns. */
  | { to: "self"; userId: number }
  /** Department: one customer. */
  | { to: "customer"; customerId: number }
  /** Corporate: the customers whose path starts with this one (a path ends with "/"). */
  | { to: "subtree"; path: string }
  /** Staff REPRESENTED: the customers this staff member is a sales representative of. */
  | { to: "represented"; staffId: number }
  /** Every rule must reach (an impersonated user's reach is cut to the impersonator's). */
  | { to: "every"; rules: readonly Rule[] }
  /** Roles: the predefined roles offered to customers (self-managed and public), or what `rule` reaches. */
  | { to: "offeredOr"; rule: Rule };

/** The entities scope knows; `customerUserRole` only through `roleScopeWhere`/`reachesRole`. */
export type ScopedEntity =
  "customer" | "customerAddress" | "customerUser" | "customerUserAddress" | "shoppingList" | "rfq" | "quote" | "order" | "loginAttempt";

/** What reach depends on, for a row of any scoped entity (the customer it belongs to, the user who owns it). */
export type ReachTarget = {
  customerId: number | null;
  customerPath: string | null;
  /** The owning customer user, for entities with an OWN level; null otherwise. */
  ownerUserId: number | null;
  /** The staff members representing the row's customer. */
  salesRepIds: readonly number[];
  /** Roles only: a predefined role offered to customers. */
  offered?: boolean;
};

const nothing: Rule = { to: "nothing" };

/** Entities a single customer user owns: the only ones an OWN level reaches. */
const ownedEntities: ReadonlySet<ScopedEntity> = new Set(["customerUserAddress", "shoppingList", "rfq", "quote", "order"]);

/** The staff permission that governs reading an entity in the back office. */
export const staffViewPermission: Record<ScopedEntity, StaffPermission> = {
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

function staffRule(principal: StaffPrincipal, permission: StaffPermission): Rule {
  const scope = principal.grants.get(permission);
  if (scope === "ALL") return { to: "all" };
  if (scope === "REPRESENTED") return { to: "represented", staffId: principal.id };
  return nothing;
}

/**
 * A customer user's level of `permission` over rows of `entity`. Fails closed: a level the entity does not take
 * reaches nothing. While a staff member is signed in as the user, the reach is cut to what both reach.
 */
function customerRule(principal: CustomerPrincipal, entity: ScopedEntity, permission: CustomerPermission, atLeast?: "SUBTREE"): Rule {
  if (entity === "loginAttempt") return nothing; // a back-office record: no customer level reaches it
  const level = principal.grants.get(permission);
  if (atLeast === "SUBTREE" && level !== "SUBTREE") return nothing;
  const rule: Rule =
    level === "OWN" && ownedEntities.has(entity)
      ? { to: "self", userId: principal.id }
      : level === "CUSTOMER"
        ? { to: "customer", customerId: principal.customerId }
        : level === "SUBTREE"
          ? { to: "subtree", path: principal.customerPath }
          : nothing;
  const limit = impersonatorRule(principal);
  return rule.to === "nothing" || !limit ? rule : { to: "every", rules: [rule, limit] };
}

/** The impersonating staff member's cut, or null when nothing is cut. */
export function impersonatorRule(principal: CustomerPrincipal): Rule | null {
  const impersonator = principal.impersonator;
  return impersonator && impersonator.reach !== "ALL" ? { to: "represented", staffId: impersonator.staffUserId } : null;
}

/**
 * The rule for `entity` rows through one permission of each realm. `atLeast: "SUBTREE"`: lower customer levels
 * reach nothing (a new subsidiary lies below the actor's own customer, so only Corporate reaches where it goes).
 */
export function ruleThrough(
  principal: Principal,
  entity: ScopedEntity,
  customerPermission: CustomerPermission,
  staffPermission: StaffPermission,
  atLeast?: "SUBTREE",
): Rule {
  return principal.realm === "customer"
    ? customerRule(principal, entity, customerPermission, atLeast)
    : staffRule(principal, staffPermission);
}

/**
 * A customer user's company: their customer and its subsidiaries, cut by an impersonator. How far a capability
 * reaches (the company audit log).
 */
export function companyRule(principal: CustomerPrincipal): Rule {
  const limit = impersonatorRule(principal);
  const subtree: Rule = { to: "subtree", path: principal.customerPath };
  return limit ? { to: "every", rules: [subtree, limit] } : subtree;
}

/** The rule `scopeWhere(principal, entity, action, staffPermission)` interprets. */
export function ruleFor(principal: Principal, entity: ScopedEntity, action: Action = "view", staffPermission?: StaffPermission): Rule {
  return ruleThrough(principal, entity, `${entity}.${action}` as CustomerPermission, staffPermission ?? staffViewPermission[entity]);
}

export type RoleAction = "view" | "create" | "edit" | "delete" | "assign";

/** The rule `roleScopeWhere` interprets: see there. */
export function roleRule(principal: Principal, action: RoleAction): Rule {
  if (principal.realm === "staff") {
    // Unscoped: holding the permission reaches every role.
    const permission: StaffPermission = action === "assign" ? "customerUserRole.edit" : `customerUserRole.${action}`;
    return principal.grants.has(permission) ? { to: "all" } : nothing;
  }
  const permission: CustomerPermission = `customerUserRole.${action}`;
  const level = principal.grants.get(permission);
  if (level !== "CUSTOMER" && level !== "SUBTREE") return nothing;
  return { to: "offeredOr", rule: customerRule(principal, "customer", permission) };
}

/** The predicate reading of a rule. */
export function matches(rule: Rule, target: ReachTarget): boolean {
  switch (rule.to) {
    case "nothing":
      return false;
    case "all":
      return true;
    case "self":
      return target.ownerUserId === rule.userId;
    case "customer":
      return target.customerId === rule.customerId;
    case "subtree":
      return target.customerPath !== null && target.customerPath.startsWith(rule.path);
    case "represented":
      return target.salesRepIds.includes(rule.staffId);
    case "every":
      return rule.rules.every((r) => matches(r, target));
    case "offeredOr":
      return target.offered === true || (target.customerId !== null && matches(rule.rule, target));
  }
}

/** Does `principal` reach this row as `scopeWhere(principal, entity, action, staffPermission)` would find it? */
export function reaches(
  principal: Principal,
  entity: ScopedEntity,
  target: ReachTarget,
  action: Action = "view",
  staffPermission?: StaffPermission,
): boolean {
  return matches(ruleFor(principal, entity, action, staffPermission), target);
}

/**
 * How far `scopeWhere(principal, entity, action, staffPermission)` reaches, in one word: "all" (staff at ALL),
 * "represented" (staff at REPRESENTED), or the customer levels' "subtree", "customer", "self"; "every" while
 * impersonated; "nothing". For choices that depend on the breadth itself (a shortcut when nothing is cut).
 */
export function reachOf(
  principal: Principal,
  entity: ScopedEntity,
  action: Action = "view",
  staffPermission?: StaffPermission,
): Rule["to"] {
  return ruleFor(principal, entity, action, staffPermission).to;
}

/** Does `principal` reach this row through a permission not named after its entity (as `customersReachedBy`)? */
export function reachesThrough(
  principal: Principal,
  entity: ScopedEntity,
  target: ReachTarget,
  customerPermission: CustomerPermission,
  staffPermission: StaffPermission,
): boolean {
  return matches(ruleThrough(principal, entity, customerPermission, staffPermission), target);
}

/** Does `principal` reach this role for `action`, as `roleScopeWhere` would find it? */
export function reachesRole(principal: Principal, action: RoleAction, target: ReachTarget): boolean {
  return matches(roleRule(principal, action), target);
}

/** A customer's own row as a reach target. */
export function customerTarget(customer: { id: number; path: string; salesRepIds: readonly number[] }): ReachTarget {
  return { customerId: customer.id, customerPath: customer.path, ownerUserId: null, salesRepIds: customer.salesRepIds };
}
