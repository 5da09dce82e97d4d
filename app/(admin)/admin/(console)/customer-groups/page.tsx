import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, SortHeader } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { param, type SearchParams } from "@/components/grid/params";
import { formatDate } from "@/components/format";
import { CreateGroupButton, GroupRowMenu } from "@/components/admin/customer-groups";
import { getStaffCaller } from "@/server/api/caller";
import { customerGroupSortKeys, listCustomerGroupsInput } from "@/server/schemas/customer";

export const metadata: Metadata = { title: "Customer Groups" };

const basePath = "/admin/customer-groups";

export default async function CustomerGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const { input, page, problem, state } = await listPage(
    { basePath, params, schema: listCustomerGroupsInput, sorts: customerGroupSortKeys, filters: { search: param(params, "q") } },
    (i) => caller.admin.customerGroups.list(i),
  );
  const can = { edit: staff.grants.has("customerGroup.edit"), delete: staff.grants.has("customerGroup.delete") };
  const sortProps = { sort: input.sort, dir: input.dir, basePath, params: state.params };
  return (
    <>
      <PageHeader title="Customer Groups" actions={staff.grants.has("customerGroup.create") ? <CreateGroupButton /> : null}>
        <p className="mt-1 text-sm text-slate-600">
          Groups file customers together (for price lists, payment terms and the like). A group can be deleted once no customer is in it.
        </p>
      </PageHeader>
      <Card>
        <FilterBar basePath={basePath} params={state.params} filterKeys={["q"]} label="Filter groups" problem={problem}>
          <FilterField id="filter-q" label="Name">
            <Input id="filter-q" name="q" defaultValue={input.search} placeholder="contains…" className="w-56" />
          </FilterField>
        </FilterBar>
        <Table data-testid="customer-groups">
          <thead>
            <tr>
              <SortHeader label="Name" sortKey="name" {...sortProps} />
              <Th>Customers</Th>
              <SortHeader label="Created" sortKey="createdAt" {...sortProps} />
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={4}>No groups match.</EmptyRow> : null}
            {page.items.map((group) => (
              <Tr key={group.id}>
                <Td className="font-medium">{group.name}</Td>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={`/admin/customers?group=${group.id}`}>
                    {group.customerCount}
                  </Link>
                </Td>
                <Td>{formatDate(group.createdAt)}</Td>
                <Td className="text-right">
                  <GroupRowMenu group={{ id: group.id, name: group.name, customerCount: group.customerCount }} can={can} />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="groups" />
      </Card>
    </>
  );
}
