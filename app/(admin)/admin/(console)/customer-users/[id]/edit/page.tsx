import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { CustomerUserForm } from "@/components/customer-users/form/customer-user-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Edit Customer User" };

export default async function EditCustomerUserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { staff, caller } = await getStaffCaller();
  const [record, options] = await Promise.all([
    orNotFound(caller.admin.customerUsers.get({ id })),
    caller.admin.customerUsers.formOptions(),
  ]);
  if (!staff.grants.has("customerUser.edit")) {
    return (
      <>
        <PageHeader title="Edit Customer User" />
        <Alert tone="warning">You need the permission “Edit customer users” to do this.</Alert>
      </>
    );
  }
  // Keyed by version: after a save the form starts from the saved record.
  return <CustomerUserForm key={record.version} mode="edit" record={record} options={options} />;
}
