import { personValues } from "@/components/person-values";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { EditUserForm } from "@/components/account/user-form";
import { localizationsOf } from "@/components/account/user-options";
import { fullName } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { user: me, caller } = await getCustomerCaller();
  if (!me.grants.has("customerUser.edit")) notFound();
  const user = await orNotFound(caller.account.users.get({ id }));
  const [reachable, roles, options] = await Promise.all([
    caller.account.users.customerChoices({ purpose: "edit" }),
    caller.account.users.roleChoices({ customerId: user.customer.id }),
    caller.account.users.formOptions(),
  ]);
  // The user's own customer is always a choice (keeping it needs no right to move users there).
  const customers = reachable.some((c) => c.id === user.customer.id)
    ? reachable
    : [{ id: user.customer.id, name: user.customer.name, parentName: user.customer.parent?.name ?? null }, ...reachable];
  const localizations = localizationsOf(options, user.websiteId);
  return (
    <>
      <PageHeader title={`Edit ${fullName(user)}`} />
      <Card>
        <CardBody>
          <EditUserForm
            self={user.id === me.id}
            shared={{ customers, localizations, roles }}
            defaults={{
              id: user.id,
              version: user.version,
              enabled: user.enabled,
              ...personValues(user),
              email: user.email,
              customerId: user.customer.id,
              websiteId: user.websiteId,
              localizationId: user.localization?.id ?? localizations[0]?.id ?? null,
              roleIds: user.roles.map((r) => r.id),
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
