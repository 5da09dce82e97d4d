import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { DetailList } from "@/components/records/detail-list";
import { PermissionTable } from "@/components/permission-table";
import { UserButtons } from "@/components/account/user-actions";
import { formatDate, formatDateTime, fullName } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { passwordStatusLabels, passwordStatusOf } from "@/server/schemas/accountUser";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { user: me, caller } = await getCustomerCaller();
  const user = await orNotFound(caller.account.users.get({ id }));
  const [permissions, roleChoices] = await Promise.all([
    caller.account.users.effectivePermissions({ id }),
    caller.account.users.roleChoices({ customerId: user.customer.id }),
  ]);
  const self = user.id === me.id;
  const name = fullName(user);
  // Someone holding a role the actor could not hand out holds more than they do: only a peer may change them.
  const beyond = [...new Set(user.roles.flatMap((role) => roleChoices.find((c) => c.id === role.id)?.exceeds ?? []))];
  const stronger = beyond.length > 0;
  const can = {
    edit: me.grants.has("customerUser.edit") && !stronger && !user.erasedAt,
    delete: me.grants.has("customerUser.delete") && !stronger && !self,
  };
  return (
    <>
      <PageHeader
        title={name}
        actions={
          <>
            <ButtonLink variant="secondary" href="/account/users">
              All users
            </ButtonLink>
            {can.edit ? <ButtonLink href={`/account/users/${user.id}/edit`}>Edit</ButtonLink> : null}
            {self ? null : (
              <UserButtons person={{ id: user.id, name, enabled: user.enabled }} can={{ edit: can.edit, delete: can.delete }} />
            )}
          </>
        }
      >
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {user.email}
          {user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
          {user.confirmedAt ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Unconfirmed</Badge>}
          {self ? <Badge tone="blue">You</Badge> : null}
        </p>
      </PageHeader>
      {stronger ? (
        <div className="mb-6">
          <Alert testId="user-stronger">
            {name} holds permissions beyond yours ({beyond.slice(0, 3).join(", ")}
            {beyond.length > 3 ? ` and ${beyond.length - 3} more` : ""}). Only someone who holds them can change this user.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <DetailList
              items={[
                ["Customer", user.customer.parent ? `${user.customer.name} (part of ${user.customer.parent.name})` : user.customer.name],
                ["Phone", user.phone],
                ["Birthday", user.birthday ? formatDate(user.birthday) : null],
                ["Language", user.localization?.name],
                ["Password", passwordStatusLabels[passwordStatusOf(user)]],
                ["Created", formatDateTime(user.createdAt)],
                ["Last sign-in", formatDateTime(user.lastLoginAt)],
                ["Sign-ins", String(user.loginCount)],
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Roles" description="Permissions add up over all roles: the highest level wins." />
          <CardBody>
            {user.roles.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="user-roles">
                {user.roles.map((role) => (
                  <li key={role.id}>
                    {role.label}
                    {role.customerId === null ? "" : " (company role)"}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">No role: the user cannot be enabled until they have one.</p>
            )}
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Effective permissions" description="What this user may do, and which of their roles grants it." />
        <PermissionTable rows={permissions} />
      </Card>
    </>
  );
}
