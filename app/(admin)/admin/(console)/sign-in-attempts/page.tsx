import type { z } from "zod";
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { FilterBar, FilterField, FilterSelect } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, param, type SearchParams } from "@/components/grid/params";
import { ClearLockoutButton } from "@/components/admin/clear-lockout-button";
import { getStaffCaller } from "@/server/api/caller";
import {
  listLoginAttemptsInput,
  loginRealms,
  loginResultLabels,
  loginResults,
  loginSourceLabels,
  loginSources,
} from "@/server/schemas/loginAttempt";

export const metadata: Metadata = { title: "Sign-in Attempts" };

const basePath = "/admin/sign-in-attempts";
const realmLabels = { CUSTOMER: "Storefront", STAFF: "Back office" } as const;
/** What a lockout holds back (server/services/identity/signInLimits.ts). */
const lockLabels = {
  account: "The account, from new browsers",
  "address-account": "An address, for this account",
  device: "A browser of this account",
  password: "Current-password checks",
  address: "An address, for every account",
} as const;

/** URL keys of the filters (the grid kit adds limit and cursor; the cursor is the last id of the page before). */
const keys = {
  email: "email",
  user: "user",
  userId: "userId",
  result: "result",
  realm: "realm",
  source: "source",
  ip: "ip",
  userAgent: "agent",
  from: "from",
  to: "to",
} as const;
const filterKeys = Object.values(keys);
const moreFilterKeys = [keys.userAgent, keys.userId];

const choose = <T extends string>(values: readonly T[], value: string | undefined) => values.find((v) => v === value);

/** The list's filters as the URL holds them. */
function filtersOf(params: SearchParams) {
  return {
    email: param(params, keys.email),
    user: param(params, keys.user),
    customerUserId: intParam(params, keys.userId),
    result: choose(loginResults, param(params, keys.result)),
    realm: choose(loginRealms, param(params, keys.realm)),
    source: choose(loginSources, param(params, keys.source)),
    ip: param(params, keys.ip),
    userAgent: param(params, keys.userAgent),
    from: param(params, keys.from),
    to: param(params, keys.to),
  };
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export default async function SignInAttemptsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  // The count is its own procedure (a page is read more often than the filters change); the page carries it.
  const load = (i: z.output<typeof listLoginAttemptsInput>) =>
    Promise.all([caller.admin.loginAttempts.list(i), caller.admin.loginAttempts.count(i)]).then(([page, count]) => ({ ...page, count }));
  const [{ input, page, problem, state: list }, lockouts] = await Promise.all([
    listPage({ basePath, params, schema: listLoginAttemptsInput, filters: filtersOf(params) }, load),
    caller.admin.loginAttempts.lockouts(),
  ]);
  const canClear = staff.grants.has("loginAttempt.clearLockout");
  const state = { basePath, params: list.params };
  return (
    <>
      <PageHeader title="Sign-in Attempts">
        <p className="mt-1 text-sm text-slate-600">
          Every sign-in, refused or not. Failed passwords hold back where they come from for 15 minutes: an address after 10 on one account
          or 100 on any, a browser that signed in before after 10; an account after 20 from browsers it has not seen, which then sign in
          only with an emailed link. Clear a lockout when the person has proven who they are.
        </p>
      </PageHeader>
      <Card className="mb-6" data-testid="lockouts">
        <CardHeader title="Locked out now" description={lockouts.length ? undefined : "Nobody is locked out."} />
        {lockouts.length ? (
          <Table>
            <thead>
              <tr>
                <Th>Locked</Th>
                <Th>Who</Th>
                <Th>Failures</Th>
                <Th>Until</Th>
                {canClear ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {lockouts.map((lock) => (
                <Tr key={lock.key}>
                  <Td>
                    {lockLabels[lock.kind]}
                    {lock.realm ? (
                      <div className="text-xs text-slate-500">{lock.realm === "staff" ? "Staff" : "Customer"} account</div>
                    ) : null}
                  </Td>
                  <Td>
                    <div>{lock.subject}</div>
                    {lock.kind === "address-account" ? <div className="text-xs text-slate-500">from {lock.address}</div> : null}
                    {lock.user ? (
                      <div className="text-xs text-slate-500">
                        {lock.user.name}
                        {lock.user.customer ? ` · ${lock.user.customer}` : ""}
                      </div>
                    ) : lock.realm ? (
                      <div className="text-xs text-slate-500">No such account</div>
                    ) : null}
                  </Td>
                  <Td>{lock.failures}</Td>
                  <Td>{formatDateTime(lock.lockedUntil)}</Td>
                  {canClear ? (
                    <Td>
                      <ClearLockoutButton lockKey={lock.key} subject={lock.subject} />
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </Card>
      <Card>
        <FilterBar
          {...state}
          filterKeys={filterKeys}
          label="Filter attempts"
          problem={problem}
          more={{
            label: "More filters: browser, user id",
            open: moreFilterKeys.some((key) => param(params, key) !== undefined),
            children: (
              <>
                <FilterField id="filter-agent" label="Browser (user agent)">
                  <Input id="filter-agent" name={keys.userAgent} defaultValue={input.userAgent} placeholder="contains…" className="w-56" />
                </FilterField>
                <FilterField id="filter-user-id" label="Customer user id">
                  <Input
                    id="filter-user-id"
                    name={keys.userId}
                    type="number"
                    min={1}
                    defaultValue={input.customerUserId}
                    className="w-32"
                  />
                </FilterField>
              </>
            ),
          }}
        >
          <FilterField id="filter-email" label="Email tried">
            <Input id="filter-email" name={keys.email} defaultValue={input.email} placeholder="contains…" className="w-52" />
          </FilterField>
          <FilterField id="filter-user" label="User">
            <Input id="filter-user" name={keys.user} defaultValue={input.user} placeholder="name or email" className="w-48" />
          </FilterField>
          <FilterSelect
            name={keys.result}
            label="Result"
            value={input.result}
            options={options(loginResults, loginResultLabels)}
            className="w-52"
          />
          <FilterSelect
            name={keys.realm}
            label="Where"
            value={input.realm}
            options={options(loginRealms, realmLabels)}
            anyLabel="Both"
            className="w-36"
          />
          <FilterSelect
            name={keys.source}
            label="Source"
            value={input.source}
            options={options(loginSources, loginSourceLabels)}
            className="w-36"
          />
          <FilterField id="filter-ip" label="IP address">
            <Input id="filter-ip" name={keys.ip} defaultValue={input.ip} placeholder="starts with…" className="w-36" />
          </FilterField>
          <FilterField id="filter-from" label="From">
            <Input id="filter-from" type="date" name={keys.from} defaultValue={input.from} />
          </FilterField>
          <FilterField id="filter-to" label="To">
            <Input id="filter-to" type="date" name={keys.to} defaultValue={input.to} />
          </FilterField>
        </FilterBar>
        <Table data-testid="sign-in-attempts">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Where</Th>
              <Th>Email tried</Th>
              <Th>User</Th>
              <Th>Result</Th>
              <Th>IP</Th>
              <Th>Browser</Th>
              <Th>Source</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={8}>No sign-in attempts match.</EmptyRow> : null}
            {page.items.map((row) => (
              <Tr key={row.id}>
                <Td>{formatDateTime(row.attemptedAt)}</Td>
                <Td>{realmLabels[row.realm]}</Td>
                <Td>{row.email}</Td>
                <Td>
                  {row.customerUser ? (
                    <>
                      {row.customerUser.firstName} {row.customerUser.lastName}
                      <div className="text-xs text-slate-500">{row.customerUser.customer.name}</div>
                    </>
                  ) : null}
                  {row.staffUser ? `${row.staffUser.firstName} ${row.staffUser.lastName}` : null}
                  {!row.customerUser && !row.staffUser ? <span className="text-slate-400">Unknown</span> : null}
                </Td>
                <Td>
                  <Badge tone={row.result === "SUCCESS" ? "green" : row.result === "LOCKED_OUT" ? "red" : "amber"}>
                    {loginResultLabels[row.result]}
                  </Badge>
                </Td>
                <Td>{row.ip ?? "—"}</Td>
                <Td>
                  <span className="block max-w-48 truncate" title={row.userAgent ?? undefined}>
                    {row.userAgent ?? "—"}
                  </span>
                </Td>
                <Td>{loginSourceLabels[row.source]}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <Pager state={list} page={page} noun="attempts" />
      </Card>
    </>
  );
}
