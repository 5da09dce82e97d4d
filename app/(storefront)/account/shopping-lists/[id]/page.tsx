import type { Metadata } from "next";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DetailList } from "@/components/records/detail-list";
import { money, owner } from "@/components/records/values";
import { formatDateTime } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Shopping list" };

export default async function ShoppingListPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { caller } = await getCustomerCaller();
  const list = await orNotFound(caller.account.shoppingLists.get({ id }));
  return (
    <>
      <PageHeader
        title={list.label}
        actions={
          <ButtonLink variant="secondary" href="/account/shopping-lists">
            All shopping lists
          </ButtonLink>
        }
      />
      <Card>
        <CardBody>
          <DetailList
            items={[
              ["Default list", list.isDefault ? "Yes" : "No"],
              ["Items", list.lineItemCount],
              ["Subtotal", money(list.subtotal, list.currency)],
              ["Notes", list.notes],
              ["Owner", owner(list.customerUser)],
              ["Customer", list.customer.name],
              ["Created", formatDateTime(list.createdAt)],
              ["Updated", formatDateTime(list.updatedAt)],
            ]}
          />
        </CardBody>
      </Card>
    </>
  );
}
