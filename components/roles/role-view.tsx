import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import type { z } from "zod";
import { FilterBar, FilterField } from "@/components/grid/grid";
import type { ListState } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { param, type SearchParams } from "@/components/grid/params";
import { formatDateTime } from "@/components/format";
import { roleUsersInput } from "@/server/schemas/role";
import type { RouterOutputs } from "@/components/api-types";
import { grantsOf } from "./grants";
import { PermissionMatrix } from "./permission-matrix";
import { RoleActions } from "./role-actions";
import { AddRoleUsers, RemoveRoleUserButton } from "./role-user-controls";
import { rolesPath, type Audience } from "./paths";

type Role = RouterOutputs["admin"]["customerUserRoles"]["get"];
type UsersPage = RouterOutputs["admin"]["customerUserRoles"]["users"];

/** The holders list on a role's page, as both audiences load it with `listPage`: search `q`, cursor and page size. */
export function roleUsersSpec(audience: Audience, roleId: number, params: SearchParams) {
  return {
    basePath: `${rolesPath(audience)}/${roleId}`,
    params,
    schema: roleUsersInput,
    filters: { search: param(params, "q") },
    fixed: { roleId },
  };
}

type Users = { input: z.output<typeof roleUsersInput>; page: UsersPage; problem: string | null; state: ListState };

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 sm:col-span-1">{children}</dd>
    </>
  );
}

/** A role's page for either audience: details, the permissions it grants, and who holds it. */
export function RoleView({
  audience,
  role,
  users,
  params,
  usersNote,
  assignNote,
}: {
  audience: Audience;
  role: Role;
  users: Users;
  params: SearchParams;
  usersNote: string;
  assignNote: string;
}) {
  const base = rolesPath(audience);
  const copied = param(params, "copied");
  const staff = audience === "admin";
  return (
    <>
      <PageHeader title={role.label} actions={<RoleActions audience={audience} role={role} variant="buttons" />}>
        <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
          {role.customer ? <span>Role of {role.customer.name}</span> : <Badge tone="blue">Predefined</Badge>}
          <Link href={base} className="text-brand-700 hover:underline">
            All roles
          </Link>
        </p>
      </PageHeader>
      {copied !== undefined && role.sourceRole ? (
        <div className="mb-6">
          <Alert tone="success" testId="copy-created">
            &ldquo;{role.sourceRole.label}&rdquo; is predefined, so your changes were saved as this copy for {role.customer?.name}. {copied}{" "}
            user
            {copied === "1" ? " was" : "s were"} moved from &ldquo;{role.sourceRole.label}&rdquo; to it; other companies keep the original.
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm sm:grid-cols-6" data-testid="role-details">
              <Detail label="Customer">{role.customer?.name ?? "Predefined (every customer)"}</Detail>
              <Detail label="Self-managed">{role.selfManaged ? "Yes" : "No"}</Detail>
              {staff || role.customer === null ? <Detail label="Public">{role.public ? "Yes" : "No"}</Detail> : null}
              {role.sourceRole ? (
                <Detail label="Copied from">
                  <Link href={`${base}/${role.sourceRole.id}`} className="text-brand-700 hover:underline">
                    {role.sourceRole.label}
                  </Link>
                </Detail>
              ) : null}
              <Detail label="Users">{role.users}</Detail>
              {staff ? (
                <Detail label="Code">
                  <span className="break-all font-mono text-xs">{role.code}</span>
                </Detail>
              ) : null}
              {role.defaultFor.length ? <Detail label="Default role">For new registrations on {role.defaultFor.join(", ")}</Detail> : null}
              <Detail label="Changed">{formatDateTime(role.updatedAt)}</Detail>
            </dl>
            {!staff && role.customer && !role.selfManaged ? (
              <p className="mt-3 text-xs text-slate-500">
                The store&rsquo;s staff manage this role: you can see it but not change or assign it.
              </p>
            ) : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Permissions"
            description="What holders of this role may do; a user with several roles gets the highest level any of them grants."
          />
          <CardBody>
            <PermissionMatrix value={grantsOf(role.permissions)} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Users with this role" description={usersNote} />
          <FilterBar
            basePath={users.state.basePath}
            params={users.state.params}
            filterKeys={["q"]}
            label="Find users with this role"
            problem={users.problem}
          >
            <FilterField id="q" label="Name or email">
              <Input id="q" name="q" defaultValue={users.input.search} placeholder="contains…" className="w-56" />
            </FilterField>
          </FilterBar>
          <Table data-testid="role-users">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Customer</Th>
                <Th>Status</Th>
                {role.can.assign ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {users.page.items.length === 0 ? (
                <EmptyRow colSpan={role.can.assign ? 5 : 4}>
                  Nobody {users.input.search ? "matching" : "you can see"} holds this role.
                </EmptyRow>
              ) : null}
              {users.page.items.map((user) => (
                <Tr key={user.id}>
                  <Td>
                    {user.firstName} {user.lastName}
                  </Td>
                  <Td>{user.email}</Td>
                  <Td>{user.customer.name}</Td>
                  <Td>{user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="slate">Disabled</Badge>}</Td>
                  {role.can.assign ? (
                    <Td className="text-right">
                      <RemoveRoleUserButton
                        audience={audience}
                        roleId={role.id}
                        user={{ id: user.id, name: `${user.firstName} ${user.lastName}` }}
                      />
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
          <Pager state={users.state} page={users.page} noun="users" />
          {role.can.assign ? <AddRoleUsers audience={audience} roleId={role.id} scopeNote={assignNote} /> : null}
        </Card>
      </div>
    </>
  );
}
