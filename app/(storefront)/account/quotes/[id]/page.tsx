import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DetailList } from "@/components/records/detail-list";
import { StatusBadge } from "@/components/records/status-badge";
import { money, owner } from "@/components/records/values";
import { formatDate, formatDateTime } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Quote" };

export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { user, caller } = await getCustomerCaller();
  const quote = await orNotFound(caller.account.quotes.get({ id }));
  return (
    <>
      <PageHeader
        title={`Quote ${quote.number}`}
        actions={
          <ButtonLink variant="secondary" href="/account/quotes">
            All quotes
          </ButtonLink>
        }
      />
      <Card>
        <CardBody>
          <DetailList
            items={[
              ["Status", <StatusBadge key="s" status={quote.status} />],
              ["PO number", quote.poNumber],
              ["Total", money(quote.total, quote.currency)],
              ["Valid until", formatDate(quote.validUntil)],
              [
                "Request for quote",
                quote.rfqId && user.grants.has("rfq.view") ? (
                  <Link key="r" className="text-brand-700 hover:underline" href={`/account/rfqs/${quote.rfqId}`}>
                    #{quote.rfqId}
                  </Link>
                ) : quote.rfqId ? (
                  `#${quote.rfqId}`
                ) : null,
              ],
              ["Requested by", owner(quote.customerUser)],
              ["Customer", quote.customer.name],
              ["Created", formatDateTime(quote.createdAt)],
            ]}
          />
        </CardBody>
      </Card>
    </>
  );
}
