import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { PermissionTable } from "@/components/permission-table";
import { formatDateTime, fullName } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "My account" };

export default async function AccountHome() {
  const { caller } = await getCustomerCaller();
  const [me, permissions] = await Promise.all([caller.account.me.get(), caller.account.me.permissions()]);
  return (
    <>
      <PageHeader title={`Welcome, ${me.firstName}`} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader title="You" />
          <CardBody>
            <dl className="grid grid-cols-3 gap-y-2 text-sm">
              <dt className="text-slate-500">Name</dt>
              <dd className="col-span-2" data-testid="me-name">
                {fullName(me)}
              </dd>
              <dt className="text-slate-500">Email</dt>
              <dd className="col-span-2">{me.email}</dd>
              <dt className="text-slate-500">Roles</dt>
              <dd className="col-span-2">{me.roles.map((r) => r.label).join(", ") || "—"}</dd>
              <dt className="text-slate-500">Last sign-in</dt>
              <dd className="col-span-2">{formatDateTime(me.lastLoginAt)}</dd>
            </dl>
            <a href="/account/my-data" className="mt-4 inline-block text-sm text-brand-700 hover:underline" download>
              Download my personal data
            </a>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Your company" />
          <CardBody>
            <dl className="grid grid-cols-3 gap-y-2 text-sm">
              <dt className="text-slate-500">Customer</dt>
              <dd className="col-span-2" data-testid="me-customer">
                {me.customer.name}
              </dd>
              <dt className="text-slate-500">Website</dt>
              <dd className="col-span-2">{me.website?.name ?? "—"}</dd>
            </dl>
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="What you may do" description="Your effective permissions: the highest level any of your roles grants." />
        <PermissionTable rows={permissions} />
      </Card>
    </>
  );
}
