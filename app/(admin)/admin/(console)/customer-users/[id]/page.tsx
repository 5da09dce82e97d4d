import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CardBody } from "@/components/ui/card";
import { ApplicationsManager } from "@/components/oauth/applications-manager";
import { fullName } from "@/components/format";
import { pageId, type SearchParams } from "@/components/grid/params";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { CustomerUserActionBar } from "@/components/admin/customer-user-actions";
import { actionTargetOf, customerUserPermissions } from "@/components/admin/customer-user-permissions";
import { Section } from "@/components/admin/customer-user-record/section";
import { UserAddresses, UserConsents, UserGeneral, UserRoles } from "@/components/admin/customer-user-record/details";
import { UserRecords } from "@/components/admin/customer-user-record/record-tables";
import { UserCommunication } from "@/components/admin/customer-user-record/communication";
import { UserSignInAttempts } from "@/components/admin/customer-user-record/sign-in-attempts";

export const metadata: Metadata = { title: "Customer User" };

/**
 * The customer-user record: the account, then a section per list (records, emails, notes, events, sign-in attempts).
 * Each section loads and pages its own list, keeping its cursor under its anchor's name in the URL.
 */
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
  const [permissions, consents] = await Promise.all([
    caller.admin.customerUsers.effectivePermissions({ id }),
    caller.admin.customerUsers.consents({ id }),
  ]);
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
    ...(can("loginAttempt.view") ? ([["attempts", "Sign-in attempts"]] as [string, string][]) : []),
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
        <UserGeneral user={user} />
        <UserAddresses addresses={user.addresses} />
        <UserRoles roles={user.roles} permissions={permissions} />
        <UserRecords id={id} params={query} />
        <UserCommunication id={id} params={query} can={{ readMail: can("mailbox.view"), writeNotes: can("customerUser.notes") }} />
        <UserConsents consents={consents} />
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
        {can("loginAttempt.view") ? <UserSignInAttempts id={id} params={query} /> : null}
      </div>
    </>
  );
}
