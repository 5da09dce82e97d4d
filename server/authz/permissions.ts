/**
 * The permission catalogue: every permission either realm knows, one place. Roles store grants as rows whose keys
 * must be in here; role editors and the "effective permissions" view are generated from it.
 *
 * Isomorphic (no server imports): the role editor renders from it in the browser too.
 */

import { customerCapabilities } from "./capabilities";

// ------------------------------------------------------------------------------------------ levels

/** Levels of a customer-realm entity permission, lowest first. Capabilities are NONE or GRANTED. */
export const entityLevels = ["NONE", "OWN", "CUSTOMER", "SUBTREE"] as const;
export type EntityLevel = (typeof entityLevels)[number];
export const capabilityLevels = ["NONE", "GRANTED"] as const;
export type CapabilityLevel = (typeof capabilityLevels)[number];
export type Level = EntityLevel | CapabilityLevel;

export const levelLabels: Record<Level, string> = {
  NONE: "None",
  OWN: "User (own records)",
  CUSTOMER: "Department (own customer)",
  SUBTREE: "Corporate (customer and subsidiaries)",
  GRANTED: "Granted",
};

export const levelShortLabels: Record<Level, string> = {
  NONE: "None",
  OWN: "User",
  CUSTOMER: "Department",
  SUBTREE: "Corporate",
  GRANTED: "Granted",
};

/** Staff permissions are yes/no; a staff role's scope decides which customers they reach. */
export const staffScopes = ["REPRESENTED", "ALL"] as const;
export type StaffScope = (typeof staffScopes)[number];
export const staffScopeLabels: Record<StaffScope, string> = {
  REPRESENTED: "Customers they represent",
  ALL: "All customers",
};

// ----------------------------------------------------------------------------- customer realm

const actionLabels = {
  view: "View",
  create: "Create",
  edit: "Edit",
  delete: "Delete",
  assign: "Assign",
  duplicate: "Duplicate",
  rename: "Rename",
  setDefault: "Set as default",
} as const;
export type Action = keyof typeof actionLabels;
/** Every entity action, in the order editors show them as columns. */
export const entityActions = Object.keys(actionLabels) as Action[];

/**
 * Customer-owned entities have no single-user owner, so their levels start at CUSTOMER; user-owned entities
 * take all four levels.
 */
const customerEntities = {
  customer: { label: "Customer", owner: "customer", actions: ["view", "edit"] },
  customerAddress: { label: "Customer address", owner: "customer", actions: ["view", "create", "edit", "delete"] },
  customerUser: { label: "Customer user", owner: "customer", actions: ["view", "create", "edit", "delete"] },
  customerUserRole: {
    label: "Customer user role",
    owner: "customer",
    actions: ["view", "create", "edit", "delete", "assign"],
  },
  customerUserAddress: {
    label: "Customer user address",
    owner: "user",
    actions: ["view", "create", "edit", "delete"],
  },
  shoppingList: {
    label: "Shopping list",
    owner: "user",
    actions: ["view", "create", "edit", "delete", "duplicate", "rename", "setDefault"],
  },
  rfq: { label: "Request for quote", owner: "user", actions: ["view", "create", "edit"] },
  quote: { label: "Quote", owner: "user", actions: ["view"] },
  order: { label: "Order", owner: "user", actions: ["view", "create", "edit"] },
} as const satisfies Record<string, { label: string; owner: "customer" | "user"; actions: readonly Action[] }>;

export type CustomerEntity = keyof typeof customerEntities;
type EntityPermissionOf<E extends CustomerEntity> = `${E}.${(typeof customerEntities)[E]["actions"][number]}`;
export type CustomerEntityPermission = { [E in CustomerEntity]: EntityPermissionOf<E> }[CustomerEntity];

export type CustomerCapability = keyof typeof customerCapabilities;
export type CustomerPermission = CustomerEntityPermission | CustomerCapability;

export type CustomerPermissionInfo = {
  key: CustomerPermission;
  kind: "entity" | "capability";
  entity?: CustomerEntity;
  action?: Action;
  levels: readonly Level[];
  label: string;
  description: string;
  group: string;
};

function entityDescription(action: Action, entityLabel: string) {
  const noun = entityLabel.toLowerCase();
  return action === "assign" ? `Assign ${noun}s to users` : `${actionLabels[action]} ${noun} records`;
}

export const customerCatalogue: readonly CustomerPermissionInfo[] = [
  ...Object.entries(customerEntities).flatMap(([entity, def]) =>
    def.actions.map((action): CustomerPermissionInfo => ({
      key: `${entity}.${action}` as CustomerEntityPermission,
      kind: "entity",
      entity: entity as CustomerEntity,
      action,
      levels: def.owner === "user" ? entityLevels : (["NONE", "CUSTOMER", "SUBTREE"] as const),
      label: `${actionLabels[action]} ${def.label.toLowerCase()}`,
      description: entityDescription(action, def.label),
      group: def.label,
    })),
  ),
  ...Object.entries(customerCapabilities).map(([key, def]): CustomerPermissionInfo => ({
    key: key as CustomerCapability,
    kind: "capability",
    levels: capabilityLevels,
    label: def.label,
    description: def.description,
    group: "Capabilities",
  })),
];

export const customerPermissionIndex: ReadonlyMap<string, CustomerPermissionInfo> = new Map(
  customerCatalogue.map((info) => [info.key, info]),
);

export const customerEntityTable = Object.entries(customerEntities).map(([entity, def]) => ({
  entity: entity as CustomerEntity,
  label: def.label,
  owner: def.owner,
  actions: def.actions as readonly Action[],
}));

export function isCustomerPermission(key: string): key is CustomerPermission {
  return customerPermissionIndex.has(key);
}

/** Rank of a level within a permission's own ladder; -1 when the permission does not take that level. */
export function levelRank(permission: CustomerPermission, level: Level): number {
  return customerPermissionIndex.get(permission)?.levels.indexOf(level) ?? -1;
}

export function actionLabel(action: Action) {
  return actionLabels[action];
}

// ------------------------------------------------------------------------------------ staff realm

const staffEntities = {
  customerUser: { label: "Customer users", scoped: true, actions: ["view", "create", "edit", "delete"] },
  customer: { label: "Customers", scoped: true, actions: ["view", "create", "edit", "delete"] },
  customerGroup: { label: "Customer groups", scoped: false, actions: ["view", "create", "edit", "delete"] },
  customerUserRole: { label: "Customer user roles", scoped: false, actions: ["view", "create", "edit", "delete"] },
  staffUser: { label: "Staff users", scoped: false, actions: ["view", "create", "edit", "delete"] },
  staffRole: { label: "Staff roles", scoped: false, actions: ["view", "create", "edit", "delete"] },
  consent: { label: "Consents", scoped: false, actions: ["view", "create", "edit", "delete"] },
  settings: { label: "Settings", scoped: false, actions: ["view", "edit"] },
} as const satisfies Record<string, { label: string; scoped: boolean; actions: readonly Action[] }>;

const staffOperations = {
  "customerUser.enable": {
    label: "Enable and disable customer users",
    scoped: true,
    description: "Let customer users sign in, or stop them at once (their sessions end).",
  },
  "customerUser.confirm": {
    label: "Confirm customer users and resend confirmation",
    scoped: true,
    description: "Mark an address as confirmed by hand, or send the confirmation email again.",
  },
  "customerUser.resetPassword": {
    label: "Force a password reset",
    scoped: true,
    description: "Block sign-in until the user sets a new password from an emailed link.",
  },
  "customerUser.sendWelcome": {
    label: "Send the welcome email",
    scoped: true,
    description: "Email a single-use link to set a password (never the password itself).",
  },
  "customerUser.impersonate": {
    label: "Sign in as a customer user",
    scoped: true,
    description: "Act as a customer user, with a stated reason, every action recorded with both names.",
  },
  "customerUser.notes": {
    label: "Add and edit notes and events",
    scoped: true,
    description: "Keep notes and schedule events on customer users and customers.",
  },
  "customerUser.privacy": {
    label: "Export and erase personal data",
    scoped: true,
    description: "Download what is held about a person, or anonymize them while keeping their orders.",
  },
  "oauthApp.manage": {
    label: "Manage customer users' OAuth applications",
    scoped: true,
    description: "Create, deactivate and delete API applications that act as a customer user.",
  },
  "loginAttempt.view": {
    label: "View sign-in attempts and lockouts",
    scoped: true,
    description: "See every sign-in, refused or not, and who is locked out.",
  },
  "loginAttempt.clearLockout": {
    label: "Clear sign-in lockouts",
    scoped: true,
    description: "Lift a lockout early once the person has proven who they are.",
  },
  "mailbox.view": { label: "View the email outbox", scoped: false, description: "Read the emails Roster has sent or is about to send." },
  "audit.view": { label: "View the audit log", scoped: false, description: "See who changed what, before and after." },
} as const satisfies Record<string, { label: string; scoped: boolean; description: string }>;

type StaffEntity = keyof typeof staffEntities;
export type StaffPermission =
  { [E in StaffEntity]: `${E}.${(typeof staffEntities)[E]["actions"][number]}` }[StaffEntity] | keyof typeof staffOperations;

export type StaffPermissionInfo = {
  key: StaffPermission;
  label: string;
  description: string;
  group: string;
  /** Limited to represented customers when the role's scope is REPRESENTED. */
  scoped: boolean;
};

const staffEntityDescription = (action: Action, entityLabel: string) => {
  const noun = entityLabel.toLowerCase();
  return action === "view" ? `See ${noun} and their details` : `${actionLabels[action]} ${noun}`;
};

export const staffCatalogue: readonly StaffPermissionInfo[] = [
  ...Object.entries(staffEntities).flatMap(([entity, def]) =>
    def.actions.map((action): StaffPermissionInfo => ({
      key: `${entity}.${action}` as StaffPermission,
      label: `${actionLabels[action]} ${def.label.toLowerCase()}`,
      description: def.scoped
        ? `${staffEntityDescription(action, def.label)} (of the customers the role's scope reaches).`
        : `${staffEntityDescription(action, def.label)}.`,
      group: def.label,
      scoped: def.scoped,
    })),
  ),
  ...Object.entries(staffOperations).map(([key, def]): StaffPermissionInfo => ({
    key: key as StaffPermission,
    label: def.label,
    description: def.description,
    group: key.startsWith("customerUser.") ? staffEntities.customerUser.label : "Operations",
    scoped: def.scoped,
  })),
];

export const staffPermissionIndex: ReadonlyMap<string, StaffPermissionInfo> = new Map(staffCatalogue.map((info) => [info.key, info]));

export function isStaffPermission(key: string): key is StaffPermission {
  return staffPermissionIndex.has(key);
}
