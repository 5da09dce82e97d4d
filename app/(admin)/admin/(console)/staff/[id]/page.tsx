import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import { NoAccess } from "@/components/admin/no-access";
import { StaffUserForm } from "@/components/admin/staff-user-form";
import { StaffUserButtons } from "@/components/admin/staff-user-menu";
import { StaffPermissionTable } from "@/components/admin/staff-permission-table";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Staff member" };

export default async function StaffUserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("staffUser.view")) return <NoAccess title="Staff member" permission="staffUser.view" />;
  const [member, roles, permissions] = await Promise.all([
    orNotFound(caller.admin.staffUsers.get({ id })),
    caller.admin.staffUsers.roleChoices(),
    caller.admin.staffUsers.effectivePermissions({ id }),
  ]);
  const name = `${member.firstName} ${member.lastName}`;
  const mayEdit = staff.grants.has("staffUser.edit") && !member.beyondYou;
  return (
    <>
      <PageHeader
        title={name}
        actions={
          mayEdit ? (
            <StaffUserButtons member={{ id: member.id, name, email: member.email, enabled: member.enabled, isSelf: member.isSelf }} />
          ) : null
        }
      >
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link href="/admin/staff" className="text-brand-700 hover:underline">
            Staff
          </Link>
          <span aria-hidden>·</span>
          <span data-testid="staff-status">
            {member.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
          </span>
          {member.hasPassword ? null : <Badge tone="amber">No password yet</Badge>}
          <span>
            Last sign-in {formatDateTime(member.lastLoginAt)} · {member.loginCount} sign-ins
          </span>
          {member.isSelf ? <Badge tone="blue">You</Badge> : null}
        </p>
      </PageHeader>
      {member.beyondYou ? (
        <div className="mb-4 max-w-2xl">
          <Alert tone="warning" testId="beyond-you">
            You cannot change this account: {name} holds more than you do: {member.beyondYou}.
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card className="max-w-2xl">
          <CardHeader title="Account" />
          <CardBody>
            <StaffUserForm
              roles={roles}
              readOnly={!mayEdit}
              existing={{
                id: member.id,
                version: member.version,
                firstName: member.firstName,
                lastName: member.lastName,
                email: member.email,
                roleIds: member.roles.map((r) => r.id),
              }}
            />
          </CardBody>
        </Card>
        <Card className="max-w-2xl">
          <CardHeader
            title="Sales representative of"
            description="Roles limited to the customers they represent reach these; each customer's page names its representatives."
          />
          <CardBody>
            {member.represents.total === 0 ? (
              <p className="text-sm text-slate-500" data-testid="represents">
                No customers.
              </p>
            ) : (
              <p className="text-sm text-slate-700" data-testid="represents">
                {member.represents.customers.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 ? ", " : null}
                    <Link href={`/admin/customers/${c.id}`} className="text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </span>
                ))}
                {member.represents.total > member.represents.customers.length
                  ? ` and ${member.represents.total - member.represents.customers.length} more`
                  : ""}
              </p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Effective permissions" description="What the roles add up to, and which role grants each." />
          <StaffPermissionTable rows={permissions} />
        </Card>
      </div>
    </>
  );
}
