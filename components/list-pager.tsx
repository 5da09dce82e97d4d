import { ButtonLink } from "./ui/button";

/** Keyset paging links that keep the list's other URL parameters. */
export function ListPager({ basePath, params, after, nextCursor }: { basePath: string; params: Record<string, string | undefined>; after?: number; nextCursor: number | null }) {
  const href = (cursor?: number) => {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== "after") qs.set(key, value);
    if (cursor) qs.set("after", String(cursor));
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  if (!after && !nextCursor) return null;
  return (
    <div className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3">
      {after ? <ButtonLink variant="secondary" href={href()}>First page</ButtonLink> : null}
      {nextCursor ? <ButtonLink variant="secondary" href={href(nextCursor)}>Next page</ButtonLink> : null}
    </div>
  );
}
