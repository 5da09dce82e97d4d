import { ButtonLink } from "./ui/button";

/**
 * Keyset paging links that keep the list's other URL parameters. `current` is the cursor the page was loaded
 * with (none on the first page); `cursorParam` names it in the URL, so several lists can page on one page; `hash`
 * brings the reader back to the list they paged.
 */
export function ListPager({
  basePath,
  params,
  current,
  nextCursor,
  cursorParam = "after",
  hash,
  noun,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  /** An id (lists paged by id) or an opaque keyset cursor (server/services/keyset.ts). */
  current?: number | string;
  nextCursor: number | string | null;
  cursorParam?: string;
  hash?: string;
  /** What is paged ("orders"), for screen readers when a page has several pagers. */
  noun?: string;
}) {
  const href = (cursor?: number | string) => {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== cursorParam) qs.set(key, value);
    if (cursor) qs.set(cursorParam, String(cursor));
    const s = qs.toString();
    return `${s ? `${basePath}?${s}` : basePath}${hash ? `#${hash}` : ""}`;
  };
  if (!current && !nextCursor) return null;
  const of = noun ? <span className="sr-only"> of {noun}</span> : null;
  return (
    <div className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3">
      {current ? (
        <ButtonLink variant="secondary" href={href()}>
          First page{of}
        </ButtonLink>
      ) : null}
      {nextCursor ? (
        <ButtonLink variant="secondary" href={href(nextCursor)}>
          {cursorParam === "before" ? "Older" : "Next page"}
          {of}
        </ButtonLink>
      ) : null}
    </div>
  );
}
