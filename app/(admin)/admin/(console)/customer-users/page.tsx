import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { CustomerUserEnableButton } from "@/components/admin/customer-user-enable-button";
import { listCustomerUsersInput } from "@/server/schemas/customerUser";

export const metadata: Metadata = { title: "Customer Users" };

export default async function CustomerUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const input = listCustomerUsersInput.parse({
    after: params.after ? Number(params.after) || undefined : undefined,
    limit: [10, 25, 50, 100].includes(Number(params.limit)) ? Number(params.limit) : undefined,
    search: params.q || undefined,
  });
  const { staff, caller } = await getStaffCaller();
  const canEnable = staff.grants.has("customerUser.enable");
  const page = await caller.admin.customerUsers.list(input);
  const query = (extra: Record<string, string | number | undefined>) => {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: input.search, limit: input.limit === 25 ? undefined : input.limit, ...extra })) {
      if (value !== undefined && value !== "") qs.set(key, String(value));
    }
    const s = qs.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <PageHeader title="Customer Users" actions={staff.grants.has("customerUser.create") ? <ButtonLink href="/admin/customer-users/new">Create Customer User</ButtonLink> : null} />
      <Card>
        <form className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3" role="search">
          <label htmlFor="q" className="sr-only">Search by name or email</label>
          <Input id="q" name="q" defaultValue={input.search} placeholder="Search by name or email" className="max-w-xs" />
          <Button type="submit" variant="secondary">Search</Button>
        </form>
        <Table>
          <thead>
            <tr>
              <Th>Customer</Th><Th>First name</Th><Th>Last name</Th><Th>Email</Th><Th>Enabled</Th><Th>Confirmed</Th><Th>Password</Th><Th>Website</Th><Th>Created</Th><Th>Last sign-in</Th>{canEnable ? <Th><span className="sr-only">Actions</span></Th> : null}
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? <EmptyRow colSpan={canEnable ? 11 : 10}>No customer users match.</EmptyRow> : null}
            {page.items.map((user) => (
              <Tr key={user.id}>
                <Td>{user.customer.name}</Td>
                <Td>{user.firstName}</Td>
                <Td>{user.lastName}</Td>
                <Td><Link className="text-brand-700 hover:underline" href={`/admin/customer-users/${user.id}`}>{user.email}</Link></Td>
                <Td>{user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
                <Td>{user.confirmedAt ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Unconfirmed</Badge>}</Td>
                <Td>{user.authStatus === "ACTIVE" ? "Active" : <Badge tone="amber">Reset</Badge>}</Td>
                <Td>{user.website?.name ?? "—"}</Td>
                <Td>{formatDate(user.createdAt)}</Td>
                <Td>{formatDateTime(user.lastLoginAt)}</Td>
                {canEnable ? <Td><CustomerUserEnableButton id={user.id} enabled={user.enabled} name={`${user.firstName} ${user.lastName}`} /></Td> : null}
              </Tr>
            ))}
          </tbody>
        </Table>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-3">
          {input.after ? <ButtonLink variant="secondary" href={`/admin/customer-users${query({})}`}>First page</ButtonLink> : null}
          {page.nextCursor ? <ButtonLink variant="secondary" href={`/admin/customer-users${query({ after: page.nextCursor })}`}>Next page</ButtonLink> : null}
        </div>
      </Card>
    </>
  );
}
