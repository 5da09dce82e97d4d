import type { CustomerPermission } from "@/server/authz/permissions";

/** The account menu; an entry shows only when the user's roles grant its permission (null: everyone). */
export const accountNav: { href: string; label: string; permission: CustomerPermission | null }[] = [
  { href: "/account", label: "Overview", permission: null },
  { href: "/account/api-access", label: "API access", permission: "oauthApp.manage" },
];
