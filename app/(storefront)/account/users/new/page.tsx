import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/account/user-form";
import { getCustomerCaller } from "@/server/api/caller";
import { localizationsOf } from "@/components/account/user-options";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  const { user, caller } = await getCustomerCaller();
  if (!user.grants.has("customerUser.create")) notFound();
  const [customers, options] = await Promise.all([
    caller.account.users.customerChoices({ purpose: "create" }),
    caller.account.users.formOptions(),
  ]);
  const asked = Number((await searchParams).customer);
  const customerId =
    customers.find((c) => c.id === asked)?.id ?? customers.find((c) => c.id === user.customerId)?.id ?? customers[0]?.id ?? null;
  const roles = customerId ? await caller.account.users.roleChoices({ customerId }) : [];
  const localizations = localizationsOf(options, user.websiteId);
  return (
    <>
      <PageHeader title="Add a user">
        <p className="mt-1 text-sm text-slate-600">
          The account is confirmed at once: you vouch for the address. The welcome email lets them choose a password.
        </p>
      </PageHeader>
      <Card>
        <CardBody>
          <CreateUserForm
            shared={{ customers, localizations, roles }}
            defaults={{
              enabled: true,
              firstName: "",
              lastName: "",
              email: "",
              customerId,
              websiteId: user.websiteId,
              localizationId: localizations[0]?.id ?? null,
              roleIds: [],
              generatePassword: true,
              password: "",
              sendWelcomeEmail: true,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
