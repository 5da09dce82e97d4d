import { customerCatalogue, staffCatalogue, type CustomerPermission, type Level, type StaffPermission } from "./permissions";

/**
 * The predefined roles and their default grants, as in the reference product: the Administrator holds
 * everything at Corporate level; the Buyer sees its company and its users, and works on its own records.
 */
export const administratorGrants: [CustomerPermission, Level][] = customerCatalogue.map((info) => [
  info.key,
  info.kind === "capability" ? "GRANTED" : "SUBTREE",
]);

/** An administrator of one company only: everything at Department level (no subsidiaries). */
export const departmentAdministratorGrants: [CustomerPermission, Level][] = customerCatalogue.map((info) => [
  info.key,
  info.kind === "capability" ? "GRANTED" : "CUSTOMER",
]);

export const buyerGrants: [CustomerPermission, Level][] = [
  ["customer.view", "CUSTOMER"],
  ["customerAddress.view", "CUSTOMER"],
  ["customerUser.view", "CUSTOMER"],
  ["customerUserAddress.view", "OWN"],
  ["customerUserAddress.create", "OWN"],
  ["customerUserAddress.edit", "OWN"],
  ["customerUserAddress.delete", "OWN"],
  ["order.view", "OWN"],
  ["order.create", "OWN"],
  ["order.edit", "OWN"],
  ["rfq.view", "OWN"],
  ["rfq.create", "OWN"],
  ["rfq.edit", "OWN"],
  ["quote.view", "OWN"],
  ["shoppingList.view", "OWN"],
  ["shoppingList.create", "OWN"],
  ["shoppingList.edit", "OWN"],
  ["shoppingList.delete", "OWN"],
  ["shoppingList.duplicate", "OWN"],
  ["shoppingList.rename", "OWN"],
  ["shoppingList.setDefault", "OWN"],
  ["profile.update", "GRANTED"],
  ["quickOrder.use", "GRANTED"],
  ["checkout.billingAddress.manual", "GRANTED"],
  ["checkout.shippingAddress.manual", "GRANTED"],
];

export const predefinedRoles = [
  { code: "ROLE_FRONTEND_ADMINISTRATOR", label: "Administrator", selfManaged: true, public: true, grants: administratorGrants },
  { code: "ROLE_FRONTEND_BUYER", label: "Buyer", selfManaged: true, public: true, grants: buyerGrants },
] as const;

export const staffAdministratorPermissions: StaffPermission[] = staffCatalogue.map((info) => info.key);

export const salesManagerPermissions: StaffPermission[] = [
  "customerUser.view",
  "customerUser.create",
  "customerUser.edit",
  "customerUser.enable",
  "customerUser.confirm",
  "customerUser.resetPassword",
  "customerUser.sendWelcome",
  "customerUser.notes",
  "customerUser.impersonate",
  "customer.view",
  "customer.edit",
  "customerUserRole.view",
  "oauthApp.manage",
  "loginAttempt.view",
  "loginAttempt.clearLockout",
];

export const readOnlyPermissions: StaffPermission[] = ["customerUser.view", "customer.view", "customerGroup.view", "customerUserRole.view"];

/** Manages back-office accounts and roles, and nothing about customers: can hand out only those powers. */
export const staffManagerPermissions: StaffPermission[] = staffCatalogue
  .filter((info) => info.key.startsWith("staffUser.") || info.key.startsWith("staffRole."))
  .map((info) => info.key);

export const predefinedStaffRoles = [
  {
    code: "ADMINISTRATOR",
    label: "Administrator",
    scope: "ALL",
    description: "Everything in the back office.",
    permissions: staffAdministratorPermissions,
  },
  {
    code: "SALES_MANAGER",
    label: "Sales manager",
    scope: "REPRESENTED",
    description: "Manages the customers they represent.",
    permissions: salesManagerPermissions,
  },
  { code: "READ_ONLY", label: "Read-only", scope: "ALL", description: "Looks, changes nothing.", permissions: readOnlyPermissions },
  {
    code: "STAFF_MANAGER",
    label: "Staff manager",
    scope: "ALL",
    description: "Manages back-office accounts and roles, within their own permissions.",
    permissions: staffManagerPermissions,
  },
] as const;

/** Predefined staff roles ship with Roster: they can be edited, never deleted. */
export const predefinedStaffRoleCodes: ReadonlySet<string> = new Set(predefinedStaffRoles.map((role) => role.code));
