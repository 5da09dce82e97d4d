import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { CustomerUserForm } from "@/components/customer-users/form/customer-user-form";
import { getStaffCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Create Customer User" };

export default async function NewCustomerUserPage() {
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("customerUser.create")) {
    return (
      <>
        <PageHeader title="Create Customer User" />
        <Alert tone="warning">You need the permission “Create customer users” to do this.</Alert>
      </>
    );
  }
  const options = await caller.admin.customerUsers.formOptions();
  return <CustomerUserForm mode="create" record={null} options={options} />;
}
