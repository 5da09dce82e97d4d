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
import { formatDate, formatDateTime } from "@/components/format";
import { NoAccess } from "@/components/admin/no-access";
import { StaffUserMenu } from "@/components/admin/staff-user-menu";
import { getStaffCaller } from "@/server/api/caller";
import { listStaffUsersInput, staffUserSorts } from "@/server/schemas/staffUser";

export const metadata: Metadata = { title: "Staff" };

const basePath = "/admin/staff";
const filterKeys = ["q", "enabled", "role"] as const;

export default async function StaffPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("staffUser.view")) return <NoAccess title="Staff" permission="staffUser.view" />;
  const filters = { q: param(params, "q"), enabled: yesNoParam(params, "enabled"), roleId: intParam(params, "role") };
  const [{ input, page, problem, state }, roles] = await Promise.all([
    listPage({ basePath, params, schema: listStaffUsersInput, sorts: staffUserSorts, filters }, (i) => caller.admin.staffUsers.list(i)),
    caller.admin.staffUsers.roleChoices(),
  ]);
  const canEdit = staff.grants.has("staffUser.edit");
  const grid = { basePath, params: state.params, sort: input.sort, dir: input.dir };
  return (
    <>
      <PageHeader
        title="Staff"
        actions={staff.grants.has("staffUser.create") ? <ButtonLink href="/admin/staff/new">New staff member</ButtonLink> : null}
      >
        <p className="mt-1 text-sm text-slate-600">The people who use the back office. What each can do comes from their roles.</p>
      </PageHeader>
      <Card>
        <FilterBar basePath={basePath} params={state.params} filterKeys={filterKeys} label="Filter staff" problem={problem}>
          <FilterField id="filter-q" label="Name or email">
            <Input id="filter-q" name="q" defaultValue={input.q} placeholder="contains…" className="w-56" />
          </FilterField>
          <FilterField id="filter-enabled" label="Status">
            <Select id="filter-enabled" name="enabled" defaultValue={param(params, "enabled") ?? ""} className="w-36">
              <option value="">Any</option>
              <option value="yes">Enabled</option>
              <option value="no">Disabled</option>
            </Select>
          </FilterField>
          <FilterField id="filter-role" label="Role">
            <Select id="filter-role" name="role" defaultValue={input.roleId ? String(input.roleId) : ""} className="w-48">
              <option value="">Any</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.label}
                </option>
              ))}
            </Select>
          </FilterField>
        </FilterBar>
        <Table data-testid="staff-users">
          <thead>
            <tr>
              <SortHeader {...grid} label="Name" sortKey="name" />
              <SortHeader {...grid} label="Email" sortKey="email" />
              <Th>Roles</Th>
              <Th>Status</Th>
              <SortHeader {...grid} label="Last sign-in" sortKey="lastLoginAt" />
              <SortHeader {...grid} label="Created" sortKey="createdAt" />
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={7}>No staff members match.</EmptyRow> : null}
            {page.items.map((member) => {
              const name = `${member.firstName} ${member.lastName}`;
              return (
                <Tr key={member.id} data-email={member.email}>
                  <Td>
                    <Link href={`/admin/staff/${member.id}`} className="font-medium text-brand-700 hover:underline">
                      {name}
                    </Link>
                  </Td>
                  <Td>{member.email}</Td>
                  <Td className="whitespace-normal">{member.roles.map((r) => r.label).join(", ")}</Td>
                  <Td>
                    {member.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
                    {member.enabled && !member.hasPassword ? (
                      <span className="ml-1">
                        <Badge tone="amber">No password yet</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td>{formatDateTime(member.lastLoginAt)}</Td>
                  <Td>{formatDate(member.createdAt)}</Td>
                  <Td className="text-right">
                    <StaffUserMenu
                      member={{ id: member.id, name, email: member.email, enabled: member.enabled, isSelf: member.id === staff.id }}
                      canEdit={canEdit}
                    />
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
        <Pager state={state} page={page} noun="staff members" />
      </Card>
    </>
  );
}
