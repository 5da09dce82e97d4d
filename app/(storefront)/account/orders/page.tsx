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

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const list = await recordsPage("/account/orders", params, (input) => caller.account.orders.list(input));
  return (
    <RecordsList
      title="Orders"
      description={scopeSentence(user, "order.view", "orders")}
      noun="orders"
      statuses={recordStatuses.order}
      searchLabel="Order or PO number"
      list={list}
      columns={[
        {
          header: "Order",
          cell: (o) => (
            <Link className="text-brand-700 hover:underline" href={`/account/orders/${o.id}`}>
              {o.number}
            </Link>
          ),
        },
        { header: "PO number", cell: (o) => o.poNumber ?? "—" },
        { header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
        { header: "Total", cell: (o) => money(o.total, o.currency) },
        { header: "Placed by", cell: (o) => owner(o.customerUser) },
        { header: "Customer", cell: (o) => o.customer.name },
        { header: "Date", cell: (o) => formatDate(o.createdAt) },
      ]}
    />
  );
}
