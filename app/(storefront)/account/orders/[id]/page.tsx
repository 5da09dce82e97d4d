import type { Metadata } from "next";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DetailList } from "@/components/records/detail-list";
import { StatusBadge } from "@/components/records/status-badge";
import { money, owner } from "@/components/records/values";
import { formatDate, formatDateTime } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { caller } = await getCustomerCaller();
  const order = await orNotFound(caller.account.orders.get({ id }));
  return (
    <>
      <PageHeader
        title={`Order ${order.number}`}
        actions={
          <ButtonLink variant="secondary" href="/account/orders">
            All orders
          </ButtonLink>
        }
      />
      <Card>
        <CardBody>
          <DetailList
            items={[
              ["Status", <StatusBadge key="s" status={order.status} />],
              ["PO number", order.poNumber],
              ["Subtotal", money(order.subtotal, order.currency)],
              ["Total", money(order.total, order.currency)],
              ["Ship by", formatDate(order.shipBy)],
              ["Placed by", owner(order.customerUser)],
              ["Customer", order.customer.name],
              ["Placed", formatDateTime(order.createdAt)],
              ["Updated", formatDateTime(order.updatedAt)],
            ]}
          />
        </CardBody>
      </Card>
    </>
  );
}
