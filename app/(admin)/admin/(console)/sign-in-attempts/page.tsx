import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { ClearLockoutButton } from "@/components/admin/clear-lockout-button";
import { getStaffCaller } from "@/server/api/caller";
import { listLoginAttemptsInput, loginRealms, loginResultLabels, loginResults } from "@/server/schemas/loginAttempt";

export const metadata: Metadata = { title: "Sign-in Attempts" };

const realmLabels = { CUSTOMER: "Storefront", STAFF: "Back office" } as const;
const sourceLabels = { PASSWORD: "Password", IMPERSONATION: "Impersonation", OAUTH: "OAuth", EMAIL_LINK: "Email link" } as const;

type Params = Record<string, string | undefined>;

function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">{label}</label>
      {children}
    </div>
  );
}

function filtersOf(params: Params) {
  const parsed = listLoginAttemptsInput.safeParse({
    after: Number(params.after) || undefined,
    limit: [10, 25, 50, 100].includes(Number(params.limit)) ? Number(params.limit) : undefined,
    email: params.email || undefined,
    result: (loginResults as readonly string[]).includes(params.result ?? "") ? params.result : undefined,
    realm: (loginRealms as readonly string[]).includes(params.realm ?? "") ? params.realm : undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  });
  return parsed.success ? { input: parsed.data, problem: null } : { input: listLoginAttemptsInput.parse({}), problem: parsed.error.issues[0]?.message ?? "Check the filters." };
}

export default async function SignInAttemptsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const { input, problem } = filtersOf(params);
  const [page, lockouts] = await Promise.all([caller.admin.loginAttempts.list(input), caller.admin.loginAttempts.lockouts()]);
  const canClear = staff.grants.has("loginAttempt.clearLockout");
  const query = (extra: Record<string, string | number | undefined>) => {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries({ email: input.email, result: input.result, realm: input.realm, from: input.from, to: input.to, ...extra })) {
      if (value !== undefined && value !== "") qs.set(key, String(value));
    }
    return qs.size ? `?${qs}` : "";
  };
  return (
    <>
      <PageHeader title="Sign-in Attempts">
        <p className="mt-1 text-sm text-slate-600">Every sign-in, refused or not. After 10 failures in 15 minutes an account is locked for 15 minutes; clear a lockout when the person has proven who they are.</p>
      </PageHeader>
      <Card className="mb-6" data-testid="lockouts">
        <CardHeader title="Locked out now" description={lockouts.length ? undefined : "Nobody is locked out."} />
        {lockouts.length ? (
          <Table>
            <thead><tr><Th>Locked</Th><Th>Who</Th><Th>Failures</Th><Th>Until</Th>{canClear ? <Th><span className="sr-only">Actions</span></Th> : null}</tr></thead>
            <tbody>
              {lockouts.map((lock) => (
                <Tr key={lock.key}>
                  <Td>{lock.kind === "account" ? `${lock.realm === "staff" ? "Staff" : "Customer"} account` : "Client address"}</Td>
                  <Td>
                    <div>{lock.subject}</div>
                    {lock.user ? <div className="text-xs text-slate-500">{lock.user.name}{lock.user.customer ? ` · ${lock.user.customer}` : ""}</div> : lock.kind === "account" ? <div className="text-xs text-slate-500">No such account</div> : null}
                  </Td>
                  <Td>{lock.failures}</Td>
                  <Td>{formatDateTime(lock.lockedUntil)}</Td>
                  {canClear ? <Td><ClearLockoutButton lockKey={lock.key} subject={lock.subject} /></Td> : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </Card>
      <Card>
        <form className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3" role="search" aria-label="Filter attempts">
          <Filter id="filter-email" label="Email"><Input id="filter-email" name="email" defaultValue={input.email} placeholder="contains…" className="w-56" /></Filter>
          <Filter id="filter-result" label="Result">
            <Select id="filter-result" name="result" defaultValue={input.result ?? ""} className="w-52">
              <option value="">Any</option>
              {loginResults.map((result) => <option key={result} value={result}>{loginResultLabels[result]}</option>)}
            </Select>
          </Filter>
          <Filter id="filter-realm" label="Where">
            <Select id="filter-realm" name="realm" defaultValue={input.realm ?? ""} className="w-36">
              <option value="">Both</option>
              {loginRealms.map((realm) => <option key={realm} value={realm}>{realmLabels[realm]}</option>)}
            </Select>
          </Filter>
          <Filter id="filter-from" label="From"><Input id="filter-from" type="date" name="from" defaultValue={input.from} /></Filter>
          <Filter id="filter-to" label="To"><Input id="filter-to" type="date" name="to" defaultValue={input.to} /></Filter>
          <Button type="submit" variant="secondary">Filter</Button>
          {query({}) ? <ButtonLink variant="ghost" href="/admin/sign-in-attempts">Clear filters</ButtonLink> : null}
          {problem ? <p className="w-full text-xs text-red-600" role="alert">{problem}</p> : null}
        </form>
        <Table data-testid="sign-in-attempts">
          <thead><tr><Th>Time</Th><Th>Where</Th><Th>Email tried</Th><Th>User</Th><Th>Result</Th><Th>IP</Th><Th>Browser</Th><Th>Source</Th></tr></thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={8}>No sign-in attempts match.</EmptyRow> : null}
            {page.items.map((row) => (
              <Tr key={row.id}>
                <Td>{formatDateTime(row.attemptedAt)}</Td>
                <Td>{realmLabels[row.realm]}</Td>
                <Td>{row.email}</Td>
                <Td>
                  {row.customerUser ? <>{row.customerUser.firstName} {row.customerUser.lastName}<div className="text-xs text-slate-500">{row.customerUser.customer.name}</div></> : null}
                  {row.staffUser ? `${row.staffUser.firstName} ${row.staffUser.lastName}` : null}
                  {!row.customerUser && !row.staffUser ? <span className="text-slate-400">Unknown</span> : null}
                </Td>
                <Td><Badge tone={row.result === "SUCCESS" ? "green" : row.result === "LOCKED_OUT" ? "red" : "amber"}>{loginResultLabels[row.result]}</Badge></Td>
                <Td>{row.ip ?? "—"}</Td>
                <Td><span className="block max-w-48 truncate" title={row.userAgent ?? undefined}>{row.userAgent ?? "—"}</span></Td>
                <Td>{sourceLabels[row.source]}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-3">
          {input.after ? <ButtonLink variant="secondary" href={`/admin/sign-in-attempts${query({})}`}>Newest</ButtonLink> : null}
          {page.nextCursor ? <ButtonLink variant="secondary" href={`/admin/sign-in-attempts${query({ after: page.nextCursor })}`}>Older attempts</ButtonLink> : null}
        </div>
      </Card>
    </>
  );
}
