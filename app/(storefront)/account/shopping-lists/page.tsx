import type { Metadata } from "next";
import Link from "next/link";
import { RecordsList, recordsPage } from "@/components/account/records";
import { scopeSentence } from "@/components/account/scope-sentence";
import type { SearchParams } from "@/components/grid/params";
import { money, owner } from "@/components/records/values";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/format";
import { getCustomerCaller } from "@/server/api/caller";

export const metadata: Metadata = { title: "Shopping lists" };

export default async function ShoppingListsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { user, caller } = await getCustomerCaller();
  const list = await recordsPage("/account/shopping-lists", params, (input) => caller.account.shoppingLists.list(input));
  return (
    <RecordsList
      title="Shopping lists"
      description={scopeSentence(user, "shoppingList.view", "shopping lists")}
      noun="shopping lists"
      statuses={[]}
      searchLabel="Name"
      list={list}
      columns={[
        {
          header: "Name",
          cell: (l) => (
            <Link className="text-brand-700 hover:underline" href={`/account/shopping-lists/${l.id}`}>
              {l.label}
            </Link>
          ),
        },
        { header: "Default", cell: (l) => (l.isDefault ? <Badge tone="blue">Default</Badge> : "") },
        { header: "Items", cell: (l) => l.lineItemCount },
        { header: "Subtotal", cell: (l) => money(l.subtotal, l.currency) },
        { header: "Owner", cell: (l) => owner(l.customerUser) },
        { header: "Created", cell: (l) => formatDate(l.createdAt) },
      ]}
    />
  );
}
