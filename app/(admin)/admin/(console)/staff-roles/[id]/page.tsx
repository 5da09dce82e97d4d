import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/admin/no-access";
import { DeleteStaffRoleButton, StaffRoleForm } from "@/components/admin/staff-role-form";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Staff role" };

export default async function StaffRolePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("staffRole.view")) return <NoAccess title="Staff role" permission="staffRole.view" />;
  const role = await orNotFound(caller.admin.staffRoles.get({ id }));
  const mayEdit = staff.grants.has("staffRole.edit") && !role.beyondYou;
  const mayDelete = staff.grants.has("staffRole.delete") && !role.beyondYou && !role.predefined && role.users.length === 0;
  return (
    <>
      <PageHeader title={role.label} actions={mayDelete ? <DeleteStaffRoleButton id={role.id} label={role.label} /> : null}>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link href="/admin/staff-roles" className="text-brand-700 hover:underline">
            Staff Roles
          </Link>
          <span aria-hidden>·</span>
          <span className="font-mono text-xs">{role.code}</span>
          {role.predefined ? <Badge>Predefined: can be changed, not deleted</Badge> : null}
        </p>
      </PageHeader>
      {role.beyondYou ? (
        <div className="mb-4">
          <Alert tone="warning" testId="beyond-you">
            You cannot change this role: it grants more than you hold: {role.beyondYou}.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 2xl:grid-cols-[1fr_20rem]">
        <Card>
          <CardBody>
            <StaffRoleForm
              held={Object.fromEntries(staff.grants)}
              readOnly={!mayEdit}
              existing={{
                id: role.id,
                version: role.version,
                label: role.label,
                description: role.description,
                scope: role.scope,
                permissions: role.permissions,
              }}
            />
          </CardBody>
        </Card>
        <Card className="self-start">
          <CardHeader title="Held by" description={role.users.length ? undefined : "Nobody holds this role."} />
          {role.users.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="role-holders">
              {role.users.map((user) => (
                <li key={user.id} className="px-5 py-2">
                  <Link href={`/admin/staff/${user.id}`} className="text-brand-700 hover:underline">
                    {user.firstName} {user.lastName}
                  </Link>
                  {user.enabled ? null : (
                    <span className="ml-2">
                      <Badge tone="red">Disabled</Badge>
                    </span>
                  )}
                  <div className="text-xs text-slate-500">{user.email}</div>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      </div>
    </>
  );
}
