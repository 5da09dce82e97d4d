import type { Metadata } from "next";
import Link from "next/link";
import { RecordsList, StatusBadge, money, owner, parseListParams, scopeSentence, type SearchParams } from "@/components/account/records";
import { formatDate } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";
import { recordStatuses } from "@/server/schemas/records";

export const metadata: Metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const page = await caller.account.quotes.list(parseListParams(params));
  return (
    <RecordsList
      title="Quotes"
      description={scopeSentence(user, "quote.view", "quotes")}
      basePath="/account/quotes"
      params={params}
      statuses={recordStatuses.quote}
      searchLabel="Quote or PO number"
      page={page}
      columns={[
        {
          header: "Quote",
          cell: (q) => (
            <Link className="text-brand-700 hover:underline" href={`/account/quotes/${q.id}`}>
              {q.number}
            </Link>
          ),
        },
        { header: "PO number", cell: (q) => q.poNumber ?? "—" },
        { header: "Status", cell: (q) => <StatusBadge status={q.status} /> },
        { header: "Total", cell: (q) => money(q.total, q.currency) },
        { header: "Valid until", cell: (q) => formatDate(q.validUntil) },
        { header: "Requested by", cell: (q) => owner(q.customerUser) },
        { header: "Date", cell: (q) => formatDate(q.createdAt) },
      ]}
    />
  );
}
