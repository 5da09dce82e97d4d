import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { RoleForm } from "@/components/roles/role-form";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "New role" };

export default async function NewCompanyRolePage() {
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("customerUserRole.create")) redirect("/account/roles");
  const me = await caller.account.me.get();
  return (
    <>
      <PageHeader title="New role">
        <p className="mt-1 text-sm text-slate-600">You can grant at most what you hold yourself.</p>
      </PageHeader>
      <Card>
        <CardBody>
          <RoleForm
            audience="account"
            company={{ id: me.customer.id, name: me.customer.name }}
            chooseCustomer={user.grants.get("customerUserRole.create") === "SUBTREE"}
            maxLevels={Object.fromEntries(user.grants)}
          />
        </CardBody>
      </Card>
    </>
  );
}
