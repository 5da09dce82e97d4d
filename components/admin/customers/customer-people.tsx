import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { Pager } from "@/components/grid/pager";
import { sectionPage } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { formatDate, formatDateTime } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { customerRolesInput } from "@/server/schemas/customer";

/** The customer record's sections on its people: its users (a first page, the rest in Customer Users) and its roles. */

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : `${one}s`}`;
const person = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const link = "text-brand-700 hover:underline";

export async function CustomerUsersSection({ customerId, hasChildren }: { customerId: number; hasChildren: boolean }) {
  const { caller } = await getStaffCaller();
  const users = await caller.admin.customers.users({ customerId, limit: 25 });
  const more = users.count.value > users.items.length;
  const total = plural(users.count.value, "user");
  return (
    <Card id="users" data-testid="customer-users">
      <CardHeader
        title="Customer users"
        description={
          more ? `The first ${users.items.length} of ${users.count.capped ? "more than " : ""}${total}, by last name.` : undefined
        }
        actions={
          <div className="flex flex-wrap justify-end gap-x-4 gap-y-1 text-sm">
            {more ? (
              <Link className={link} href={`/admin/customer-users?customer=${customerId}`}>
                All {users.count.capped ? `${total}+` : total}
              </Link>
            ) : users.items.length ? (
              <Link className={link} href={`/admin/customer-users?customer=${customerId}`}>
                Open in Customer Users
              </Link>
            ) : null}
            {hasChildren ? (
              <Link className={link} href={`/admin/customer-users?customer=${customerId}&subsidiaries=yes`}>
                With the subsidiaries&apos; users
              </Link>
            ) : null}
          </div>
        }
      />
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Enabled</Th>
            <Th>Confirmed</Th>
            <Th>Last sign-in</Th>
          </tr>
        </thead>
        <tbody>
          {users.items.length === 0 ? <EmptyRow colSpan={5}>No users yet.</EmptyRow> : null}
          {users.items.map((user) => (
            <Tr key={user.id}>
              <Td>
                <Link className={link} href={`/admin/customer-users/${user.id}`}>
                  {person(user)}
                </Link>
              </Td>
              <Td>{user.email}</Td>
              <Td>{user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
              <Td>{user.confirmedAt ? formatDate(user.confirmedAt) : <Badge tone="amber">Unconfirmed</Badge>}</Td>
              <Td>{formatDateTime(user.lastLoginAt)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

export async function CustomerRolesSection({ customerId, params }: { customerId: number; params: SearchParams }) {
  const { caller } = await getStaffCaller();
  const where = { basePath: `/admin/customers/${customerId}`, params, key: "roles" };
  const { page, problem, state } = await sectionPage(where, customerRolesInput, { customerId, limit: 25 }, (input) =>
    caller.admin.customers.roles(input),
  );
  return (
    <Card id="roles" data-testid="customer-roles" className="scroll-mt-6">
      <CardHeader
        title="Roles of this customer"
        description="Roles made for this customer. The predefined roles (Administrator, Buyer) are available to every customer."
      />
      <Table>
        <thead>
          <tr>
            <Th>Role</Th>
            <Th>Users</Th>
            <Th>Self-managed</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? <EmptyRow colSpan={3}>This customer has no roles of its own.</EmptyRow> : null}
          {page.items.map((role) => (
            <Tr key={role.id}>
              <Td>
                <Link className={link} href={`/admin/customer-user-roles/${role.id}`}>
                  {role.label}
                </Link>
              </Td>
              <Td>{role.userCount}</Td>
              <Td>{role.selfManaged ? "Yes" : "No"}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <Pager state={state} page={{ nextCursor: page.nextCursor }} noun="roles" sizes={false} problem={problem} />
    </Card>
  );
}
