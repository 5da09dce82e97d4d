import type { CustomerPermission } from "@/server/authz/permissions";

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
