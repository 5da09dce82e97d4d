import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { roleListSpec, RolesGrid } from "@/components/roles/roles-grid";
import { listPage } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Roles" };

export default async function CompanyRolesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("customerUserRole.view")) redirect("/account");
  const list = await listPage(roleListSpec("account", params), (i) => caller.account.roles.list(i));
  return (
    <>
      <PageHeader
        title="Roles"
        actions={user.grants.has("customerUserRole.create") ? <ButtonLink href="/account/roles/new">New role</ButtonLink> : null}
      >
        <p className="mt-1 text-sm text-slate-600">
          The predefined roles offered to your company and the roles of your company
          {user.grants.get("customerUserRole.view") === "SUBTREE" ? " and its subsidiaries" : ""}. Editing a predefined role makes a copy of
          it for your company.
        </p>
      </PageHeader>
      <RolesGrid audience="account" {...list} />
    </>
  );
}
