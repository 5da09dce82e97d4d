import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { ListPager } from "@/components/list-pager";
import { PermissionTable } from "@/components/permission-table";
import { DetailList, StatusBadge, money } from "@/components/account/records";
import { ApplicationsManager } from "@/components/oauth/applications-manager";
import { NotesPanel } from "@/components/admin/notes-panel";
import { CustomerUserEvents } from "@/components/admin/customer-user-events";
import { formatDate, formatDateTime, fullName } from "@/components/format";
import { flatParams, idCursorParam, intParam, pageId, type SearchParams } from "@/components/grid/params";
import { countries } from "@/server/schemas/address";
import { loginResultLabels, loginSourceLabels } from "@/server/schemas/loginAttempt";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { CustomerUserActionBar } from "@/components/admin/customer-user-actions";
import { actionTargetOf, customerUserPermissions } from "@/components/admin/customer-user-permissions";

export const metadata: Metadata = { title: "Customer User" };

const PAGE = 10;
const countryName = new Map(countries);

/** A section of the page: a card with an anchor the section menu links to. */
function Section({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-500">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </Card>
  );
}

/** The paging links of one section: its cursor has the section's name in the URL, and paging returns to it. */
function SectionPager({
  id,
  noun,
  page,
  basePath,
  params,
}: {
  id: string;
  noun: string;
  page: { nextCursor: string | null };
  basePath: string;
  params: SearchParams;
}) {
  return (
    <ListPager
      basePath={basePath}
      params={flatParams(params)}
      current={intParam(params, id)}
      nextCursor={page.nextCursor}
      cursorParam={id}
      hash={id}
      noun={noun}
    />
  );
}

type Column<Row> = { header: string; cell: (row: Row) => ReactNode };

/** One paged list of the user's records; each list keeps its own cursor in the URL. */
function RecordTable<Row extends { id: number }>({
  id,
  title,
  noun,
  columns,
  page,
  basePath,
  params,
}: {
  id: string;
  title: string;
  noun: string;
  columns: Column<Row>[];
  page: { items: Row[]; nextCursor: string | null };
  basePath: string;
  params: SearchParams;
}) {
  return (
    <Section id={id} title={title}>
      <Table data-testid={id}>
        <thead>
          <tr>
            {columns.map((c) => (
              <Th key={c.header}>{c.header}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? <EmptyRow colSpan={columns.length}>No {noun} created by this user.</EmptyRow> : null}
          {page.items.map((row) => (
            <Tr key={row.id}>
              {columns.map((c) => (
                <Td key={c.header}>{c.cell(row)}</Td>
              ))}
            </Tr>
          ))}
        </tbody>
      </Table>
      <SectionPager id={id} noun={noun} page={page} basePath={basePath} params={params} />
    </Section>
  );
}

export default async function CustomerUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = pageId(await params);
  const query = await searchParams;
  const { staff, caller } = await getStaffCaller();
  const can = (permission: Parameters<typeof staff.grants.has>[0]) => staff.grants.has(permission);
  const user = await orNotFound(caller.admin.customerUsers.get({ id }));
  const after = (key: string) => idCursorParam(query, key);
  const records = { customerUserId: id, limit: PAGE };
  const [permissions, consents, rfqs, quotes, orders, lists, notes, events, emails, attempts] = await Promise.all([
    caller.admin.customerUsers.effectivePermissions({ id }),
    caller.admin.customerUsers.consents({ id }),
    caller.admin.records.rfqs({ ...records, cursor: after("rfqs") }),
    caller.admin.records.quotes({ ...records, cursor: after("quotes") }),
    caller.admin.records.orders({ ...records, cursor: after("orders") }),
    caller.admin.records.shoppingLists({ ...records, cursor: after("lists") }),
    caller.admin.notes.list({ customerUserId: id, limit: PAGE, cursor: after("notes") }),
    caller.admin.calendarEvents.list({ customerUserId: id, limit: PAGE, cursor: after("events") }),
    caller.admin.customerUsers.emails({ id, limit: PAGE, cursor: after("emails") }),
    can("loginAttempt.view") ? caller.admin.loginAttempts.list({ customerUserId: id, limit: PAGE, cursor: after("attempts") }) : null,
  ]);
  const basePath = `/admin/customer-users/${id}`;
  const name = fullName(user);
  const menu: [string, string][] = [
    ["general", "General"],
    ["addresses", "Addresses"],
    ["roles", "Roles and permissions"],
    ["rfqs", "Requests for quote"],
    ["quotes", "Quotes"],
    ["orders", "Sales orders"],
    ["lists", "Shopping lists"],
    ["communication", "Communication"],
    ["consents", "Consents"],
    ...(can("oauthApp.manage") ? ([["oauth", "OAuth applications"]] as [string, string][]) : []),
    ...(attempts ? ([["attempts", "Sign-in attempts"]] as [string, string][]) : []),
  ];

  return (
    <>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
            <Link href="/admin/customer-users" className="hover:underline">
              Customer Users
            </Link>{" "}
            / {user.customer.name}
          </nav>
          <h1 className="text-2xl font-semibold text-slate-900">{name}</h1>
          <p className="text-sm text-slate-600">
            {user.email} · {user.customer.name}
          </p>
          <div className="mt-2 flex flex-wrap gap-2" data-testid="status-badges">
            {user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
            {user.confirmedAt ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Unconfirmed</Badge>}
            {user.authStatus === "RESET" ? <Badge tone="amber">Password reset required</Badge> : null}
            {user.customer.enabled ? null : <Badge tone="red">Customer disabled</Badge>}
            {user.erasedAt ? <Badge tone="slate">Personal data erased</Badge> : null}
          </div>
        </div>
        <CustomerUserActionBar
          can={customerUserPermissions(staff.grants)}
          afterDelete="/admin/customer-users"
          user={actionTargetOf(user)}
        />
      </header>

      <nav aria-label="Sections" className="mb-6 flex flex-wrap gap-x-4 gap-y-1 border-b border-slate-200 pb-3 text-sm">
        {menu.map(([anchor, label]) => (
          <a key={anchor} href={`#${anchor}`} className="text-brand-700 hover:underline">
            {label}
          </a>
        ))}
        {can("audit.view") ? (
          <Link href={`/admin/audit?entityType=CustomerUser&entityId=${id}`} className="text-brand-700 hover:underline">
            Change history
          </Link>
        ) : null}
      </nav>

      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-3">
          <div className="xl:col-span-2">
            <Section id="general" title="General information">
              <CardBody>
                <DetailList
                  items={[
                    ["Name prefix", user.namePrefix],
                    ["First name", user.firstName],
                    ["Middle name", user.middleName],
                    ["Last name", user.lastName],
                    ["Name suffix", user.nameSuffix],
                    ["Email", user.email],
                    ["Phone", user.phone],
                    ["Birthday", user.birthday ? formatDate(user.birthday) : null],
                    [
                      "Customer",
                      <>
                        {user.customer.name}
                        {user.customer.parent ? <span className="text-slate-500"> (subsidiary of {user.customer.parent.name})</span> : null}
                      </>,
                    ],
                    [
                      "Sales representatives",
                      user.salesRepresentatives.length
                        ? user.salesRepresentatives.map((s) => `${s.firstName} ${s.lastName}`).join(", ")
                        : null,
                    ],
                    ["Enabled", user.enabled ? "Yes" : "No"],
                    ["Confirmed", user.confirmedAt ? `Yes, ${formatDateTime(user.confirmedAt)}` : "No"],
                    [
                      "Password",
                      user.authStatus === "RESET"
                        ? "Reset required before the next sign-in"
                        : user.hasPassword
                          ? "Active"
                          : "Not chosen yet",
                    ],
                  ]}
                />
              </CardBody>
            </Section>
          </div>
          <Section id="additional" title="Additional information">
            <CardBody>
              <DetailList
                items={[
                  ["Created", formatDateTime(user.createdAt)],
                  ["Updated", formatDateTime(user.updatedAt)],
                  ["Owner", user.owner ? `${user.owner.firstName} ${user.owner.lastName}` : null],
                  ["Sign-ins", String(user.loginCount)],
                  ["Last sign-in", user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"],
                  ["Website", user.website?.name],
                  ["Preferred localization", user.localization?.name],
                ]}
              />
            </CardBody>
          </Section>
        </div>

        <Section id="addresses" title="Addresses">
          {user.addresses.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-500">No addresses.</p>
            </CardBody>
          ) : (
            <div className="grid gap-4 p-5 md:grid-cols-2 xl:grid-cols-3" data-testid="addresses">
              {user.addresses.map((a) => (
                <address key={a.id} className="rounded-md border border-slate-200 p-3 text-sm not-italic">
                  <div className="mb-1 flex flex-wrap gap-1">
                    {a.label ? <span className="mr-1 font-medium">{a.label}</span> : null}
                    {a.isPrimary ? <Badge tone="blue">Primary</Badge> : null}
                    {a.isDefaultBilling ? <Badge tone="green">Default billing</Badge> : a.isBilling ? <Badge>Billing</Badge> : null}
                    {a.isDefaultShipping ? <Badge tone="green">Default shipping</Badge> : a.isShipping ? <Badge>Shipping</Badge> : null}
                  </div>
                  {[
                    a.organization,
                    [a.firstName, a.lastName].filter(Boolean).join(" "),
                    a.street,
                    a.street2,
                    `${a.postalCode} ${a.city}`,
                    a.region,
                    countryName.get(a.countryCode) ?? a.countryCode,
                    a.phone,
                  ]
                    .filter(Boolean)
                    .map((line, i) => (
                      <div key={i}>{line}</div>
                    ))}
                </address>
              ))}
            </div>
          )}
        </Section>

        <Section
          id="roles"
          title="Roles and effective permissions"
          description="Permissions add up over the roles; each row names the roles granting it."
        >
          <CardBody className="flex flex-wrap gap-2 border-b border-slate-200" data-testid="roles">
            {user.roles.length === 0 ? (
              <span className="text-sm text-slate-500">No roles: the user cannot be enabled until one is assigned.</span>
            ) : null}
            {user.roles.map((role) => (
              <Badge key={role.id} tone={role.customerId ? "blue" : "slate"}>
                {role.label}
              </Badge>
            ))}
          </CardBody>
          {/* Tall: it scrolls on its own, so the records below stay a short scroll away. */}
          <div className="max-h-[28rem] overflow-y-auto">
            <PermissionTable rows={permissions} />
          </div>
        </Section>

        <div className="grid gap-6 xl:grid-cols-2">
          <RecordTable
            id="rfqs"
            title="Requests for quote"
            noun="requests for quote"
            page={rfqs}
            basePath={basePath}
            params={query}
            columns={[
              { header: "PO number", cell: (r) => r.poNumber ?? `#${r.id}` },
              { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
              { header: "Ship until", cell: (r) => formatDate(r.shipUntil) },
              { header: "Created", cell: (r) => formatDate(r.createdAt) },
            ]}
          />
          <RecordTable
            id="quotes"
            title="Quotes"
            noun="quotes"
            page={quotes}
            basePath={basePath}
            params={query}
            columns={[
              { header: "Number", cell: (q) => q.number },
              { header: "Status", cell: (q) => <StatusBadge status={q.status} /> },
              { header: "Total", cell: (q) => money(q.total, q.currency) },
              { header: "Valid until", cell: (q) => formatDate(q.validUntil) },
              { header: "Created", cell: (q) => formatDate(q.createdAt) },
            ]}
          />
          <RecordTable
            id="orders"
            title="Sales orders"
            noun="sales orders"
            page={orders}
            basePath={basePath}
            params={query}
            columns={[
              { header: "Number", cell: (o) => o.number },
              { header: "PO number", cell: (o) => o.poNumber ?? "—" },
              { header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
              { header: "Total", cell: (o) => money(o.total, o.currency) },
              { header: "Created", cell: (o) => formatDate(o.createdAt) },
            ]}
          />
          <RecordTable
            id="lists"
            title="Shopping lists"
            noun="shopping lists"
            page={lists}
            basePath={basePath}
            params={query}
            columns={[
              {
                header: "Label",
                cell: (l) => (
                  <>
                    {l.label}
                    {l.isDefault ? (
                      <span className="ml-2">
                        <Badge tone="blue">Default</Badge>
                      </span>
                    ) : null}
                  </>
                ),
              },
              { header: "Items", cell: (l) => l.lineItemCount },
              { header: "Subtotal", cell: (l) => money(l.subtotal, l.currency) },
              { header: "Created", cell: (l) => formatDate(l.createdAt) },
            ]}
          />
        </div>

        <div id="communication" className="scroll-mt-6 space-y-6">
          <Section id="emails" title="Emails" description="Everything Roster wrote to this user, from the outbox.">
            <Table data-testid="emails">
              <thead>
                <tr>
                  <Th>Subject</Th>
                  <Th>Template</Th>
                  <Th>Sent to</Th>
                  <Th>Status</Th>
                  <Th>Written</Th>
                </tr>
              </thead>
              <tbody>
                {emails.items.length === 0 ? <EmptyRow colSpan={5}>No emails to this user.</EmptyRow> : null}
                {emails.items.map((m) => (
                  <Tr key={m.id}>
                    {/* The message itself may hold a live one-time link: only the mailbox's readers open it. */}
                    <Td>
                      {can("mailbox.view") ? (
                        <Link className="text-brand-700 hover:underline" href={`/admin/mailbox/${m.id}`}>
                          {m.subject}
                        </Link>
                      ) : (
                        m.subject
                      )}
                    </Td>
                    <Td>
                      <span className="font-mono text-xs">{m.template}</span>
                    </Td>
                    <Td>{m.toEmail}</Td>
                    <Td>
                      <Badge tone={m.status === "SENT" ? "green" : m.status === "FAILED" ? "red" : "amber"}>{m.status.toLowerCase()}</Badge>
                    </Td>
                    <Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <SectionPager id="emails" noun="emails" page={emails} basePath={basePath} params={query} />
          </Section>
          <div className="grid gap-6 xl:grid-cols-2">
            <Section id="notes" title="Notes">
              <CardBody>
                <NotesPanel about={{ customerUserId: id }} notes={notes.items} canEdit={can("customerUser.notes")} />
              </CardBody>
              <SectionPager id="notes" noun="notes" page={notes} basePath={basePath} params={query} />
            </Section>
            <Section id="events" title="Scheduled events">
              <CardBody>
                <CustomerUserEvents customerUserId={id} events={events.items} canWrite={can("customerUser.notes")} />
              </CardBody>
              <SectionPager id="events" noun="scheduled events" page={events} basePath={basePath} params={query} />
            </Section>
          </div>
        </div>

        <Section id="consents" title="Accepted consents">
          <Table data-testid="consents">
            <thead>
              <tr>
                <Th>Consent</Th>
                <Th>Accepted</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody>
              {consents.length === 0 ? <EmptyRow colSpan={3}>No consents accepted.</EmptyRow> : null}
              {consents.map((c) => (
                <Tr key={c.id}>
                  <Td>
                    {c.consent.title}
                    {c.consent.mandatory ? <span className="ml-2 text-xs text-slate-500">mandatory</span> : null}
                  </Td>
                  <Td>{formatDateTime(c.acceptedAt)}</Td>
                  <Td>
                    {c.withdrawnAt ? (
                      <Badge tone="amber">Withdrawn {formatDate(c.withdrawnAt)}</Badge>
                    ) : (
                      <Badge tone="green">Accepted</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Section>

        {can("oauthApp.manage") ? (
          <Section
            id="oauth"
            title="OAuth applications"
            description="Applications act as this user through the API, with the user's permissions."
          >
            <CardBody>
              <ApplicationsManager customerUserId={id} />
            </CardBody>
          </Section>
        ) : null}

        {attempts ? (
          <Section
            id="attempts"
            title="Sign-in attempts"
            actions={
              <Link href={`/admin/sign-in-attempts?userId=${id}`} className="text-sm text-brand-700 hover:underline">
                Filter them in Sign-in Attempts
              </Link>
            }
          >
            <Table data-testid="sign-in-attempts">
              <thead>
                <tr>
                  <Th>Time</Th>
                  <Th>Result</Th>
                  <Th>Source</Th>
                  <Th>IP</Th>
                  <Th>Browser</Th>
                </tr>
              </thead>
              <tbody>
                {attempts.items.length === 0 ? <EmptyRow colSpan={5}>No sign-in attempts.</EmptyRow> : null}
                {attempts.items.map((a) => (
                  <Tr key={a.id}>
                    <Td>{formatDateTime(a.attemptedAt)}</Td>
                    <Td>
                      <Badge tone={a.result === "SUCCESS" ? "green" : a.result === "LOCKED_OUT" ? "red" : "amber"}>
                        {loginResultLabels[a.result]}
                      </Badge>
                    </Td>
                    <Td>{loginSourceLabels[a.source]}</Td>
                    <Td>{a.ip ?? "—"}</Td>
                    <Td>
                      <span className="block max-w-64 truncate" title={a.userAgent ?? undefined}>
                        {a.userAgent ?? "—"}
                      </span>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <SectionPager id="attempts" noun="sign-in attempts" page={attempts} basePath={basePath} params={query} />
          </Section>
        ) : null}
      </div>
    </>
  );
}
