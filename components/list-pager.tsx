import { listKeys } from "./grid/page";
import { Pager } from "./grid/pager";

/**
 * The pager of a list not yet loaded with `listPage` (components/grid/page.ts): the one `Pager`, without page sizes.
 * `cursorParam` names the list's cursor in the URL, so several lists can page on one page; `hash` brings the reader
 * back to the list they paged.
 */
export function ListPager({
  basePath,
  params,
  nextCursor,
  cursorParam = "after",
  hash,
  noun = "rows",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  /** Read from `params` now; kept so the remaining callers need no change. */
  current?: number | string;
  nextCursor: string | null;
  cursorParam?: string;
  hash?: string;
  noun?: string;
}) {
  return (
    <Pager
      state={{ basePath, params, keys: { ...listKeys, cursor: cursorParam }, limit: 0, hash }}
      page={{ nextCursor }}
      noun={noun}
      sizes={false}
    />
  );
}
