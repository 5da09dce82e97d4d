import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { DetailList } from "@/components/records/detail-list";
import { formatDateTime } from "@/components/format";
import { CustomerStateButtons } from "@/components/admin/customers/customer-actions";
import { CustomerAddresses } from "@/components/admin/customers/customer-addresses";
import { CustomerNotes } from "@/components/admin/customers/customer-notes";
import { CustomerRolesSection, CustomerUsersSection } from "@/components/admin/customers/customer-people";
import { sectionPage } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { pageId, type SearchParams } from "@/components/grid/params";
import { listCustomerNotesInput } from "@/server/schemas/customer";
import { getStaffCaller, orNotFound } from "@/server/api/caller";

export const metadata: Metadata = { title: "Customer" };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const person = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const link = "text-brand-700 hover:underline";
const NOTES_PAGE = 10;

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = pageId(await params);
  const query = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const customer = await orNotFound(caller.admin.customers.get({ id }));
  const [subsidiaries, notes] = await Promise.all([
    caller.admin.customers.children({ parentId: id, limit: 25 }),
    sectionPage(
      { basePath: `/admin/customers/${id}`, params: query, key: "notes" },
      listCustomerNotesInput,
      { id, limit: NOTES_PAGE },
      (input) => caller.admin.customers.notes.list(input),
    ),
  ]);
  const can = {
    edit: staff.grants.has("customer.edit"),
    delete: staff.grants.has("customer.delete"),
    create: staff.grants.has("customer.create"),
  };
  const { counts } = customer;
  const records = [
    counts.orders ? plural(counts.orders, "order") : null,
    counts.quotes ? plural(counts.quotes, "quote") : null,
    counts.rfqs ? plural(counts.rfqs, "request for quote", "requests for quote") : null,
    counts.shoppingLists ? plural(counts.shoppingLists, "shopping list") : null,
  ].filter(Boolean);

  return (
    <>
      {customer.ancestors.length ? (
        <nav aria-label="Parent companies" className="mb-1 text-sm text-slate-500">
          {customer.ancestors.map((ancestor, index) => (
            <span key={ancestor.id}>
              {index ? " › " : ""}
              <Link className={link} href={`/admin/customers/${ancestor.id}`}>
                {ancestor.name}
              </Link>
            </span>
          ))}
          {" ›"}
        </nav>
      ) : null}
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {customer.name}
            {customer.enabled ? null : <Badge tone="red">Disabled</Badge>}
          </span>
        }
        actions={
          <>
            {can.edit ? <ButtonLink href={`/admin/customers/${id}/edit`}>Edit</ButtonLink> : null}
            {can.create ? (
              <ButtonLink variant="secondary" href={`/admin/customers/new?parent=${id}`}>
                Add subsidiary
              </ButtonLink>
            ) : null}
            <ButtonLink variant="secondary" href={`/admin/customers/tree?open=${id}`}>
              Show in hierarchy
            </ButtonLink>
            <CustomerStateButtons customer={{ id, name: customer.name, enabled: customer.enabled, userCount: counts.users }} can={can} />
          </>
        }
      />
      {customer.enabled ? null : (
        <div className="mb-6">
          <Alert tone="warning" testId="customer-disabled">
            {customer.name} is disabled: its users cannot sign in. Its subsidiaries are not affected.
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="General information" />
          <CardBody>
            <DetailList
              items={[
                ["Name", customer.name],
                [
                  "Parent customer",
                  customer.parent ? (
                    <Link className={link} href={`/admin/customers/${customer.parent.id}`}>
                      {customer.parent.name}
                    </Link>
                  ) : customer.hasParent ? (
                    <span className="text-slate-500">A customer outside your reach</span>
                  ) : (
                    <span className="text-slate-500">None (top level)</span>
                  ),
                ],
                ["Group", customer.group?.name ?? null],
                [
                  "Status",
                  customer.enabled ? (
                    <Badge key="s" tone="green">
                      Enabled
                    </Badge>
                  ) : (
                    <Badge key="s" tone="red">
                      Disabled
                    </Badge>
                  ),
                ],
                ["Sales representatives", customer.salesReps.length ? customer.salesReps.map(person).join(", ") : null],
                ["Owner", customer.owner ? person(customer.owner) : null],
                ["Users", plural(counts.users, "user")],
                ["Records", records.length ? records.join(", ") : "None yet"],
                ["Created", formatDateTime(customer.createdAt)],
                ["Updated", formatDateTime(customer.updatedAt)],
              ]}
            />
          </CardBody>
        </Card>

        <Card data-testid="subsidiaries">
          <CardHeader
            title="Subsidiaries"
            description={
              counts.children
                ? `${plural(counts.children, "direct subsidiary", "direct subsidiaries")}. Disabling ${customer.name} does not disable them.`
                : undefined
            }
            actions={
              counts.children ? (
                <ButtonLink variant="ghost" href={`/admin/customers/tree?open=${id}`}>
                  Hierarchy
                </ButtonLink>
              ) : null
            }
          />
          {subsidiaries.items.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-500">{counts.children ? "None you reach." : "No subsidiaries."}</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Subsidiaries">
              {subsidiaries.items.map((child) => (
                <li key={child.id} className="flex items-center gap-2 px-5 py-2 text-sm">
                  <Link className={`font-medium ${link}`} href={`/admin/customers/${child.id}`}>
                    {child.name}
                  </Link>
                  {child.enabled ? null : <Badge tone="red">Disabled</Badge>}
                  <span className="ml-auto text-xs text-slate-500">
                    {plural(child.userCount, "user")}
                    {child.childCount ? ` · ${plural(child.childCount, "subsidiary", "subsidiaries")}` : ""}
                  </span>
                </li>
              ))}
              {subsidiaries.nextCursor ? (
                <li className="px-5 py-2 text-sm">
                  <Link className={link} href={`/admin/customers?parent=${id}`}>
                    All subsidiaries
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>

      <div className="mt-6 space-y-6">
        {staff.grants.has("customerUser.view") ? <CustomerUsersSection customerId={id} hasChildren={counts.children > 0} /> : null}
        {staff.grants.has("customerUserRole.view") ? <CustomerRolesSection customerId={id} params={query} /> : null}

        <CustomerAddresses customerId={id} addresses={customer.addresses} canEdit={can.edit} />
        <CustomerNotes
          customerId={id}
          notes={notes.page.items}
          canEdit={can.edit}
          pager={
            <Pager state={notes.state} page={{ nextCursor: notes.page.nextCursor }} noun="notes" sizes={false} problem={notes.problem} />
          }
        />
      </div>
    </>
  );
}
