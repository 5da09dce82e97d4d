import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/format";
import { FilterBar, FilterField, SortHeader } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, yesNoParam, type SearchParams } from "@/components/grid/params";
import { SelectAllBox, SelectionProvider, SelectRowBox } from "@/components/grid/selection";
import { CustomerFilterPicker } from "@/components/admin/customer-picker";
import { CustomerUserRowMenu } from "@/components/admin/customer-user-actions";
import { CustomerUserMassActions } from "@/components/admin/customer-user-mass-actions";
import { actionTargetOf, customerUserPermissions } from "@/components/admin/customer-user-permissions";
import { getStaffCaller } from "@/server/api/caller";
import { authStatusLabels, customerUserSorts, listCustomerUsersInput } from "@/server/schemas/customerUser";

export const metadata: Metadata = { title: "Customer Users" };

const basePath = "/admin/customer-users";
/** The row menu's column stays in view when the table scrolls sideways. */
const sticky = "sticky right-0 bg-white shadow-[-6px_0_6px_-6px_rgb(15_23_42/0.2)]";

/** URL keys of the filters (the grid kit adds sort, dir, limit and cursor). */
const keys = {
  search: "q",
  customer: "customer",
  subsidiaries: "subsidiaries",
  enabled: "enabled",
  confirmed: "confirmed",
  password: "password",
  website: "website",
  firstName: "first",
  firstNameMatch: "firstMatch",
  lastName: "last",
  lastNameMatch: "lastMatch",
  email: "email",
  emailMatch: "emailMatch",
  createdFrom: "createdFrom",
  createdTo: "createdTo",
  lastLoginFrom: "signInFrom",
  lastLoginTo: "signInTo",
} as const;
const filterKeys = Object.values(keys);
const moreFilterKeys = [keys.firstName, keys.lastName, keys.email, keys.createdFrom, keys.createdTo, keys.lastLoginFrom, keys.lastLoginTo];

/** The grid's filters as the URL holds them. */
function filtersOf(params: SearchParams) {
  const match = (key: string) => (param(params, key) === "startsWith" ? "startsWith" : undefined);
  const password = param(params, keys.password);
  return {
    search: param(params, keys.search),
    customerId: intParam(params, keys.customer),
    includeSubsidiaries: param(params, keys.subsidiaries) === "yes",
    enabled: yesNoParam(params, keys.enabled),
    confirmed: yesNoParam(params, keys.confirmed),
    authStatus: password === "active" ? "ACTIVE" : password === "reset" ? "RESET" : undefined,
    websiteId: intParam(params, keys.website),
    firstName: param(params, keys.firstName),
    firstNameMatch: match(keys.firstNameMatch),
    lastName: param(params, keys.lastName),
    lastNameMatch: match(keys.lastNameMatch),
    email: param(params, keys.email),
    emailMatch: match(keys.emailMatch),
    createdFrom: param(params, keys.createdFrom),
    createdTo: param(params, keys.createdTo),
    lastLoginFrom: param(params, keys.lastLoginFrom),
    lastLoginTo: param(params, keys.lastLoginTo),
  };
}

function YesNoAny({ id, name, value, yes, no }: { id: string; name: string; value: boolean | undefined; yes: string; no: string }) {
  return (
    <Select id={id} name={name} defaultValue={value === undefined ? "" : value ? "yes" : "no"} className="w-32">
      <option value="">Any</option>
      <option value="yes">{yes}</option>
      <option value="no">{no}</option>
    </Select>
  );
}

/** A text filter with its kind of match ("contains" is the default and leaves the URL clean). */
function TextFilter({
  id,
  label,
  name,
  matchName,
  value,
  match,
}: {
  id: string;
  label: string;
  name: string;
  matchName: string;
  value?: string;
  match: string;
}) {
  return (
    <FilterField id={id} label={label}>
      <div className="flex">
        <Select
          name={matchName}
          defaultValue={match === "startsWith" ? "startsWith" : ""}
          aria-label={`${label}: how it matches`}
          className="w-32 shrink-0 rounded-r-none"
        >
          <option value="">contains</option>
          <option value="startsWith">starts with</option>
        </Select>
        <Input id={id} name={name} defaultValue={value} className="-ml-px w-40 rounded-l-none" />
      </div>
    </FilterField>
  );
}

export default async function CustomerUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const can = customerUserPermissions(staff.grants);
  const spec = { basePath, params, schema: listCustomerUsersInput, sorts: customerUserSorts, filters: filtersOf(params) };
  const customerId = intParam(params, keys.customer);
  const [{ input, page, problem, state: list }, websites, chosenCustomer] = await Promise.all([
    listPage(spec, (i) => caller.admin.customerUsers.list(i)),
    caller.admin.customerUsers.websiteChoices(),
    customerId ? caller.admin.customerUsers.customerChoices({ id: customerId, purpose: "view" }).then((rows) => rows[0] ?? null) : null,
  ]);
  const state = { basePath, params: list.params };
  const sort = { ...state, sort: input.sort, dir: input.dir };
  const selectable = can.enable || can.delete;
  const columns = 11 + (selectable ? 1 : 0);
  const moreOpen = moreFilterKeys.some((key) => param(params, key) !== undefined);
  return (
    <>
      <PageHeader
        title="Customer Users"
        actions={can.create ? <ButtonLink href={`${basePath}/new`}>Create Customer User</ButtonLink> : null}
      />
      <Card>
        <FilterBar
          {...state}
          filterKeys={filterKeys}
          label="Filter customer users"
          problem={problem}
          more={{
            label: "More filters: names, email, dates",
            open: moreOpen,
            children: (
              <>
                <TextFilter
                  id="filter-first"
                  label="First name"
                  name={keys.firstName}
                  matchName={keys.firstNameMatch}
                  value={input.firstName}
                  match={input.firstNameMatch}
                />
                <TextFilter
                  id="filter-last"
                  label="Last name"
                  name={keys.lastName}
                  matchName={keys.lastNameMatch}
                  value={input.lastName}
                  match={input.lastNameMatch}
                />
                <TextFilter
                  id="filter-email"
                  label="Email"
                  name={keys.email}
                  matchName={keys.emailMatch}
                  value={input.email}
                  match={input.emailMatch}
                />
                <FilterField id="filter-created-from" label="Created from">
                  <Input id="filter-created-from" type="date" name={keys.createdFrom} defaultValue={input.createdFrom} />
                </FilterField>
                <FilterField id="filter-created-to" label="Created to">
                  <Input id="filter-created-to" type="date" name={keys.createdTo} defaultValue={input.createdTo} />
                </FilterField>
                <FilterField id="filter-signin-from" label="Last sign-in from">
                  <Input id="filter-signin-from" type="date" name={keys.lastLoginFrom} defaultValue={input.lastLoginFrom} />
                </FilterField>
                <FilterField id="filter-signin-to" label="Last sign-in to">
                  <Input id="filter-signin-to" type="date" name={keys.lastLoginTo} defaultValue={input.lastLoginTo} />
                </FilterField>
              </>
            ),
          }}
        >
          <FilterField id="filter-q" label="Search">
            <Input id="filter-q" name={keys.search} defaultValue={input.search} placeholder="Name or email" className="w-48" />
          </FilterField>
          <FilterField id="filter-customer" label="Customer">
            <CustomerFilterPicker
              id="filter-customer"
              name={keys.customer}
              initial={chosenCustomer ? { id: chosenCustomer.id, name: chosenCustomer.name } : null}
            />
          </FilterField>
          <label className="mb-2 inline-flex items-center gap-1.5 text-xs text-slate-600">
            <input
              type="checkbox"
              name={keys.subsidiaries}
              value="yes"
              defaultChecked={input.includeSubsidiaries}
              className="size-4 rounded border-slate-300"
            />
            and its subsidiaries
          </label>
          <FilterField id="filter-enabled" label="Enabled">
            <YesNoAny id="filter-enabled" name={keys.enabled} value={input.enabled} yes="Enabled" no="Disabled" />
          </FilterField>
          <FilterField id="filter-confirmed" label="Confirmed">
            <YesNoAny id="filter-confirmed" name={keys.confirmed} value={input.confirmed} yes="Confirmed" no="Unconfirmed" />
          </FilterField>
          <FilterField id="filter-password" label="Password">
            <Select id="filter-password" name={keys.password} defaultValue={input.authStatus?.toLowerCase() ?? ""} className="w-28">
              <option value="">Any</option>
              <option value="active">Active</option>
              <option value="reset">Reset</option>
            </Select>
          </FilterField>
          <FilterField id="filter-website" label="Website">
            <Select id="filter-website" name={keys.website} defaultValue={input.websiteId ?? ""} className="w-40">
              <option value="">Any</option>
              {websites.map((website) => (
                <option key={website.id} value={website.id}>
                  {website.name}
                </option>
              ))}
            </Select>
          </FilterField>
        </FilterBar>
        <SelectionProvider ids={page.items.map((user) => user.id)}>
          {selectable ? <CustomerUserMassActions can={can} /> : null}
          <Table data-testid="customer-users">
            <thead>
              <tr>
                {selectable ? (
                  <Th className="w-8">
                    <SelectAllBox />
                  </Th>
                ) : null}
                <SortHeader {...sort} label="Customer" sortKey="customer" />
                <SortHeader {...sort} label="First name" sortKey="firstName" />
                <SortHeader {...sort} label="Last name" sortKey="lastName" />
                <SortHeader {...sort} label="Email" sortKey="email" />
                <SortHeader {...sort} label="Enabled" sortKey="enabled" />
                <SortHeader {...sort} label="Confirmed" sortKey="confirmed" />
                <SortHeader {...sort} label="Password" sortKey="authStatus" />
                <SortHeader {...sort} label="Website" sortKey="website" />
                <SortHeader {...sort} label="Created" sortKey="createdAt" />
                <SortHeader {...sort} label="Last sign-in" sortKey="lastLoginAt" />
                <Th className={sticky}>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {page.items.length === 0 ? <EmptyRow colSpan={columns}>No customer users match.</EmptyRow> : null}
              {page.items.map((user) => {
                const name = `${user.firstName} ${user.lastName}`;
                return (
                  <Tr key={user.id}>
                    {selectable ? (
                      <Td>
                        <SelectRowBox id={user.id} label={`Select ${name}`} />
                      </Td>
                    ) : null}
                    <Td>
                      <span className="block max-w-48 truncate" title={user.customerName}>
                        {user.customerName}
                      </span>
                    </Td>
                    <Td>{user.firstName}</Td>
                    <Td>{user.lastName}</Td>
                    <Td>
                      <Link href={`${basePath}/${user.id}`} className="text-brand-700 hover:underline">
                        {user.email}
                      </Link>
                      {user.erasedAt ? (
                        <>
                          {" "}
                          <Badge>Erased</Badge>
                        </>
                      ) : null}
                    </Td>
                    <Td>{user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
                    <Td>{user.confirmedAt ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Unconfirmed</Badge>}</Td>
                    <Td>{user.authStatus === "ACTIVE" ? authStatusLabels.ACTIVE : <Badge tone="amber">{authStatusLabels.RESET}</Badge>}</Td>
                    <Td>
                      <span className="block max-w-32 truncate" title={user.websiteName ?? undefined}>
                        {user.websiteName ?? "—"}
                      </span>
                    </Td>
                    <Td>{formatDate(user.createdAt)}</Td>
                    <Td title={user.lastLoginAt ? formatDateTime(user.lastLoginAt) : undefined}>{formatDate(user.lastLoginAt)}</Td>
                    <Td className={`${sticky} text-right`}>
                      <CustomerUserRowMenu can={can} user={actionTargetOf(user)} />
                    </Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        </SelectionProvider>
        <Pager state={list} page={page} noun="customer users" />
      </Card>
    </>
  );
}
