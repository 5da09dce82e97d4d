import type { Metadata } from "next";
import { AuditTable } from "@/components/audit-table";
import { FilterBar, FilterField } from "@/components/grid/grid";
import { Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { getStaffCaller } from "@/server/api/caller";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { param, type SearchParams } from "@/components/grid/params";
import { listAuditInput } from "@/server/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

/** Record types the log names, with the back-office page of one record where there is one. */
const recordTypes: [type: string, label: string, page: string | null][] = [
  ["CustomerUser", "Customer user", "/admin/customer-users"],
  ["Customer", "Customer", "/admin/customers"],
  ["CustomerUserRole", "Customer user role", "/admin/customer-user-roles"],
  ["CustomerGroup", "Customer group", null],
  ["CustomerAddress", "Customer address", null],
  ["CustomerUserAddress", "Customer user address", null],
  ["Note", "Note", null],
  ["CalendarEvent", "Calendar event", null],
  ["Invitation", "Invitation", null],
  ["OAuthApplication", "OAuth application", null],
  ["Consent", "Consent", null],
  ["ConsentAcceptance", "Consent acceptance", null],
  ["StaffUser", "Staff user", "/admin/staff"],
  ["StaffRole", "Staff role", "/admin/staff-roles"],
  ["WebsiteSettings", "Website settings", null],
];
const pages = new Map(recordTypes.flatMap(([type, , page]) => (page ? [[type, page] as const] : [])));
const recordHref = (type: string, id: string) => (pages.has(type) && /^\d+$/.test(id) ? `${pages.get(type)}/${id}` : null);
const filterKeys = ["action", "entityType", "entityId", "from", "to"] as const;
const basePath = "/admin/audit";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const to = param(params, "to");
  const filters = {
    entityType: param(params, "entityType"),
    entityId: param(params, "entityId"),
    action: param(params, "action"),
    from: param(params, "from"),
    to: to ? `${to}T23:59:59.999Z` : undefined,
  };
  const { caller } = await getStaffCaller();
  const { page, problem, state } = await listPage({ basePath, params, schema: listAuditInput, filters }, (input) =>
    caller.admin.audit.list(input),
  );
  return (
    <>
      <PageHeader title="Audit log">
        <p className="mt-1 text-sm text-slate-600">
          Every change, with who made it — and who really did, when staff act as a customer user.
        </p>
      </PageHeader>
      <Card>
        <FilterBar basePath={basePath} params={params} filterKeys={filterKeys} label="Filter the audit log" problem={problem}>
          <FilterField id="audit-action" label="Action starts with">
            <Input
              id="audit-action"
              name="action"
              placeholder="e.g. customerUser."
              defaultValue={param(params, "action")}
              className="w-52"
            />
          </FilterField>
          <FilterField id="audit-type" label="Record type">
            <Select id="audit-type" name="entityType" defaultValue={param(params, "entityType") ?? ""} className="w-52">
              <option value="">Any</option>
              {recordTypes.map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="audit-id" label="Record id">
            <Input id="audit-id" name="entityId" defaultValue={param(params, "entityId")} className="w-28" />
          </FilterField>
          <FilterField id="audit-from" label="From">
            <Input id="audit-from" type="date" name="from" defaultValue={param(params, "from")} />
          </FilterField>
          <FilterField id="audit-to" label="To">
            <Input id="audit-to" type="date" name="to" defaultValue={param(params, "to")} />
          </FilterField>
        </FilterBar>
        <AuditTable rows={page.items} recordHref={recordHref} />
        <Pager state={state} page={page} noun="changes" />
      </Card>
    </>
  );
}
