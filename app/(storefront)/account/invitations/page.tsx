import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, type SearchParams } from "@/components/grid/params";
import { InvitationActions } from "@/components/account/invitation-form";
import { formatDateTime } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";
import { invitationStatuses, invitationStatusLabels, listInvitationsInput, type InvitationStatus } from "@/server/schemas/invitations";

export const metadata: Metadata = { title: "Invitations" };

const basePath = "/account/invitations";
const filterKeys = ["status", "q", "customer"] as const;
const statusTone: Record<InvitationStatus, "blue" | "green" | "red" | "slate"> = {
  PENDING: "blue",
  ACCEPTED: "green",
  REVOKED: "red",
  EXPIRED: "slate",
};

function filtersOf(params: SearchParams) {
  const status = param(params, "status")?.toUpperCase();
  return {
    status: (invitationStatuses as readonly string[]).includes(status ?? "") ? status : undefined,
    search: param(params, "q"),
    customerId: intParam(params, "customer"),
  };
}

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("customerUser.create")) notFound();
  const [{ input, page, problem, state }, customers] = await Promise.all([
    listPage({ basePath, params, schema: listInvitationsInput, filters: filtersOf(params) }, (i) => caller.account.invitations.list(i)),
    caller.account.users.customerChoices({ purpose: "create" }),
  ]);
  return (
    <>
      <PageHeader title="Invitations" actions={<ButtonLink href="/account/invitations/new">Invite a colleague</ButtonLink>}>
        <p className="mt-1 text-sm text-slate-600">
          An invitation is pending until it is accepted, revoked or expires. Resending sends a new link; the old one stops working.
        </p>
      </PageHeader>
      <Card>
        <FilterBar basePath={basePath} params={params} filterKeys={filterKeys} label="Filter invitations" problem={problem}>
          <FilterSelect
            name="status"
            label="Status"
            value={input.status?.toLowerCase()}
            options={invitationStatuses.map((s) => ({ value: s.toLowerCase(), label: invitationStatusLabels[s] }))}
            className="w-32"
          />
          <FilterField id="filter-q" label="Email">
            <Input id="filter-q" name="q" defaultValue={input.search} placeholder="contains…" className="w-52" />
          </FilterField>
          {customers.length > 1 ? (
            <FilterSelect
              name="customer"
              label="Customer"
              value={input.customerId}
              options={customers.map((c) => ({ value: c.id, label: c.name }))}
              className="w-48"
            />
          ) : null}
        </FilterBar>
        <Table data-testid="invitations">
          <thead>
            <tr>
              <Th>Invited</Th>
              <Th>Customer</Th>
              <Th>Roles</Th>
              <Th>Status</Th>
              <Th>Last sent</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={6}>No invitations match.</EmptyRow> : null}
            {page.items.map((row) => (
              <Tr key={row.id} data-invitation={row.email}>
                <Td>
                  <div>{row.email}</div>
                  {row.firstName || row.lastName ? (
                    <div className="text-xs text-slate-500">{[row.firstName, row.lastName].filter(Boolean).join(" ")}</div>
                  ) : null}
                </Td>
                <Td>{row.customer.name}</Td>
                <Td className="whitespace-normal">{row.roles.map((r) => r.label).join(", ")}</Td>
                <Td>
                  <Badge tone={statusTone[row.status]}>{invitationStatusLabels[row.status]}</Badge>
                  {row.status === "PENDING" ? <div className="text-xs text-slate-500">until {formatDateTime(row.expiresAt)}</div> : null}
                  {row.status === "EXPIRED" ? <div className="text-xs text-slate-500">on {formatDateTime(row.expiresAt)}</div> : null}
                </Td>
                <Td>
                  <div>
                    {formatDateTime(row.lastSentAt)}
                    {row.sentCount > 1 ? <span className="text-xs text-slate-500"> ({row.sentCount}×)</span> : null}
                  </div>
                  <div className="text-xs text-slate-500">
                    by{" "}
                    {row.invitedByCustomerUser ? `${row.invitedByCustomerUser.firstName} ${row.invitedByCustomerUser.lastName}` : "staff"}
                  </div>
                </Td>
                <Td>
                  <InvitationActions id={row.id} email={row.email} status={row.status} />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="invitations" />
      </Card>
    </>
  );
}
