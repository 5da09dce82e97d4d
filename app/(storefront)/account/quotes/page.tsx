import type { Metadata } from "next";
import Link from "next/link";
import { RecordsList, recordsPage } from "@/components/account/records";
import { scopeSentence } from "@/components/account/scope-sentence";
import type { SearchParams } from "@/components/grid/params";
import { StatusBadge } from "@/components/records/status-badge";
import { money, owner } from "@/components/records/values";
import { formatDate } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";
import { recordStatuses } from "@/server/schemas/records";

export const metadata: Metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const list = await recordsPage("/account/quotes", params, (input) => caller.account.quotes.list(input));
  return (
    <RecordsList
      title="Quotes"
      description={scopeSentence(user, "quote.view", "quotes")}
      noun="quotes"
      statuses={recordStatuses.quote}
      searchLabel="Quote or PO number"
      list={list}
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
