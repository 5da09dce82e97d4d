import type { Metadata } from "next";
import Link from "next/link";
import { RecordsList, recordsPage } from "@/components/account/records";
import { scopeSentence } from "@/components/account/scope-sentence";
import type { SearchParams } from "@/components/grid/params";
import { StatusBadge } from "@/components/records/status-badge";
import { owner } from "@/components/records/values";
import { formatDate } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";
import { recordStatuses } from "@/server/schemas/records";

export const metadata: Metadata = { title: "Requests for quote" };

export default async function RfqsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const list = await recordsPage("/account/rfqs", params, (input) => caller.account.rfqs.list(input));
  return (
    <RecordsList
      title="Requests for quote"
      description={scopeSentence(user, "rfq.view", "requests for quote")}
      noun="requests for quote"
      statuses={recordStatuses.rfq}
      searchLabel="PO number"
      list={list}
      columns={[
        {
          header: "Request",
          cell: (r) => (
            <Link className="text-brand-700 hover:underline" href={`/account/rfqs/${r.id}`}>
              #{r.id}
            </Link>
          ),
        },
        { header: "PO number", cell: (r) => r.poNumber ?? "—" },
        { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
        { header: "Ship until", cell: (r) => formatDate(r.shipUntil) },
        { header: "Requested by", cell: (r) => owner(r.customerUser) },
        { header: "Customer", cell: (r) => r.customer.name },
        { header: "Date", cell: (r) => formatDate(r.createdAt) },
      ]}
    />
  );
}
