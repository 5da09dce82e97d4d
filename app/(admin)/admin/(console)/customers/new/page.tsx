import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { intParam, type SearchParams } from "@/components/grid/params";
import { CustomerForm } from "@/components/admin/customers/customer-form";
import { getStaffCaller, orNull } from "@/server/api/caller";

export const metadata: Metadata = { title: "Create customer" };

export default async function NewCustomerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { caller } = await getStaffCaller();
  const parentId = intParam(params, "parent");
  const [options, parent] = await Promise.all([
    caller.admin.customers.formOptions(),
    // "Add subsidiary" links here with the parent; one the actor cannot reach is simply not preset.
    parentId ? orNull(caller.admin.customers.get({ id: parentId })) : null,
  ]);
  return (
    <>
      <PageHeader title={parent ? `New subsidiary of ${parent.name}` : "Create customer"} />
      <CustomerForm
        options={options}
        start={{
          name: "",
          parent: parent ? { id: parent.id, name: parent.name } : null,
          groupId: parent?.group?.id ?? null,
          salesRepIds: [],
          enabled: true,
        }}
      />
    </>
  );
}
