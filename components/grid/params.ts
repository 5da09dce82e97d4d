/**
 * A grid's state lives in its URL (filters, sort, page size, cursor), so a view can be bookmarked and shared.
 * These helpers read search params and build the links that change one part of that state.
 */
import { notFound } from "next/navigation";
import { id, isWellFormedText } from "@/server/schemas/common";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The URL keys every grid uses besides its filters. */
export const gridKeys = { sort: "sort", dir: "dir", limit: "limit", cursor: "cursor" } as const;

/**
 * One search param as a page reads it: the first of repeated values; empty, or text no input accepts (a NUL byte,
 * a broken character), is as good as absent.
 */
export function param(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === "" || first === undefined || !isWellFormedText(first) ? undefined : first;
}

/** All params as single strings, empty ones dropped. */
export function flatParams(params: SearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of Object.keys(params)) {
    const value = param(params, key);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * The link to this grid with `patch` applied (undefined removes a key). Changing anything but the cursor starts
 * again from the first page, since the old cursor belongs to the old order and filters.
 */
export function gridHref(basePath: string, params: SearchParams, patch: Record<string, string | number | undefined>) {
  const next = flatParams(params);
  if (!(gridKeys.cursor in patch)) delete next[gridKeys.cursor];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === "") delete next[key];
    else next[key] = String(value);
  }
  const qs = new URLSearchParams(next).toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/**
 * The record id of a page's `[id]` segment, read with the procedures' own id schema: anything else (not a number,
 * beyond what an id column holds) is the app's 404, as a record that is not there.
 */
export function pageId(params: { id: string }): number {
  const parsed = /^\d{1,10}$/.test(params.id) ? id.safeParse(Number(params.id)) : null;
  if (!parsed?.success) notFound();
  return parsed.data;
}

/** A number param within bounds, else undefined (the schema's default applies). */
export function intParam(params: SearchParams, key: string, allowed?: readonly number[]) {
  const raw = param(params, key);
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return allowed && !allowed.includes(value) ? undefined : value;
}

/** A boolean filter written as "yes"/"no" in the URL. */
export function yesNoParam(params: SearchParams, key: string): boolean | undefined {
  const raw = param(params, key);
  return raw === "yes" ? true : raw === "no" ? false : undefined;
}
