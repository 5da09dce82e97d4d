import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { InviteForm } from "@/components/account/invitation-form";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Invite a colleague" };

export default async function InvitePage() {
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("customerUser.create")) notFound();
  const customers = await caller.account.users.customerChoices({ purpose: "create" });
  const customerId = customers.find((c) => c.id === user.customerId)?.id ?? customers[0]?.id ?? null;
  const roles = customerId ? await caller.account.users.roleChoices({ customerId }) : [];
  return (
    <>
      <PageHeader title="Invite a colleague">
        <p className="mt-1 text-sm text-slate-600">
          They get an email with a link to choose a password; their account is then enabled and confirmed, with the roles you choose here.
        </p>
      </PageHeader>
      <Card>
        <CardBody>
          <InviteForm customers={customers} roles={roles} customerId={customerId} />
        </CardBody>
      </Card>
    </>
  );
}
