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
import { param, type SearchParams } from "@/components/grid/params";
import { formatDate } from "@/components/format";
import { NoAccess } from "@/components/admin/no-access";
import { getStaffCaller } from "@/server/api/caller";
import { staffScopeLabels } from "@/server/authz/permissions";
import { listStaffRolesInput, staffRoleScopes, staffRoleSorts } from "@/server/schemas/staffRole";

export const metadata: Metadata = { title: "Staff Roles" };

const basePath = "/admin/staff-roles";
const filterKeys = ["q", "scope"] as const;

export default async function StaffRolesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("staffRole.view")) return <NoAccess title="Staff Roles" permission="staffRole.view" />;
  const scope = param(params, "scope");
  const filters = { q: param(params, "q"), scope: staffRoleScopes.find((s) => s === scope) };
  const { input, page, problem, state } = await listPage(
    { basePath, params, schema: listStaffRolesInput, sorts: staffRoleSorts, filters },
    (i) => caller.admin.staffRoles.list(i),
  );
  const grid = { basePath, params: state.params, sort: input.sort, dir: input.dir };
  return (
    <>
      <PageHeader
        title="Staff Roles"
        actions={staff.grants.has("staffRole.create") ? <ButtonLink href="/admin/staff-roles/new">New role</ButtonLink> : null}
      >
        <p className="mt-1 text-sm text-slate-600">
          What staff may do in the back office, and for which customers. A change applies on its holders&apos; next page.
        </p>
      </PageHeader>
      <Card>
        <FilterBar basePath={basePath} params={state.params} filterKeys={filterKeys} label="Filter roles" problem={problem}>
          <FilterField id="filter-q" label="Label">
            <Input id="filter-q" name="q" defaultValue={input.q} placeholder="contains…" className="w-56" />
          </FilterField>
          <FilterField id="filter-scope" label="Reaches">
            <Select id="filter-scope" name="scope" defaultValue={input.scope ?? ""} className="w-56">
              <option value="">Any</option>
              {staffRoleScopes.map((s) => (
                <option key={s} value={s}>
                  {staffScopeLabels[s]}
                </option>
              ))}
            </Select>
          </FilterField>
        </FilterBar>
        <Table data-testid="staff-roles">
          <thead>
            <tr>
              <SortHeader {...grid} label="Label" sortKey="label" />
              <Th>Reaches</Th>
              <Th>Permissions</Th>
              <Th>Staff</Th>
              <SortHeader {...grid} label="Created" sortKey="createdAt" />
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={5}>No roles match.</EmptyRow> : null}
            {page.items.map((role) => (
              <Tr key={role.id}>
                <Td>
                  <Link href={`/admin/staff-roles/${role.id}`} className="font-medium text-brand-700 hover:underline">
                    {role.label}
                  </Link>
                  {role.predefined ? (
                    <span className="ml-2">
                      <Badge>Predefined</Badge>
                    </span>
                  ) : null}
                  {role.description ? <div className="max-w-md truncate text-xs text-slate-500">{role.description}</div> : null}
                </Td>
                <Td>
                  <Badge tone={role.scope === "ALL" ? "slate" : "blue"}>{staffScopeLabels[role.scope]}</Badge>
                </Td>
                <Td>{role.permissionCount}</Td>
                <Td>
                  {role.userCount ? (
                    <Link className="text-brand-700 hover:underline" href={`/admin/staff?role=${role.id}`}>
                      {role.userCount}
                    </Link>
                  ) : (
                    0
                  )}
                </Td>
                <Td>{formatDate(role.createdAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="roles" />
      </Card>
    </>
  );
}
