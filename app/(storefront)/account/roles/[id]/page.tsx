import type { Metadata } from "next";
import { RoleView, roleUsersSpec } from "@/components/roles/role-view";
import { listPage } from "@/components/grid/page";
import { pageId, type SearchParams } from "@/components/grid/params";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Role" };

const reach = (level: string | undefined) => (level === "SUBTREE" ? "your company and its subsidiaries" : "your company");

export default async function CompanyRolePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = pageId(await params);
  const query = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const role = await orNotFound(caller.account.roles.get({ id }));
  const users = await listPage(roleUsersSpec("account", id, query), (input) => caller.account.roles.users(input));
  return (
    <RoleView
      audience="account"
      role={role}
      users={users}
      params={query}
      usersNote={`Users of ${reach(user.grants.get("customerUser.view"))} who hold it.`}
      assignNote={role.customer ? `Users of ${role.customer.name}.` : `Users of ${reach(user.grants.get("customerUserRole.assign"))}.`}
    />
  );
}
