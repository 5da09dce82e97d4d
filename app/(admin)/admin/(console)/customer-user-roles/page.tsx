import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { roleListSpec, RolesGrid } from "@/components/roles/roles-grid";
import { listPage } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { getStaffCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Customer User Roles" };

export default async function CustomerUserRolesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("customerUserRole.view")) redirect("/admin");
  const list = await listPage(roleListSpec("admin", params), (i) => caller.admin.customerUserRoles.list(i));
  return (
    <>
      <PageHeader
        title="Customer User Roles"
        actions={
          staff.grants.has("customerUserRole.create") ? <ButtonLink href="/admin/customer-user-roles/new">New role</ButtonLink> : null
        }
      >
        <p className="mt-1 text-sm text-slate-600">
          What customer users may do in the storefront. Predefined roles are available to every customer; a customer&rsquo;s own roles only
          to its users.
        </p>
      </PageHeader>
      <RolesGrid audience="admin" {...list} />
    </>
  );
}
