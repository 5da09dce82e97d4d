import type { CustomerPermission, StaffPermission } from "./permissions";

/**
 * Authorization keyed by operation: every scoped thing the code does names one row of this table, and the row says
 * which permission each realm needs for it. `scopeWhere(actor, op)` reads it as a Prisma `where`, `reaches(actor, op,
 * row)` as a predicate in memory (reach.ts), from the same rule.
 *
 * Every row names its staff permission (or null): no staff write can fall back on a view grant because an argument was
 * left out. reach.test.ts runs every row against the database and fails on a row it does not exercise.
 */

/** The entities scope knows: the rows an operation reaches. */
export type ScopedEntity =
  | "customer"
  | "customerAddress"
  | "customerUser"
  | "customerUserAddress"
  | "customerUserRole"
  | "shoppingList"
  | "rfq"
  | "quote"
  | "order"
  | "loginAttempt";

export type OperationDef = {
  entity: ScopedEntity;
  /**
   * Customer realm: the permissions whose levels must each reach (several: the reaches intersect); "self": the actor's
   * own record, no permission needed; null: never.
   */
  customer: readonly CustomerPermission[] | "self" | null;
  /** Staff realm: the permissions whose scopes must each reach (unscoped ones reach everything); null: never. */
  staff: readonly StaffPermission[] | null;
  /** Customer realm, capabilities (NONE or GRANTED): how far holding them reaches, the actor alone or their company. */
  granted?: "self" | "subtree";
  /** Customer realm: lower levels reach nothing (a new subsidiary lies below the actor's customer: only Corporate reaches it). */
  atLeast?: "SUBTREE";
};

const same = <P extends string>(permission: P) => [permission] as const;

export const operations = {
  // ---------------------------------------------------------------------------------------- customer users
  "customerUser.view": { entity: "customerUser", customer: same("customerUser.view"), staff: same("customerUser.view") },
  "customerUser.edit": { entity: "customerUser", customer: same("customerUser.edit"), staff: same("customerUser.edit") },
  "customerUser.enable": { entity: "customerUser", customer: same("customerUser.edit"), staff: same("customerUser.enable") },
  "customerUser.delete": { entity: "customerUser", customer: same("customerUser.delete"), staff: same("customerUser.delete") },
  "customerUser.confirm": { entity: "customerUser", customer: same("customerUser.edit"), staff: same("customerUser.confirm") },
  "customerUser.resetPassword": { entity: "customerUser", customer: same("customerUser.edit"), staff: same("customerUser.resetPassword") },
  "customerUser.sendWelcome": { entity: "customerUser", customer: same("customerUser.edit"), staff: same("customerUser.sendWelcome") },
  "customerUser.impersonate": { entity: "customerUser", customer: null, staff: same("customerUser.impersonate") },
  "customerUser.notes": { entity: "customerUser", customer: null, staff: same("customerUser.notes") },
  /** A customer user exports their own data; staff anyone's their privacy grant reaches. */
  "customerUser.exportData": { entity: "customerUser", customer: "self", staff: same("customerUser.privacy") },
  "customerUser.erase": { entity: "customerUser", customer: same("customerUser.delete"), staff: same("customerUser.privacy") },
  /** A customer user manages their own API applications; staff those of the users their grant reaches. */
  "customerUser.manageApps": { entity: "customerUser", customer: same("oauthApp.manage"), granted: "self", staff: same("oauthApp.manage") },
  "customerUser.viewLockout": { entity: "customerUser", customer: null, staff: same("loginAttempt.view") },
  "customerUser.clearLockout": { entity: "customerUser", customer: null, staff: same("loginAttempt.clearLockout") },
  /** Give a user a role (who may hold which role is the role's own operation). */
  "customerUser.assignRole": { entity: "customerUser", customer: same("customerUserRole.assign"), staff: same("customerUser.edit") },

  // ---------------------------------------------------------------------------------------------- customers
  "customer.view": { entity: "customer", customer: same("customer.view"), staff: same("customer.view") },
  "customer.edit": { entity: "customer", customer: null, staff: same("customer.edit") },
  "customer.delete": { entity: "customer", customer: null, staff: same("customer.delete") },
  /** A parent new customers may be created under. */
  "customer.attachChild": { entity: "customer", customer: null, staff: same("customer.create") },
  /** A parent an existing customer may be moved under: any the actor sees. */
  "customer.reparentTo": { entity: "customer", customer: null, staff: same("customer.view") },
  /** Customers whose users (and invitations) the actor sees. */
  "customer.listUsers": { entity: "customer", customer: same("customerUser.view"), staff: same("customerUser.view") },
  /** Customers the actor may add a user to (create or invite). */
  "customer.addUser": { entity: "customer", customer: same("customerUser.create"), staff: same("customerUser.create") },
  /** Customers the actor may move a user to. */
  "customer.moveUserTo": { entity: "customer", customer: same("customerUser.edit"), staff: same("customerUser.edit") },
  /** Parents of a new subsidiary created with its first user. */
  "customer.addSubsidiary": {
    entity: "customer",
    customer: ["customer.edit", "customerUser.create"],
    atLeast: "SUBTREE",
    staff: ["customer.create", "customerUser.create"],
  },
  /** Customers whose users the actor may give roles to. */
  "customer.assignRoles": { entity: "customer", customer: same("customerUserRole.assign"), staff: same("customerUser.edit") },
  /** Customers a role may be created for, or an edited role moved to: staff choose among the customers they see. */
  "customer.createRole": { entity: "customer", customer: same("customerUserRole.create"), staff: same("customer.view") },
  "customer.editRole": { entity: "customer", customer: same("customerUserRole.edit"), staff: same("customer.view") },
  /** The customers of the company audit log: a customer user's company, whatever its levels. */
  "customer.audit": { entity: "customer", customer: same("audit.view"), granted: "subtree", staff: same("audit.view") },

  // ------------------------------------------------------------------------------ roles (predefined roles offered too)
  "customerUserRole.view": { entity: "customerUserRole", customer: same("customerUserRole.view"), staff: same("customerUserRole.view") },
  "customerUserRole.create": {
    entity: "customerUserRole",
    customer: same("customerUserRole.create"),
    staff: same("customerUserRole.create"),
  },
  "customerUserRole.edit": { entity: "customerUserRole", customer: same("customerUserRole.edit"), staff: same("customerUserRole.edit") },
  "customerUserRole.delete": {
    entity: "customerUserRole",
    customer: same("customerUserRole.delete"),
    staff: same("customerUserRole.delete"),
  },
  /** Staff hand out roles with the right to edit them. */
  "customerUserRole.assign": {
    entity: "customerUserRole",
    customer: same("customerUserRole.assign"),
    staff: same("customerUserRole.edit"),
  },

  // ------------- addresses (the account's address book): staff see them where they see the owner, and change them through it
  "customerAddress.view": { entity: "customerAddress", customer: same("customerAddress.view"), staff: same("customer.view") },
  "customerAddress.edit": { entity: "customerAddress", customer: same("customerAddress.edit"), staff: null },
  "customerAddress.delete": { entity: "customerAddress", customer: same("customerAddress.delete"), staff: null },
  "customerUserAddress.view": {
    entity: "customerUserAddress",
    customer: same("customerUserAddress.view"),
    staff: same("customerUser.view"),
  },
  "customerUserAddress.create": { entity: "customerUserAddress", customer: same("customerUserAddress.create"), staff: null },
  "customerUserAddress.edit": { entity: "customerUserAddress", customer: same("customerUserAddress.edit"), staff: null },
  "customerUserAddress.delete": { entity: "customerUserAddress", customer: same("customerUserAddress.delete"), staff: null },

  // ------------------------------------------------------------ records (staff read them where they see the users)
  "order.view": { entity: "order", customer: same("order.view"), staff: same("customerUser.view") },
  "quote.view": { entity: "quote", customer: same("quote.view"), staff: same("customerUser.view") },
  "rfq.view": { entity: "rfq", customer: same("rfq.view"), staff: same("customerUser.view") },
  "shoppingList.view": { entity: "shoppingList", customer: same("shoppingList.view"), staff: same("customerUser.view") },

  // ----------------------------------------------------------------------------------------- back office only
  "loginAttempt.view": { entity: "loginAttempt", customer: null, staff: same("loginAttempt.view") },
} as const satisfies Record<string, OperationDef>;

export type Operation = keyof typeof operations;
export type EntityOf<O extends Operation> = (typeof operations)[O]["entity"];
/** The operations on rows of one entity. */
export type OperationOn<E extends ScopedEntity> = { [O in Operation]: EntityOf<O> extends E ? O : never }[Operation];

/** The actions on roles, each an operation `customerUserRole.<action>`. */
export type RoleAction = "view" | "create" | "edit" | "delete" | "assign";

export const operationNames = Object.keys(operations) as Operation[];

export function operationDef(op: Operation): OperationDef {
  return operations[op];
}
