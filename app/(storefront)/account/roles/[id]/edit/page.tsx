import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { RoleForm } from "@/components/roles/role-form";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Edit role" };

export default async function EditCompanyRolePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { user, caller } = await getCustomerCaller();
  const role = await orNotFound(caller.account.roles.get({ id }));
  if (!role.can.edit) redirect(`/account/roles/${id}`);
  const me = role.customer === null ? await caller.account.me.get() : null;
  return (
    <>
      <PageHeader title={`Edit “${role.label}”`}>
        <p className="mt-1 text-sm text-slate-600">You can grant at most what you hold yourself.</p>
      </PageHeader>
      <Card>
        <CardBody>
          <RoleForm
            audience="account"
            role={role}
            chooseCustomer={false}
            maxLevels={Object.fromEntries(user.grants)}
            copyNotice={me ? { companyName: me.customer.name, users: role.companyUsers ?? 0 } : undefined}
          />
        </CardBody>
      </Card>
    </>
  );
}
