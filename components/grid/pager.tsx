import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { pageSizes } from "@/server/schemas/grid";
import { flatParams } from "./params";
import type { ListState } from "./page";

/**
 * The one pager of every list: the count (exact up to the list's cap, "more than" above it: a list never counts a
 * million rows on every page), the page sizes, back to the first page and on to the next. It keeps the list's other
 * URL parameters; changing the size starts again from the first page, since a cursor belongs to its page.
 */
export function Pager({
  state,
  page,
  noun,
  sizes = true,
  problem,
}: {
  state: ListState;
  page: { nextCursor: string | null; count?: { value: number; capped: boolean } | null };
  /** What is paged ("customer users"), for the count and for screen readers when a page has several lists. */
  noun: string;
  sizes?: boolean;
  /** Why the list shows its first page (a refused cursor), for a list with no filter bar to say it. */
  problem?: string | null;
}) {
  const { keys, params, limit } = state;
  const href = (patch: Record<string, string | number | undefined>) => {
    const next = flatParams(params);
    delete next[keys.cursor];
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = String(value);
    const qs = new URLSearchParams(next).toString();
    return `${qs ? `${state.basePath}?${qs}` : state.basePath}${state.hash ? `#${state.hash}` : ""}`;
  };
  const onLaterPage = !!flatParams(params)[keys.cursor];
  const count = page.count;
  const total = count
    ? count.capped
      ? `More than ${count.value.toLocaleString("en-US")} ${noun}`
      : `${count.value.toLocaleString("en-US")} ${count.value === 1 ? noun.replace(/s$/, "") : noun}`
    : null;
  if (!total && !sizes && !onLaterPage && !page.nextCursor && !problem) return null;
  const of = <span className="sr-only"> of {noun}</span>;
  return (
    <nav
      aria-label={`Pages of ${noun}`}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-600"
    >
      {problem ? (
        <p className="w-full text-xs text-red-600" data-testid="list-problem">
          {problem}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        {total ? <span data-testid="grid-count">{total}</span> : null}
        {sizes ? (
          <span className="flex items-center gap-1" aria-label="Rows per page">
            <span>Rows:</span>
            {pageSizes.map((size) =>
              size === limit ? (
                <span key={size} aria-current="true" className="rounded bg-slate-200 px-1.5 font-medium text-slate-900">
                  {size}
                </span>
              ) : (
                <Link key={size} href={href({ [keys.limit]: size })} className="rounded px-1.5 text-brand-700 hover:bg-slate-100">
                  {size}
                </Link>
              ),
            )}
          </span>
        ) : null}
      </div>
      <div className="flex gap-2">
        {onLaterPage ? (
          <ButtonLink variant="secondary" href={href({})}>
            First page{of}
          </ButtonLink>
        ) : null}
        {page.nextCursor ? (
          <ButtonLink variant="secondary" href={href({ [keys.cursor]: page.nextCursor })}>
            Next page{of}
          </ButtonLink>
        ) : null}
      </div>
    </nav>
  );
}
