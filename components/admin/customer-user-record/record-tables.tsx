import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { Pager } from "@/components/grid/pager";
import { sectionPage, type ListState } from "@/components/grid/page";
import type { SearchParams } from "@/components/grid/params";
import { StatusBadge } from "@/components/records/status-badge";
import { money } from "@/components/records/values";
import { formatDate } from "@/components/format";
import { getStaffCaller } from "@/server/api/caller";
import { listRecordsInput } from "@/server/schemas/records";
import { SECTION_PAGE, Section } from "./section";

type Column<Row> = { header: string; cell: (row: Row) => ReactNode };
type List<Row> = { page: { items: Row[]; nextCursor: string | null }; problem: string | null; state: ListState };

/** One paged list of the user's records; each list keeps its own cursor in the URL. */
function RecordTable<Row extends { id: number }>({
  id,
  title,
  noun,
  columns,
  list,
}: {
  id: string;
  title: string;
  noun: string;
  columns: Column<Row>[];
  list: List<Row>;
}) {
  const { page, problem, state } = list;
  return (
    <Section id={id} title={title}>
      <Table data-testid={id}>
        <thead>
          <tr>
            {columns.map((c) => (
              <Th key={c.header}>{c.header}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? <EmptyRow colSpan={columns.length}>No {noun} created by this user.</EmptyRow> : null}
          {page.items.map((row) => (
            <Tr key={row.id}>
              {columns.map((c) => (
                <Td key={c.header}>{c.cell(row)}</Td>
              ))}
            </Tr>
          ))}
        </tbody>
      </Table>
      <Pager state={state} page={{ nextCursor: page.nextCursor }} noun={noun} sizes={false} problem={problem} />
    </Section>
  );
}

/** The requests for quote, quotes, orders and shopping lists the user created, a page of each. */
export async function UserRecords({ id, params }: { id: number; params: SearchParams }) {
  const { caller } = await getStaffCaller();
  const at = (key: string) => ({ basePath: `/admin/customer-users/${id}`, params, key });
  const fixed = { customerUserId: id, limit: SECTION_PAGE };
  const [rfqs, quotes, orders, lists] = await Promise.all([
    sectionPage(at("rfqs"), listRecordsInput, fixed, (input) => caller.admin.records.rfqs(input)),
    sectionPage(at("quotes"), listRecordsInput, fixed, (input) => caller.admin.records.quotes(input)),
    sectionPage(at("orders"), listRecordsInput, fixed, (input) => caller.admin.records.orders(input)),
    sectionPage(at("lists"), listRecordsInput, fixed, (input) => caller.admin.records.shoppingLists(input)),
  ]);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <RecordTable
        id="rfqs"
        title="Requests for quote"
        noun="requests for quote"
        list={rfqs}
        columns={[
          { header: "PO number", cell: (r) => r.poNumber ?? `#${r.id}` },
          { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
          { header: "Ship until", cell: (r) => formatDate(r.shipUntil) },
          { header: "Created", cell: (r) => formatDate(r.createdAt) },
        ]}
      />
      <RecordTable
        id="quotes"
        title="Quotes"
        noun="quotes"
        list={quotes}
        columns={[
          { header: "Number", cell: (q) => q.number },
          { header: "Status", cell: (q) => <StatusBadge status={q.status} /> },
          { header: "Total", cell: (q) => money(q.total, q.currency) },
          { header: "Valid until", cell: (q) => formatDate(q.validUntil) },
          { header: "Created", cell: (q) => formatDate(q.createdAt) },
        ]}
      />
      <RecordTable
        id="orders"
        title="Sales orders"
        noun="sales orders"
        list={orders}
        columns={[
          { header: "Number", cell: (o) => o.number },
          { header: "PO number", cell: (o) => o.poNumber ?? "—" },
          { header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
          { header: "Total", cell: (o) => money(o.total, o.currency) },
          { header: "Created", cell: (o) => formatDate(o.createdAt) },
        ]}
      />
      <RecordTable
        id="lists"
        title="Shopping lists"
        noun="shopping lists"
        list={lists}
        columns={[
          {
            header: "Label",
            cell: (l) => (
              <>
                {l.label}
                {l.isDefault ? (
                  <span className="ml-2">
                    <Badge tone="blue">Default</Badge>
                  </span>
                ) : null}
              </>
            ),
          },
          { header: "Items", cell: (l) => l.lineItemCount },
          { header: "Subtotal", cell: (l) => money(l.subtotal, l.currency) },
          { header: "Created", cell: (l) => formatDate(l.createdAt) },
        ]}
      />
    </div>
  );
}
