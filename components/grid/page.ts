/**
 * One page of a list, as every list page loads it: the list's input read from the URL by the list's own schema (a
 * value that does not parse is dropped, and `problem` says why), then the page. A cursor the server refuses (stale,
 * hand-edited or tampered: BAD_REQUEST with the list kit's message) loads the first page instead, with the
 * reason as `problem`; anything else propagates. `state` is what the pager and the sort links need.
 */
import { invalidCursorMessage, pageSizes } from "@/server/schemas/grid";
import { intParam, param, type SearchParams } from "./params";

/** The URL keys a list keeps its sort, size and cursor in; a section of a page with several lists names its own cursor. */
export type ListKeys = { cursor: string; limit: string; sort: string; dir: string };
export const listKeys: ListKeys = { cursor: "cursor", limit: "limit", sort: "sort", dir: "dir" };

export type ListState = {
  basePath: string;
  params: SearchParams;
  keys: ListKeys;
  /** The page size the list was loaded with (the pager marks it). */
  limit: number;
  /** The element the pager's links bring the reader back to, for a section of a longer page. */
  hash?: string;
};

type Schema<T> = {
  safeParse: (
    value: unknown,
  ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

export type ListSpec<I> = {
  basePath: string;
  params: SearchParams;
  schema: Schema<I>;
  /** The sortable columns, for lists with a sort. */
  sorts?: readonly string[];
  /** The list's filters as read from the URL (each page knows its own keys). */
  filters?: Record<string, unknown>;
  /** Input that is not in the URL: the record a section belongs to, a page's fixed size. */
  fixed?: Record<string, unknown>;
  keys?: Partial<ListKeys>;
  hash?: string;
};

/** The list's input from the URL; a value that does not parse is dropped and named in `problem`. */
export function listInput<I>(spec: ListSpec<I>): { input: I; problem: string | null; keys: ListKeys } {
  const keys = { ...listKeys, ...spec.keys };
  const sort = param(spec.params, keys.sort);
  const dir = param(spec.params, keys.dir);
  const raw: Record<string, unknown> = {
    ...(spec.sorts
      ? { sort: sort && spec.sorts.includes(sort) ? sort : undefined, dir: dir === "asc" || dir === "desc" ? dir : undefined }
      : {}),
    cursor: param(spec.params, keys.cursor),
    limit: intParam(spec.params, keys.limit, pageSizes),
    ...spec.filters,
    ...spec.fixed,
  };
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return { input: parsed.data, problem: null, keys };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key) || (spec.fixed && key in spec.fixed)));
  const retry = spec.schema.safeParse(kept);
  const fallback = retry.success ? retry.data : (spec.schema.safeParse({ ...spec.fixed }) as { data: I }).data;
  return { input: fallback, problem: parsed.error.issues[0]?.message ?? "Check the filters.", keys };
}

/** True for the server's answer to a cursor that is not one of the list's own. */
export function isCursorRefusal(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "BAD_REQUEST" && e.message === invalidCursorMessage;
}

export async function listPage<I extends { cursor?: string; limit: number }, P extends { nextCursor: string | null }>(
  spec: ListSpec<I>,
  load: (input: I) => Promise<P>,
): Promise<{ input: I; page: P; problem: string | null; state: ListState }> {
  const { input, problem, keys } = listInput(spec);
  const state: ListState = { basePath: spec.basePath, params: spec.params, keys, limit: input.limit, hash: spec.hash };
  try {
    return { input, page: await load(input), problem, state };
  } catch (error) {
    if (!input.cursor || !isCursorRefusal(error)) throw error;
    const first = { ...input, cursor: undefined };
    // The links on the page must not carry the refused cursor on.
    const params = { ...spec.params, [keys.cursor]: undefined };
    return { input: first, page: await load(first), problem: (error as Error).message, state: { ...state, params } };
  }
}

/**
 * One page of a section's list, on a page with several: its cursor has the section's anchor as its URL key (so the
 * sections page apart), paging brings the reader back to the section, and a refused cursor starts only that
 * section over. `fixed` is what the URL does not choose: the record the section belongs to, its page size.
 */
export function sectionPage<I extends { cursor?: string; limit: number }, P extends { nextCursor: string | null }>(
  where: { basePath: string; params: SearchParams; key: string },
  schema: ListSpec<I>["schema"],
  fixed: Record<string, unknown> & { limit: number },
  load: (input: I) => Promise<P>,
) {
  const { basePath, params, key } = where;
  return listPage({ basePath, params, schema, keys: { cursor: key }, hash: key, fixed }, load);
}
