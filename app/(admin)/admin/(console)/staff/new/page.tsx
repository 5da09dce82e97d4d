import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/admin/no-access";
import { StaffUserForm } from "@/components/admin/staff-user-form";
import { getStaffCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "New staff member" };

export default async function NewStaffUserPage() {
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("staffUser.create") || !staff.grants.has("staffUser.view"))
    return <NoAccess title="New staff member" permission="staffUser.create" />;
  const roles = await caller.admin.staffUsers.roleChoices();
  return (
    <>
      <PageHeader title="New staff member">
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/admin/staff" className="text-brand-700 hover:underline">
            Staff
          </Link>{" "}
          · They get an email with a single-use link to choose their password.
        </p>
      </PageHeader>
      <Card className="max-w-2xl">
        <CardBody>
          <StaffUserForm roles={roles} />
        </CardBody>
      </Card>
    </>
  );
}
