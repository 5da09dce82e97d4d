import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditTable } from "@/components/audit-table";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import type { SearchParams } from "@/components/grid/params";
import { Card, PageHeader } from "@/components/ui/card";
import { getCustomerCaller } from "@/server/api/caller";
import { listAuditInput } from "@/server/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function CompanyAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("audit.view")) redirect("/account");
  const { page, problem, state } = await listPage({ basePath: "/account/audit", params, schema: listAuditInput }, (input) =>
    caller.account.audit.list(input),
  );
  return (
    <>
      <PageHeader title="Audit log">
        <p className="mt-1 text-sm text-slate-600">
          Changes to your company&apos;s users, roles and settings, including those made by our staff.
        </p>
      </PageHeader>
      <Card>
        <AuditTable rows={page.items} />
        <Pager state={state} page={page} noun="changes" problem={problem} />
      </Card>
    </>
  );
}
