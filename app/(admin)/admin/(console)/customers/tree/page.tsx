import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { intParam, type SearchParams } from "@/components/grid/params";
import { CustomerTree } from "@/components/admin/customers/customer-tree";
import { CustomersTabs } from "@/components/admin/customers/customers-tabs";
import { getStaffCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Customer hierarchy" };

export default async function CustomerTreePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const openAt = intParam(params, "open");
  const tree = openAt
    ? await orNotFound(caller.admin.customers.openTree({ id: openAt }))
    : { levels: { root: await caller.admin.customers.children({ parentId: null }) }, openIds: [], selectedId: undefined };
  return (
    <>
      <PageHeader
        title="Customers"
        actions={staff.grants.has("customer.create") ? <ButtonLink href="/admin/customers/new">Create customer</ButtonLink> : null}
      >
        <p className="mt-1 text-sm text-slate-600">
          Parent companies and their subsidiaries. A Corporate-level administrator reaches their company and all below it.
        </p>
      </PageHeader>
      <CustomersTabs current="tree" />
      <Card>
        {/* Keyed by what was opened, so following another "show in hierarchy" link starts from the server's tree. */}
        <CustomerTree key={openAt ?? "top"} levels={tree.levels} openIds={tree.openIds} selectedId={tree.selectedId} />
      </Card>
    </>
  );
}
