import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/admin/no-access";
import { StaffRoleForm } from "@/components/admin/staff-role-form";
import { getStaffCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "New staff role" };

export default async function NewStaffRolePage() {
  const { staff } = await getStaffCaller();
  if (!staff.grants.has("staffRole.create")) return <NoAccess title="New staff role" permission="staffRole.create" />;
  return (
    <>
      <PageHeader title="New staff role">
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/admin/staff-roles" className="text-brand-700 hover:underline">
            Staff Roles
          </Link>{" "}
          · You can grant only what you hold yourself.
        </p>
      </PageHeader>
      <Card>
        <CardBody>
          <StaffRoleForm held={Object.fromEntries(staff.grants)} />
        </CardBody>
      </Card>
    </>
  );
}
