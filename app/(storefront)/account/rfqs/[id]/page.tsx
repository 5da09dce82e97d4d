import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DetailList } from "@/components/records/detail-list";
import { StatusBadge } from "@/components/records/status-badge";
import { owner } from "@/components/records/values";
import { formatDate, formatDateTime } from "@/components/format";
import { getCustomerCaller, orNotFound } from "@/server/api/caller";
import { pageId } from "@/components/grid/params";

export const metadata: Metadata = { title: "Request for quote" };

export default async function RfqPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId(await params);
  const { user, caller } = await getCustomerCaller();
  const rfq = await orNotFound(caller.account.rfqs.get({ id }));
  return (
    <>
      <PageHeader
        title={`Request for quote #${rfq.id}`}
        actions={
          <ButtonLink variant="secondary" href="/account/rfqs">
            All requests
          </ButtonLink>
        }
      />
      <Card>
        <CardBody>
          <DetailList
            items={[
              ["Status", <StatusBadge key="s" status={rfq.status} />],
              ["PO number", rfq.poNumber],
              ["Note", rfq.note],
              ["Ship until", formatDate(rfq.shipUntil)],
              [
                "Quotes",
                rfq.quotes.length === 0
                  ? "None yet"
                  : rfq.quotes.map((q) =>
                      user.grants.has("quote.view") ? (
                        <Link key={q.id} className="mr-2 text-brand-700 hover:underline" href={`/account/quotes/${q.id}`}>
                          {q.number}
                        </Link>
                      ) : (
                        <span key={q.id} className="mr-2">
                          {q.number}
                        </span>
                      ),
                    ),
              ],
              ["Requested by", owner(rfq.customerUser)],
              ["Customer", rfq.customer.name],
              ["Submitted", formatDateTime(rfq.createdAt)],
            ]}
          />
        </CardBody>
      </Card>
    </>
  );
}
