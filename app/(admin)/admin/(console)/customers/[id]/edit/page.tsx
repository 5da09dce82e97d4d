import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { CustomerForm } from "@/components/admin/customers/customer-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("customer.edit")) notFound();
  const [customer, options] = await Promise.all([orNotFound(caller.admin.customers.get({ id })), caller.admin.customers.formOptions()]);
  return (
    <>
      <PageHeader title={`Edit ${customer.name}`} />
      <CustomerForm
        options={options}
        start={{
          id: customer.id,
          version: customer.version,
          name: customer.name,
          // A parent the actor does not reach stays the parent: saving must not move the customer by accident.
          parent: customer.parent ?? (customer.parentId ? { id: customer.parentId, name: "A customer outside your reach" } : null),
          groupId: customer.group?.id ?? null,
          salesRepIds: customer.salesReps.map((rep) => rep.id),
          enabled: customer.enabled,
          userCount: customer.counts.users,
        }}
      />
    </>
  );
}
