import type { CustomerPrincipal, Principal, StaffPrincipal } from "./access";
import { operationDef, type Operation, type OperationDef, type ScopedEntity } from "./operations";
import { staffPermissionIndex, type CustomerPermission, type StaffPermission } from "./permissions";

export type { ScopedEntity } from "./operations";

/**
 * Reach, resolved once: what an actor's grants let them reach for one operation (operations.ts), as a `Rule`. The rule has two
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

/** One staff permission: its scope; an unscoped permission reaches everything once held. */
function staffRule(principal: StaffPrincipal, permission: StaffPermission): Rule {
  const scope = principal.grants.get(permission);
  if (scope === undefined) return nothing;
  if (scope === "ALL" || staffPermissionIndex.get(permission)?.scoped === false) return { to: "all" };
  return { to: "represented", staffId: principal.id };
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
  return cut(principal, rule);
}

/** The impersonating staff member's cut, or null when nothing is cut. */
export function impersonatorRule(principal: CustomerPrincipal): Rule | null {
  const impersonator = principal.impersonator;
  return impersonator && impersonator.reach !== "ALL" ? { to: "represented", staffId: impersonator.staffUserId } : null;
}

const cut = (principal: CustomerPrincipal, rule: Rule): Rule => {
  const limit = impersonatorRule(principal);
  return rule.to === "nothing" || !limit ? rule : { to: "every", rules: [rule, limit] };
};

/** Several permissions: each must reach. One: its own rule, unwrapped (the where fragments stay as the indexes expect). */
const each = (rules: Rule[]): Rule => (rules.length === 1 ? rules[0]! : { to: "every", rules });

/**
 * A customer user's company: their customer and its subsidiaries, cut by an impersonator. How far a capability
 * reaches (the company audit log).
 */
function companyRule(principal: CustomerPrincipal): Rule {
  return cut(principal, { to: "subtree", path: principal.customerPath });
}

function customerRealmRule(principal: CustomerPrincipal, def: OperationDef): Rule {
  const { customer: permissions, entity } = def;
  if (permissions === null) return nothing;
  // The actor's own record: an impersonator reaches it by construction (impersonation starts only within their reach).
  if (permissions === "self") return { to: "self", userId: principal.id };
  if (def.granted) {
    if (!permissions.every((permission) => principal.grants.has(permission))) return nothing;
    return def.granted === "self" ? { to: "self", userId: principal.id } : companyRule(principal);
  }
  if (entity === "customerUserRole") {
    // The predefined roles offered to customers, or the roles of the customers the level reaches (never a parent's).
    const permission = permissions[0]!;
    const level = principal.grants.get(permission);
    if (level !== "CUSTOMER" && level !== "SUBTREE") return nothing;
    return { to: "offeredOr", rule: customerRule(principal, "customer", permission) };
  }
  return each(permissions.map((permission) => customerRule(principal, entity, permission, def.atLeast)));
}

/** The rule `scopeWhere(principal, op)` and `reaches(principal, op, target)` interpret. */
export function ruleFor(principal: Principal, op: Operation): Rule {
  const def = operationDef(op);
  if (principal.realm === "customer") return customerRealmRule(principal, def);
  return def.staff === null ? nothing : each(def.staff.map((permission) => staffRule(principal, permission)));
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

/** Does `principal` reach this row for `op`, as `scopeWhere(principal, op)` would find it? */
export function reaches(principal: Principal, op: Operation, target: ReachTarget): boolean {
  return matches(ruleFor(principal, op), target);
}

/** Whether a rule can reach anything at all (an intersection reaches nothing when one part does). */
function reachesSome(rule: Rule): boolean {
  if (rule.to === "nothing") return false;
  if (rule.to === "every") return rule.rules.every(reachesSome);
  return true;
}

/** Does `principal` hold `op` at all (somewhere)? For screens: a page, a create button. */
export function holds(principal: Principal, op: Operation): boolean {
  return reachesSome(ruleFor(principal, op));
}

/** How far an operation reaches, in one word. */
export type Breadth = "all" | "represented" | "subtree" | "customer" | "self" | "nothing";

function breadth(rule: Rule): Breadth {
  switch (rule.to) {
    case "every":
      // The actor's own reach; what an impersonator cuts from it (or a second permission) narrows it, never widens it.
      return rule.rules.every(reachesSome) ? breadth(rule.rules[0]!) : "nothing";
    case "offeredOr":
      return breadth(rule.rule);
    default:
      return rule.to;
  }
}

/**
 * How far `op` reaches, in one word: "all" (staff at ALL), "represented" (staff at REPRESENTED), or the customer
 * levels' "subtree", "customer", "self"; "nothing". For choices that depend on the breadth itself (a shortcut when
 * nothing is cut) and for the pages' sentences ("your company's", "every customer").
 */
export function reachOf(principal: Principal, op: Operation): Breadth {
  return breadth(ruleFor(principal, op));
}

/** A customer's own row as a reach target. */
export function customerTarget(customer: { id: number; path: string; salesRepIds: readonly number[] }): ReachTarget {
  return { customerId: customer.id, customerPath: customer.path, ownerUserId: null, salesRepIds: customer.salesRepIds };
}
