import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/format";
import { SortHeader } from "@/components/grid/grid";
import { listPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { intParam, type SearchParams } from "@/components/grid/params";
import { SelectAllBox, SelectionProvider, SelectRowBox } from "@/components/grid/selection";
import { CustomerUserFilters, customerUserFilterKeys, customerUserFiltersOf } from "@/components/admin/customer-user-filters";
import { CustomerUserRowMenu } from "@/components/admin/customer-user-actions";
import { CustomerUserMassActions } from "@/components/admin/customer-user-mass-actions";
import { actionTargetOf, customerUserPermissions } from "@/components/admin/customer-user-permissions";
import { getStaffCaller } from "@/server/api/caller";
import { authStatusLabels, customerUserSorts, listCustomerUsersInput } from "@/server/schemas/customerUser";

export const metadata: Metadata = { title: "Customer Users" };

const basePath = "/admin/customer-users";
/** The row menu's column stays in view when the table scrolls sideways. */
const sticky = "sticky right-0 bg-white shadow-[-6px_0_6px_-6px_rgb(15_23_42/0.2)]";

export default async function CustomerUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const can = customerUserPermissions(staff.grants);
  const spec = { basePath, params, schema: listCustomerUsersInput, sorts: customerUserSorts, filters: customerUserFiltersOf(params) };
  const customerId = intParam(params, customerUserFilterKeys.customer);
  const [{ input, page, problem, state: list }, websites, chosenCustomer] = await Promise.all([
    listPage(spec, (i) => caller.admin.customerUsers.list(i)),
    caller.admin.customerUsers.websiteChoices(),
    customerId ? caller.admin.customerUsers.customerChoices({ id: customerId, purpose: "view" }).then((rows) => rows[0] ?? null) : null,
  ]);
  const state = { basePath, params: list.params };
  const sort = { ...state, sort: input.sort, dir: input.dir };
  const selectable = can.enable || can.delete;
  const columns = 11 + (selectable ? 1 : 0);
  return (
    <>
      <PageHeader
        title="Customer Users"
        actions={can.create ? <ButtonLink href={`${basePath}/new`}>Create Customer User</ButtonLink> : null}
      />
      <Card>
        <CustomerUserFilters
          state={state}
          input={input}
          problem={problem}
          websites={websites}
          customer={chosenCustomer ? { id: chosenCustomer.id, name: chosenCustomer.name } : null}
        />
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
