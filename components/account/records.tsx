import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { ListPager } from "@/components/list-pager";
import { idCursorParam } from "@/components/grid/params";
import { listRecordsInput, type RecordKind } from "@/server/schemas/records";
import type { CustomerPrincipal } from "@/server/authz/access";
import type { CustomerPermission } from "@/server/authz/permissions";

/** The storefront's record lists: one layout for orders, quotes, RFQs and shopping lists. */
export type SearchParams = Record<string, string | undefined>;

export function parseListParams(params: SearchParams) {
  const parsed = listRecordsInput.safeParse({
    cursor: idCursorParam(params, "after"),
    limit: params.limit ? Number(params.limit) : undefined,
    status: params.status || undefined,
    search: params.q || undefined,
  });
  return parsed.success ? parsed.data : listRecordsInput.parse({});
}

const reach = { OWN: "your own", CUSTOMER: "your company's", SUBTREE: "your company's and its subsidiaries'" } as const;

/** Says whose records the list holds, from the level the user's roles grant. */
export function scopeSentence(user: CustomerPrincipal, permission: CustomerPermission, noun: string) {
  const level = user.grants.get(permission);
  return level && level in reach ? `Showing ${reach[level as keyof typeof reach]} ${noun}.` : "";
}

export const statusLabel = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");

const tones: Record<string, "green" | "amber" | "red" | "slate" | "blue"> = {
  OPEN: "blue",
  PROCESSING: "amber",
  SHIPPED: "green",
  CLOSED: "slate",
  CANCELLED: "red",
  DRAFT: "slate",
  SENT_TO_CUSTOMER: "blue",
  ACCEPTED: "green",
  DECLINED: "red",
  EXPIRED: "slate",
  SUBMITTED: "blue",
  MORE_INFO_REQUESTED: "amber",
};
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "slate"}>{statusLabel(status)}</Badge>;
}

export function RecordsList<Row extends { id: number }>({
  title,
  description,
  basePath,
  params,
  statuses,
  searchLabel,
  columns,
  page,
}: {
  title: string;
  description: string;
  basePath: string;
  params: SearchParams;
  statuses: readonly string[];
  searchLabel: string;
  columns: { header: string; cell: (row: Row) => ReactNode }[];
  page: { items: Row[]; nextCursor: string | null };
}) {
  const input = parseListParams(params);
  return (
    <>
      <PageHeader title={title}>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </PageHeader>
      <Card>
        <form className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3" role="search">
          <label className="text-sm">
            <span className="sr-only">{searchLabel}</span>
            <Input name="q" defaultValue={params.q} placeholder={searchLabel} className="w-64" />
          </label>
          {statuses.length ? (
            <label className="text-sm">
              <span className="sr-only">Status</span>
              <Select name="status" defaultValue={params.status ?? ""} aria-label="Status">
                <option value="">Any status</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </Select>
            </label>
          ) : null}
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {params.q || params.status ? (
            <Link href={basePath} className="px-2 text-sm text-brand-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </form>
        <Table>
          <thead>
            <tr>
              {columns.map((c) => (
                <Th key={c.header}>{c.header}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <EmptyRow colSpan={columns.length}>Nothing here{params.q || params.status ? " matches these filters" : " yet"}.</EmptyRow>
            ) : null}
            {page.items.map((row) => (
              <Tr key={row.id}>
                {columns.map((c) => (
                  <Td key={c.header}>{c.cell(row)}</Td>
                ))}
              </Tr>
            ))}
          </tbody>
        </Table>
        <ListPager basePath={basePath} params={params} current={input.cursor} nextCursor={page.nextCursor} />
      </Card>
    </>
  );
}

export function DetailList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-3 gap-y-2 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function owner(person: { firstName: string; lastName: string } | null) {
  return person ? `${person.firstName} ${person.lastName}` : "(deleted user)";
}

export function money(amount: string, currency: string) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(Number(amount));
}

export type { RecordKind };
