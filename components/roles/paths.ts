/** The two places roles are managed: the back office (staff) and the storefront (a company's administrators). */
export type Audience = "admin" | "account";

export function rolesPath(audience: Audience) {
  return audience === "admin" ? "/admin/customer-user-roles" : "/account/roles";
}
