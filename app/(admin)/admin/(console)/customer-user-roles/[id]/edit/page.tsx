import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { RoleForm } from "@/components/roles/role-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Edit customer user role" };

export default async function EditCustomerUserRolePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
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
