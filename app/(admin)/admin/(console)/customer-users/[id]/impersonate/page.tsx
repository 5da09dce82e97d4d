import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { ImpersonateForm } from "@/components/admin/impersonate-form";
import { NoAccess } from "@/components/admin/no-access";
import { getStaffCaller, orNotFound } from "@/server/api/caller";
import { impersonateAction } from "./actions";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Sign in as a customer user" };

export default async function ImpersonatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { staff, caller } = await getStaffCaller();
  if (!staff.grants.has("customerUser.impersonate"))
    return <NoAccess title="Sign in as a customer user" permission="customerUser.impersonate" />;
  const target = await orNotFound(caller.admin.impersonation.target({ customerUserId: id }));
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={`Sign in as ${target.name}`}
        actions={
          <ButtonLink variant="secondary" href={`/admin/customer-users/${id}`}>
            Cancel
          </ButtonLink>
        }
      >
        <p className="mt-1 text-sm text-slate-600">
          {target.email} · {target.customer}
        </p>
      </PageHeader>
      <Card>
        <CardBody className="space-y-4 text-sm text-slate-700">
          <p>
            You will see the storefront exactly as {target.name} does, with their permissions, for at most {target.minutes} minutes. A
            banner shows throughout that you are acting on their behalf. Everything you change is recorded in the audit log with both your
            name and theirs, together with the reason you give here. Their password, email address and API credentials stay theirs to
            change.
          </p>
          {target.blocked ? (
            <Alert tone="warning" testId="impersonation-blocked">
              {target.blocked}
            </Alert>
          ) : (
            <ImpersonateForm customerUserId={id} action={impersonateAction} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
