import type { ReactNode } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { statusLabel } from "@/components/records/status-badge";
import { listPage, type ListState } from "@/components/grid/page";
import { Pager } from "@/components/grid/pager";
import { param, type SearchParams } from "@/components/grid/params";
import { listRecordsInput, type ListRecordsInput } from "@/server/schemas/records";

/** The storefront's record lists: one layout for orders, quotes, RFQs and shopping lists. */

/** One page of a record list, read from the URL (status and `q`) by the kit. */
export function recordsPage<P extends { items: unknown[]; nextCursor: string | null }>(
  basePath: string,
  params: SearchParams,
  load: (input: ListRecordsInput) => Promise<P>,
) {
  const filters = { status: param(params, "status"), search: param(params, "q") };
  return listPage({ basePath, params, schema: listRecordsInput, filters }, load);
}

export function RecordsList<Row extends { id: number }>({
  title,
  description,
  noun,
  statuses,
  searchLabel,
  columns,
  list,
}: {
  title: string;
  description: string;
  /** What the list holds ("orders"), for the pager. */
  noun: string;
  statuses: readonly string[];
  searchLabel: string;
  columns: { header: string; cell: (row: Row) => ReactNode }[];
  list: {
    page: { items: Row[]; nextCursor: string | null; count?: { value: number; capped: boolean } | null };
    problem: string | null;
    state: ListState;
  };
}) {
  const { page, problem, state } = list;
  const q = param(state.params, "q");
  const status = param(state.params, "status");
  return (
    <>
      <PageHeader title={title}>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </PageHeader>
      <Card>
        <form className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3" role="search">
          <label className="text-sm">
            <span className="sr-only">{searchLabel}</span>
            <Input name="q" defaultValue={q} placeholder={searchLabel} className="w-64" />
          </label>
          {statuses.length ? (
            <label className="text-sm">
              <span className="sr-only">Status</span>
              <Select name="status" defaultValue={status ?? ""} aria-label="Status">
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
          {q || status ? (
            <Link href={state.basePath} className="px-2 text-sm text-brand-700 hover:underline">
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
              <EmptyRow colSpan={columns.length}>Nothing here{q || status ? " matches these filters" : " yet"}.</EmptyRow>
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
        <Pager state={state} page={page} noun={noun} problem={problem} />
      </Card>
    </>
  );
}
