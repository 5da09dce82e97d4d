import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { ApplicationsManager } from "@/components/oauth/applications-manager";
import { requireCustomer } from "@/server/auth/session";

export const metadata: Metadata = { title: "API access" };

export default async function ApiAccessPage() {
  const user = await requireCustomer();
  if (!user.grants.has("oauthApp.manage")) redirect("/account");
  return (
    <>
      <PageHeader title="API access">
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Applications act as you through the Roster API, with your permissions. The API is described at{" "}
          <a className="text-brand-700 hover:underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </PageHeader>
      <Card>
        <CardHeader title="Your applications" />
        <CardBody>
          <ApplicationsManager
            readOnly={
              user.impersonator
                ? `API credentials stay ${user.firstName} ${user.lastName}'s own to create and change: you see them on their behalf.`
                : undefined
            }
          />
        </CardBody>
      </Card>
    </>
  );
}
