import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditTable } from "@/components/audit-table";
import { flatParams, gridInput, idCursorParam, type SearchParams } from "@/components/grid/params";
import { ListPager } from "@/components/list-pager";
import { Card, PageHeader } from "@/components/ui/card";
import { getCustomerCaller } from "@/server/api/caller";
import { listAuditInput } from "@/server/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function CompanyAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("audit.view")) redirect("/account");
  const { input } = gridInput(listAuditInput, params, [], { cursor: idCursorParam(params, "before") });
  const page = await caller.account.audit.list(input);
  return (
    <>
      <PageHeader title="Audit log">
        <p className="mt-1 text-sm text-slate-600">
          Changes to your company&apos;s users, roles and settings, including those made by our staff.
        </p>
      </PageHeader>
      <Card>
        <AuditTable rows={page.items} />
        <ListPager
          basePath="/account/audit"
          params={flatParams(params)}
          current={input.cursor}
          nextCursor={page.nextCursor}
          cursorParam="before"
        />
      </Card>
    </>
  );
}
