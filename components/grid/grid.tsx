import type { ReactNode } from "react";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import type { SortDirection } from "@/server/schemas/grid";
import { gridHref, gridKeys, type SearchParams } from "./params";

/**
 * Server-rendered grid parts: sortable column headers, the filter bar (the pager is `Pager`, pager.tsx). Every control is a link
 * or a GET form, so the grid works before (and without) hydration and its state is always the URL.
 */

type GridState = { basePath: string; params: SearchParams };

type SortProps = GridState & { label: string; sortKey: string; sort: string; dir: SortDirection };

/** A link that sorts by `sortKey`: the first click sorts ascending, the next one descending. */
export function SortLink({ label, sortKey, sort, dir, basePath, params }: SortProps) {
  const active = sort === sortKey;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  return (
    <Link
      href={gridHref(basePath, params, { [gridKeys.sort]: sortKey, [gridKeys.dir]: nextDir })}
      className="inline-flex items-center gap-1 hover:text-slate-900"
      aria-label={`Sort by ${label.toLowerCase()} ${nextDir === "asc" ? "ascending" : "descending"}`}
    >
      {label}
      <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
        {active && dir === "desc" ? "▼" : "▲"}
      </span>
    </Link>
  );
}

/** A column header that sorts by `sortKey` (a SortLink in a header cell that says how the grid is sorted). */
export function SortHeader({ className, ...props }: SortProps & { className?: string }) {
  const active = props.sort === props.sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : "none"}
      className={cn("bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600", className)}
    >
      <SortLink {...props} />
    </th>
  );
}

/** A labelled control of the filter bar. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter chosen from a list, with "Any" (no filter) first; `value` is what the URL holds now. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = "Any",
  className,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly { value: string | number; label: string }[];
  anyLabel?: string;
  className?: string;
}) {
  const id = `filter-${name}`;
  return (
    <FilterField id={id} label={label}>
      <Select id={id} name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FilterField>
  );
}

/**
 * The filter bar: a GET form that keeps the sort and page size and drops the cursor (new filters, first page).
 * `filterKeys` decides when "Clear filters" shows.
 */
export function FilterBar({
  basePath,
  params,
  filterKeys,
  label = "Filter",
  problem,
  more,
  children,
}: GridState & {
  filterKeys: readonly string[];
  label?: string;
  problem?: string | null;
  /** Filters used less often, folded away under `label` below the bar (open when one of them is set). */
  more?: { label: string; open: boolean; children: ReactNode };
  children: ReactNode;
}) {
  const kept = [gridKeys.sort, gridKeys.dir, gridKeys.limit].flatMap((key) => {
    const value = params[key];
    return typeof value === "string" && value ? [[key, value] as const] : [];
  });
  const filtered = filterKeys.some((key) => typeof params[key] === "string" && params[key] !== "");
  const clear = Object.fromEntries(filterKeys.map((key) => [key, undefined]));
  return (
    <form action={basePath} className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3" role="search" aria-label={label}>
      {kept.map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      {children}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <ButtonLink variant="ghost" href={gridHref(basePath, params, clear)}>
          Clear filters
        </ButtonLink>
      ) : null}
      {more ? (
        <details open={more.open} className="w-full">
          <summary className="cursor-pointer text-xs font-medium text-brand-700">{more.label}</summary>
          <div className="mt-2 flex flex-wrap items-end gap-2">{more.children}</div>
        </details>
      ) : null}
      {problem ? (
        <p className="w-full text-xs text-red-600" data-testid="list-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
