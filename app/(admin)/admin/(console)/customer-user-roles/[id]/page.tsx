import type { Metadata } from "next";
import { RoleView, roleUsersSpec } from "@/components/roles/role-view";
import { listPage } from "@/components/grid/page";
import { pageId, type SearchParams } from "@/components/grid/params";
import { getStaffCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Customer user role" };

export default async function CustomerUserRolePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = pageId(await params);
  const query = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const role = await orNotFound(caller.admin.customerUserRoles.get({ id }));
  const users = await listPage(roleUsersSpec("admin", id, query), (input) => caller.admin.customerUserRoles.users(input));
  const reach = staff.grants.get("customerUser.view") === "ALL" ? "every customer" : "the customers you represent";
  return (
    <RoleView
      audience="admin"
      role={role}
      users={users}
      params={query}
      usersNote={`Users of ${reach} who hold it.`}
      assignNote={
        role.customer
          ? `Users of ${role.customer.name} you may edit.`
          : "Users of any customer you may edit: a predefined role is available to all."
      }
    />
  );
}
