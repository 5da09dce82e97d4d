import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyRow, Td, Th, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect, SortHeader, SortLink } from "@/components/grid/grid";
import { listInput, listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, yesNoParam, type SearchParams } from "@/components/grid/params";
import { SelectAllBox, SelectionProvider, SelectRowBox } from "@/components/grid/selection";
import { UserMassActions, UserRowMenu } from "@/components/account/user-actions";
import { scopeSentence } from "@/components/account/scope-sentence";
import { formatDate } from "@/components/format";
import { getCustomerCaller, orNull } from "@/server/api/caller";
import {
  accountUserSorts,
  listAccountUsersInput,
  passwordStatuses,
  passwordStatusLabels,
  type PasswordStatus,
} from "@/server/schemas/accountUser";

export const metadata: Metadata = { title: "Users" };

const basePath = "/account/users";
const filterKeys = ["q", "customer", "enabled", "confirmed", "password", "role"] as const;

function specOf(params: SearchParams) {
  const password = param(params, "password")?.toUpperCase();
  const filters = {
    search: param(params, "q"),
    customerId: intParam(params, "customer"),
    enabled: yesNoParam(params, "enabled"),
    confirmed: yesNoParam(params, "confirmed"),
    passwordStatus: (passwordStatuses as readonly string[]).includes(password ?? "") ? password : undefined,
    roleId: intParam(params, "role"),
  };
  return { basePath, params, schema: listAccountUsersInput, sorts: accountUserSorts, filters };
}

const passwordTone: Record<PasswordStatus, "green" | "amber" | "slate"> = { ACTIVE: "slate", RESET: "amber", NONE: "amber" };
const passwordBadge: Record<PasswordStatus, string> = { ACTIVE: "Password set", RESET: "Password reset required", NONE: "No password yet" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const spec = specOf(params);
  // The role filter offers the roles of the customer filtered on (read here too, so both load at once).
  const customerId = listInput(spec).input.customerId ?? user.customerId;
  const [{ input, page, problem, state }, customers, roles] = await Promise.all([
    listPage(spec, (i) => caller.account.users.list(i)),
    caller.account.users.customerChoices({ purpose: "view" }),
    orNull(caller.account.users.roleChoices({ customerId })).then((roles) => roles ?? []),
  ]);
  const can = { edit: user.grants.has("customerUser.edit"), delete: user.grants.has("customerUser.delete") };
  const canCreate = user.grants.has("customerUser.create");
  const mass = can.edit || can.delete;
  const grid = { basePath, params };
  const sortProps = { ...grid, sort: input.sort, dir: input.dir };
  const ariaSort = (...keys: string[]) => (keys.includes(input.sort) ? (input.dir === "asc" ? "ascending" : "descending") : "none");
  const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? "yes" : "no");
  return (
    <>
      <PageHeader
        title="Users"
        actions={
          canCreate ? (
            <>
              <ButtonLink variant="secondary" href="/account/invitations/new">
                Invite a colleague
              </ButtonLink>
              <ButtonLink href="/account/users/new">Add a user</ButtonLink>
            </>
          ) : null
        }
      >
        <p className="mt-1 text-sm text-slate-600">{scopeSentence(user, "customerUser.view", "users")}</p>
      </PageHeader>
      <Card>
        <FilterBar {...grid} filterKeys={filterKeys} label="Filter users" problem={problem}>
          <FilterField id="filter-q" label="Name or email">
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
          <FilterSelect
            name="enabled"
            label="Enabled"
            value={yesNo(input.enabled)}
            options={[
              { value: "yes", label: "Enabled" },
              { value: "no", label: "Disabled" },
            ]}
            className="w-28"
          />
          <FilterSelect
            name="confirmed"
            label="Confirmed"
            value={yesNo(input.confirmed)}
            options={[
              { value: "yes", label: "Confirmed" },
              { value: "no", label: "Unconfirmed" },
            ]}
            className="w-32"
          />
          <FilterSelect
            name="password"
            label="Password"
            value={input.passwordStatus?.toLowerCase()}
            options={passwordStatuses.map((s) => ({ value: s.toLowerCase(), label: passwordStatusLabels[s] }))}
            className="w-36"
          />
          {roles.length ? (
            <FilterSelect
              name="role"
              label="Role"
              value={input.roleId}
              options={roles.map((r) => ({ value: r.id, label: r.label }))}
              className="w-40"
            />
          ) : null}
        </FilterBar>
        <SelectionProvider ids={page.items.map((u) => u.id)}>
          {mass ? <UserMassActions can={can} /> : null}
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-grid">
              <thead>
                <tr>
                  {mass ? (
                    <Th className="w-8">
                      <SelectAllBox />
                    </Th>
                  ) : null}
                  <th
                    scope="col"
                    aria-sort={ariaSort("name", "email")}
                    className="bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                  >
                    <SortLink {...sortProps} label="Name" sortKey="name" /> <span className="text-slate-400">/</span>{" "}
                    <SortLink {...sortProps} label="Email" sortKey="email" />
                  </th>
                  <SortHeader {...sortProps} label="Customer" sortKey="customer" />
                  <Th>Roles</Th>
                  <Th>Status</Th>
                  <SortHeader {...sortProps} label="Created" sortKey="created" />
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {page.items.length === 0 ? <EmptyRow colSpan={mass ? 7 : 6}>No users match.</EmptyRow> : null}
                {page.items.map((row) => {
                  const name = `${row.firstName} ${row.lastName}`;
                  const self = row.id === user.id;
                  return (
                    <Tr key={row.id} data-user={row.email}>
                      {mass ? (
                        <Td>
                          <SelectRowBox id={row.id} label={`Select ${name}`} />
                        </Td>
                      ) : null}
                      <Td>
                        <Link href={`/account/users/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {name}
                        </Link>
                        {self ? (
                          <span className="ml-2">
                            <Badge tone="blue">You</Badge>
                          </span>
                        ) : null}
                        <div className="text-xs text-slate-500">{row.email}</div>
                      </Td>
                      <Td>{row.customer.name}</Td>
                      <Td className="whitespace-normal">
                        {row.roles.map((r) => r.label).join(", ") || <span className="text-slate-400">No role</span>}
                      </Td>
                      <Td>
                        {/* Enabled, confirmed and password status: one badge each, in one column to keep the grid narrow. */}
                        <div className="flex max-w-56 flex-wrap gap-1" data-testid="user-status">
                          {row.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
                          {row.confirmed ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Unconfirmed</Badge>}
                          <Badge tone={passwordTone[row.passwordStatus]}>{passwordBadge[row.passwordStatus]}</Badge>
                        </div>
                      </Td>
                      <Td>{formatDate(row.createdAt)}</Td>
                      <Td className="text-right">
                        <UserRowMenu person={{ id: row.id, name, enabled: row.enabled }} can={can} self={self} />
                      </Td>
                    </Tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </SelectionProvider>
        <Pager state={state} page={page} noun="users" />
      </Card>
    </>
  );
}
