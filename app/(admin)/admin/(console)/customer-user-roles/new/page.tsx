import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { RoleForm } from "@/components/roles/role-form";
import { requireStaff } from "@/server/auth/session";

export const metadata: Metadata = { title: "New customer user role" };

export default async function NewCustomerUserRolePage() {
  const staff = await requireStaff();
  if (!staff.grants.has("customerUserRole.create")) redirect("/admin/customer-user-roles");
  return (
    <>
      <PageHeader title="New customer user role" />
      <Card>
        <CardBody>
          <RoleForm audience="admin" />
        </CardBody>
      </Card>
    </>
  );
}
