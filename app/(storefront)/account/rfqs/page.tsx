import type { Metadata } from "next";
import Link from "next/link";
import { RecordsList, StatusBadge, owner, parseListParams, scopeSentence, type SearchParams } from "@/components/account/records";
import { formatDate } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";
import { recordStatuses } from "@/server/schemas/records";

export const metadata: Metadata = { title: "Requests for quote" };

export default async function RfqsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const page = await caller.account.rfqs.list(parseListParams(params));
  return (
    <RecordsList
      title="Requests for quote"
      description={scopeSentence(user, "rfq.view", "requests for quote")}
      basePath="/account/rfqs"
      params={params}
      statuses={recordStatuses.rfq}
      searchLabel="PO number"
      page={page}
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
