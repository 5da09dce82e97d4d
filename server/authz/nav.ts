import type { CustomerPermission, StaffPermission } from "./permissions";

/**
 * The two menus, with the permission each entry needs. Isomorphic data: `navFor` (abilities.ts) filters them for the
 * signed-in actor, and the layouts read them from there.
 */

/** The back office menu; an entry shows only to staff holding its permission. */
export const adminNav: { section: string; items: { href: string; label: string; permission: StaffPermission }[] }[] = [
  {
    section: "Customers",
    items: [
      { href: "/admin/customers", label: "Customers", permission: "customer.view" },
      { href: "/admin/customer-groups", label: "Customer Groups", permission: "customerGroup.view" },
      { href: "/admin/customer-users", label: "Customer Users", permission: "customerUser.view" },
      { href: "/admin/customer-user-roles", label: "Customer User Roles", permission: "customerUserRole.view" },
      { href: "/admin/sign-in-attempts", label: "Sign-in Attempts", permission: "loginAttempt.view" },
    ],
  },
  {
    section: "System",
    items: [
      { href: "/admin/mailbox", label: "Mailbox", permission: "mailbox.view" },
      { href: "/admin/audit", label: "Audit log", permission: "audit.view" },
      { href: "/admin/staff", label: "Staff", permission: "staffUser.view" },
      { href: "/admin/staff-roles", label: "Staff Roles", permission: "staffRole.view" },
      { href: "/admin/settings", label: "Settings", permission: "settings.view" },
    ],
  },
];

/** The account menu; an entry shows only when the user's roles grant its permission (null: everyone). */
export const accountNav: { href: string; label: string; permission: CustomerPermission | null }[] = [
  { href: "/account", label: "Overview", permission: null },
  { href: "/account/profile", label: "Profile", permission: null },
  { href: "/account/addresses", label: "Addresses", permission: "customerUserAddress.view" },
  { href: "/account/orders", label: "Orders", permission: "order.view" },
  { href: "/account/quotes", label: "Quotes", permission: "quote.view" },
  { href: "/account/rfqs", label: "Requests for quote", permission: "rfq.view" },
  { href: "/account/shopping-lists", label: "Shopping lists", permission: "shoppingList.view" },
  { href: "/account/users", label: "Users", permission: "customerUser.view" },
  { href: "/account/invitations", label: "Invitations", permission: "customerUser.create" },
  { href: "/account/roles", label: "Roles", permission: "customerUserRole.view" },
  { href: "/account/api-access", label: "API access", permission: "oauthApp.manage" },
  { href: "/account/audit", label: "Audit log", permission: "audit.view" },
  { href: "/account/consents", label: "Consents", permission: null },
];
