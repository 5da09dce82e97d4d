import type { Metadata } from "next";
import { AuditTable } from "@/components/audit-table";
import { ListPager } from "@/components/list-pager";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { getStaffCaller } from "@/server/api/caller";
import { listAuditInput } from "@/server/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const parsed = listAuditInput.safeParse({
    before: params.before ? Number(params.before) : undefined,
    entityType: params.entityType || undefined,
    entityId: params.entityId || undefined,
    action: params.action || undefined,
  });
  const input = parsed.success ? parsed.data : listAuditInput.parse({});
  const { caller } = await getStaffCaller();
  const page = await caller.admin.audit.list(input);
  return (
    <>
      <PageHeader title="Audit log">
        <p className="mt-1 text-sm text-slate-600">Every change, with who made it — and who really did, when staff act as a customer user.</p>
      </PageHeader>
      <Card>
        <form className="flex flex-wrap gap-2 border-b border-slate-200 px-4 py-3" role="search">
          <Input name="action" aria-label="Action starts with" placeholder="Action, e.g. customerUser." defaultValue={params.action} className="w-56" />
          <Input name="entityType" aria-label="Record type" placeholder="Record type, e.g. CustomerUser" defaultValue={params.entityType} className="w-56" />
          <Input name="entityId" aria-label="Record id" placeholder="Record id" defaultValue={params.entityId} className="w-28" />
          <Button type="submit" variant="secondary">Filter</Button>
        </form>
        <AuditTable rows={page.items} />
        <ListPager basePath="/admin/audit" params={params} current={input.before} nextCursor={page.nextCursor} cursorParam="before" />
      </Card>
    </>
  );
}
