import { ButtonLink } from "./ui/button";

/**
 * Keyset paging links that keep the list's other URL parameters. `current` is the cursor the page was loaded
 * with (none on the first page); `cursorParam` names it in the URL.
 */
export function ListPager({
  basePath,
  params,
  current,
  nextCursor,
  cursorParam = "after",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  current?: number;
  nextCursor: number | null;
  cursorParam?: string;
}) {
  const href = (cursor?: number) => {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== cursorParam) qs.set(key, value);
    if (cursor) qs.set(cursorParam, String(cursor));
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  if (!current && !nextCursor) return null;
  return (
    <div className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3">
      {current ? <ButtonLink variant="secondary" href={href()}>First page</ButtonLink> : null}
      {nextCursor ? <ButtonLink variant="secondary" href={href(nextCursor)}>{cursorParam === "before" ? "Older" : "Next page"}</ButtonLink> : null}
    </div>
  );
}
