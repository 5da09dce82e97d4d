import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, SortHeader } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, yesNoParam, type SearchParams } from "@/components/grid/params";
import { formatDate } from "@/components/format";
import { CustomerRowMenu } from "@/components/admin/customers/customer-actions";
import { CustomersTabs } from "@/components/admin/customers/customers-tabs";
import { getStaffCaller } from "@/server/api/caller";
import { customerSortKeys, listCustomersInput } from "@/server/schemas/customer";

export const metadata: Metadata = { title: "Customers" };

const basePath = "/admin/customers";
const filterKeys = ["q", "group", "enabled", "rep", "parent"] as const;

/** The grid's filters as the URL holds them. */
function filtersOf(params: SearchParams) {
  return {
    search: param(params, "q"),
    groupId: intParam(params, "group"),
    enabled: yesNoParam(params, "enabled"),
    salesRepId: intParam(params, "rep"),
    parentId: intParam(params, "parent"),
  };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const spec = { basePath, params, schema: listCustomersInput, sorts: customerSortKeys, filters: filtersOf(params) };
  const [{ input, page, problem, state }, options] = await Promise.all([
    listPage(spec, (i) => caller.admin.customers.list(i)),
    caller.admin.customers.formOptions(),
  ]);
  const parentName = input.parentId ? (page.items[0]?.parent?.name ?? null) : null;
  const can = {
    edit: staff.grants.has("customer.edit"),
    delete: staff.grants.has("customer.delete"),
    create: staff.grants.has("customer.create"),
  };
  const sortProps = { sort: input.sort, dir: input.dir, basePath, params: state.params };
  return (
    <>
      <PageHeader title="Customers" actions={can.create ? <ButtonLink href="/admin/customers/new">Create customer</ButtonLink> : null}>
        <p className="mt-1 text-sm text-slate-600">The companies customer users buy for, with their parent companies and subsidiaries.</p>
      </PageHeader>
      <CustomersTabs current="list" />
      <Card>
        <FilterBar basePath={basePath} params={state.params} filterKeys={filterKeys} label="Filter customers" problem={problem}>
          <FilterField id="filter-q" label="Name">
            <Input id="filter-q" name="q" defaultValue={input.search} placeholder="contains…" className="w-56" />
          </FilterField>
          <FilterField id="filter-group" label="Group">
            <Select id="filter-group" name="group" defaultValue={input.groupId ?? ""} className="w-40">
              <option value="">Any</option>
              {options.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="filter-enabled" label="Enabled">
            <Select id="filter-enabled" name="enabled" defaultValue={param(params, "enabled") ?? ""} className="w-32">
              <option value="">Any</option>
              <option value="yes">Enabled</option>
              <option value="no">Disabled</option>
            </Select>
          </FilterField>
          <FilterField id="filter-rep" label="Sales representative">
            <Select id="filter-rep" name="rep" defaultValue={input.salesRepId ?? ""} className="w-48">
              <option value="">Anyone</option>
              {options.staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.firstName} {person.lastName}
                </option>
              ))}
            </Select>
          </FilterField>
          {input.parentId ? (
            <FilterField id="filter-parent" label="Subsidiaries of">
              <input type="hidden" name="parent" value={input.parentId} />
              <span id="filter-parent" className="block py-2 text-sm text-slate-800">
                {parentName ?? `customer #${input.parentId}`}
              </span>
            </FilterField>
          ) : null}
        </FilterBar>
        <Table data-testid="customers">
          <thead>
            <tr>
              <SortHeader label="Name" sortKey="name" {...sortProps} />
              <Th>Parent</Th>
              <Th>Group</Th>
              <Th>Enabled</Th>
              <Th>Users</Th>
              <Th>Sales representatives</Th>
              <SortHeader label="Created" sortKey="createdAt" {...sortProps} />
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={8}>No customers match.</EmptyRow> : null}
            {page.items.map((customer) => (
              <Tr key={customer.id}>
                <Td>
                  <Link className="font-medium text-brand-700 hover:underline" href={`/admin/customers/${customer.id}`}>
                    {customer.name}
                  </Link>
                </Td>
                <Td>
                  {customer.parent ? (
                    <Link className="text-brand-700 hover:underline" href={`/admin/customers/${customer.parent.id}`}>
                      {customer.parent.name}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </Td>
                <Td>{customer.group?.name ?? <span className="text-slate-400">—</span>}</Td>
                <Td>{customer.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
                <Td>{customer.userCount}</Td>
                <Td className="whitespace-normal">
                  {customer.salesReps.length ? (
                    customer.salesReps.map((rep) => `${rep.firstName} ${rep.lastName}`).join(", ")
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </Td>
                <Td>{formatDate(customer.createdAt)}</Td>
                <Td className="text-right">
                  <CustomerRowMenu
                    customer={{ id: customer.id, name: customer.name, enabled: customer.enabled, userCount: customer.userCount }}
                    can={can}
                  />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="customers" />
      </Card>
    </>
  );
}
