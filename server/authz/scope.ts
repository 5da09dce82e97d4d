import type { Prisma } from "../generated/prisma/client";
import type { CustomerPrincipal, Principal } from "./access";
import { operationDef, type EntityOf, type Operation, type ScopedEntity } from "./operations";
import { impersonatorRule, ruleFor, type Rule } from "./reach";

export type { Operation, OperationOn, RoleAction, ScopedEntity } from "./operations";

/**
 * scopeWhere turns the caller's reach (a `Rule`, resolved in reach.ts) into a Prisma `where` fragment. Queries AND it
 * with their own filters, so a record outside scope is simply not found (NOT_FOUND), never fetched and compared
 * afterwards. Everything fails closed: a rule the entity cannot express reaches nothing. `reaches` (reach.ts) reads
 * the same rule in memory; reach.test.ts proves the two agree.
 */

export type WhereOf = {
  customer: Prisma.CustomerWhereInput;
  customerAddress: Prisma.CustomerAddressWhereInput;
  customerUser: Prisma.CustomerUserWhereInput;
  customerUserAddress: Prisma.CustomerUserAddressWhereInput;
  shoppingList: Prisma.ShoppingListWhereInput;
  rfq: Prisma.RfqWhereInput;
  quote: Prisma.QuoteWhereInput;
  order: Prisma.OrderWhereInput;
  loginAttempt: Prisma.LoginAttemptWhereInput;
  customerUserRole: Prisma.CustomerUserRoleWhereInput;
};

/** The entities with a leaf per rule; roles read their rule through the customer they belong to (see `roleWhere`). */
type LeafEntity = Exclude<ScopedEntity, "customerUserRole">;

const nothing = { id: { in: [] as number[] } };

/** Prefix of every path in the subtree rooted at a customer (its own path ends with "/"). */
const subtreeOf = (path: string) => ({ startsWith: path });

const representedBy = (staffId: number) => ({ salesRepresentatives: { some: { staffUserId: staffId } } });

/** Per entity, how each leaf of a rule reads. `self` only for entities a single user owns; a missing leaf reaches nothing. */
type Leaves<W> = {
  self?: (userId: number) => W;
  customer?: (customerId: number) => W;
  subtree?: (path: string) => W;
  represented: (staffId: number) => W;
};

/** Records carrying their customer and owner (kept by triggers): OWN, Department and Corporate need no join. */
const ownedRecord = {
  self: (userId: number) => ({ customerUserId: userId }),
  customer: (customerId: number) => ({ customerId }),
  subtree: (path: string) => ({ customerPath: subtreeOf(path) }),
  represented: (staffId: number) => ({ customer: representedBy(staffId) }),
};

const leaves: { [E in LeafEntity]: Leaves<WhereOf[E]> } = {
  customer: { customer: (id) => ({ id }), subtree: (path) => ({ path: subtreeOf(path) }), represented: representedBy },
  customerAddress: {
    customer: (customerId) => ({ customerId }),
    subtree: (path) => ({ customer: { path: subtreeOf(path) } }),
    represented: (id) => ({ customer: representedBy(id) }),
  },
  customerUser: {
    // The actor's own row ("self" operations: their own data, their own API applications).
    self: (id) => ({ id }),
    customer: (customerId) => ({ customerId }),
    subtree: (path) => ({ customerPath: subtreeOf(path) }),
    // The user's row carries its customer's representatives (kept by triggers): one indexed column, no join.
    represented: (id) => ({ customerSalesRepIds: { has: id } }),
  },
  customerUserAddress: {
    self: (userId) => ({ customerUserId: userId }),
    customer: (customerId) => ({ customerUser: { customerId } }),
    subtree: (path) => ({ customerUser: { customerPath: subtreeOf(path) } }),
    represented: (id) => ({ customerUser: { customer: representedBy(id) } }),
  },
  shoppingList: ownedRecord,
  rfq: ownedRecord,
  quote: ownedRecord,
  order: ownedRecord,
  // Only attempts that matched a user of a represented customer: unknown emails and staff stay hidden.
  loginAttempt: { represented: (id) => ({ customerUser: { customer: representedBy(id) } }) },
};

/** The `where` reading of a rule for rows of `entity`. */
export function whereOf<E extends ScopedEntity>(entity: E, rule: Rule): WhereOf[E] {
  if (entity === "customerUserRole") return roleWhere(rule) as WhereOf[E];
  const leaf = leaves[entity as LeafEntity] as Leaves<WhereOf[E]>;
  const read = (): WhereOf[E] | undefined => {
    switch (rule.to) {
      case "nothing":
      case "offeredOr": // roles only (roleWhere)
        return undefined;
      case "all":
        return {} as WhereOf[E];
      case "self":
        return leaf.self?.(rule.userId);
      case "customer":
        return leaf.customer?.(rule.customerId);
      case "subtree":
        return leaf.subtree?.(rule.path);
      case "represented":
        return leaf.represented(rule.staffId);
      case "every":
        return { AND: rule.rules.map((r) => whereOf(entity, r)) } as WhereOf[E];
    }
  };
  return read() ?? (nothing as WhereOf[E]);
}

/**
 * Roles: staff holding the permission reach every role (it is not limited to represented customers; who may be given
 * a role is, see `customerUser.assignRole`). A customer user reaches the predefined roles offered to customers
 * (self-managed and public) and the roles of the customers their level reaches; never a parent's.
 */
function roleWhere(rule: Rule): Prisma.CustomerUserRoleWhereInput {
  if (rule.to === "all") return {};
  if (rule.to !== "offeredOr") return nothing;
  return { OR: [{ customerId: null, selfManaged: true, public: true }, { customer: whereOf("customer", rule.rule) }] };
}

/**
 * While a staff member is signed in as a customer user (impersonation), the reach is the intersection of the
 * user's and the staff member's: a staff member limited to the customers they represent reaches, as the user, only
 * the records of those customers. Every customer-realm scope applies it; null when nothing is cut.
 */
export function impersonationLimit<E extends ScopedEntity>(principal: CustomerPrincipal, entity: E): WhereOf[E] | null {
  const limit = impersonatorRule(principal);
  return limit ? whereOf(entity, limit) : null;
}

const operationEntity = <O extends Operation>(op: O) => operationDef(op).entity as EntityOf<O>;

/** The rows of the operation's entity the actor reaches for `op` (operations.ts says which permission each realm needs). */
export function scopeWhere<O extends Operation>(principal: Principal, op: O): WhereOf[EntityOf<O>] {
  return whereOf(operationEntity(op), ruleFor(principal, op)) as WhereOf[EntityOf<O>];
}

/** The same company, for rows filed under their customer's path (audit entries): a prefix of the path. */
export function companyPathPrefix(principal: CustomerPrincipal) {
  return subtreeOf(principal.customerPath);
}
