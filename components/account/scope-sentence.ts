import type { CustomerPrincipal } from "@/server/authz/access";
import type { CustomerPermission } from "@/server/authz/permissions";

const reach = { OWN: "your own", CUSTOMER: "your company's", SUBTREE: "your company's and its subsidiaries'" } as const;

/** Says whose records the list holds, from the level the user's roles grant. */
export function scopeSentence(user: CustomerPrincipal, permission: CustomerPermission, noun: string) {
  const level = user.grants.get(permission);
  return level && level in reach ? `Showing ${reach[level as keyof typeof reach]} ${noun}.` : "";
}
