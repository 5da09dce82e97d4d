import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { RoleForm } from "@/components/roles/role-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Edit customer user role" };

export default async function EditCustomerUserRolePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { caller } = await getStaffCaller();
  const role = await orNotFound(caller.admin.customerUserRoles.get({ id }));
  if (!role.can.edit) redirect(`/admin/customer-user-roles/${id}`);
  return (
    <>
      <PageHeader title={`Edit “${role.label}”`} />
      <Card>
        <CardBody>
          <RoleForm audience="admin" role={role} />
        </CardBody>
      </Card>
    </>
  );
}
