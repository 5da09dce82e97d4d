import type { Metadata } from "next";
import { AddressBook } from "@/components/addresses/address-book";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Addresses" };

export default async function AddressesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { everyone: everyoneParam } = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const level = (permission: Parameters<typeof user.grants.get>[0]) => user.grants.get(permission);
  // Colleagues' addresses only when asked for and the level reaches beyond one's own.
  const seesColleagues = !!level("customerUserAddress.view") && level("customerUserAddress.view") !== "OWN";
  const everyone = seesColleagues && everyoneParam === "1";
  const [own, company] = await Promise.all([
    level("customerUserAddress.view") ? caller.account.addresses.list({ everyone }) : null,
    level("customerAddress.view") ? caller.account.companyAddresses.list({}) : null,
  ]);
  return (
    <>
      <PageHeader title="Addresses" />
      {!own && !company ? (
        <Alert tone="warning">Your roles do not let you see addresses. Ask your company&apos;s administrator.</Alert>
      ) : null}
      <div className="space-y-6">
        {own ? (
          <AddressBook
            book="addresses"
            title={everyone ? "Your and your colleagues' addresses" : "Your addresses"}
            description="Where you receive orders and invoices."
            addresses={own}
            showOwners={everyone}
            levels={{
              create: level("customerUserAddress.create"),
              edit: level("customerUserAddress.edit"),
              delete: level("customerUserAddress.delete"),
            }}
            actions={
              seesColleagues ? (
                <ButtonLink variant="ghost" href={everyone ? "/account/addresses" : "/account/addresses?everyone=1"}>
                  {everyone ? "Only mine" : "Show colleagues' too"}
                </ButtonLink>
              ) : null
            }
          />
        ) : null}
        {company ? (
          <AddressBook
            book="companyAddresses"
            title="Company addresses"
            description="Addresses of your company, shared with your colleagues."
            addresses={company}
            showOwners={user.grants.get("customerAddress.view") === "SUBTREE"}
            levels={{
              create: level("customerAddress.create"),
              edit: level("customerAddress.edit"),
              delete: level("customerAddress.delete"),
            }}
          />
        ) : null}
      </div>
    </>
  );
}
