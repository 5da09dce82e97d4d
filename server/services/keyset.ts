import { AppError } from "../errors";
import type { SortDirection } from "../schemas/grid";

/**
 * Keyset pagination over one sort column plus the id as tie-breaker, in either direction, for nullable columns
 * too. Nulls come last when ascending and first when descending, which is the order a plain (column, id) b-tree
 * index gives read forwards or backwards, so every page is one index range scan however deep it is.
 */

export type SortValue = string | number | boolean | Date | null;
export type KeysetSort = {
  field: string;
  dir: SortDirection;
  /** How the cursor's value is read back. */
  type: "string" | "number" | "date" | "boolean";
  nullable?: boolean;
};

type Cursor = { value: SortValue; id: number };

export function encodeCursor(value: SortValue, id: number): string {
  const plain = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([plain, id])).toString("base64url");
}

const invalidCursor = () => new AppError("BAD_REQUEST", "This page link is not valid any more: start again from the first page.");

export function decodeCursor(cursor: string, sort: KeysetSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isSafeInteger(parsed[1]) || parsed[1] < 1) throw invalidCursor();
  const [raw, id] = parsed as [unknown, number];
  if (raw === null) {
    if (!sort.nullable) throw invalidCursor();
    return { value: null, id };
  }
  const expected = sort.type === "date" ? "string" : sort.type;
  if (typeof raw !== expected) throw invalidCursor();
  if (sort.type === "date") {
    const date = new Date(raw as string);
    if (Number.isNaN(date.getTime())) throw invalidCursor();
    return { value: date, id };
  }
  return { value: raw as SortValue, id };
}

/** The Prisma `orderBy` of a keyset sort. */
export function keysetOrderBy(sort: KeysetSort) {
  const column = sort.nullable ? { sort: sort.dir, nulls: sort.dir === "asc" ? "last" : "first" } : sort.dir;
  return sort.field === "id" ? [{ id: sort.dir }] : [{ [sort.field]: column }, { id: sort.dir }];
}

/**
 * The Prisma `where` of the rows after the cursor. The redundant bound (`>=` / `<=` on the column) is what lets
 * PostgreSQL start the index scan at the cursor instead of filtering every earlier row.
 */
export function keysetWhere(sort: KeysetSort, cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { value, id } = decodeCursor(cursor, sort);
  const after = sort.dir === "asc" ? "gt" : "lt";
  if (sort.field === "id") return { id: { [after]: id } };
  const f = sort.field;
  if (value === null) {
    // Ascending: the nulls are the last stretch. Descending: they came first, and every non-null row follows.
    return sort.dir === "asc"
      ? { [f]: null, id: { gt: id } }
      : { OR: [{ [f]: null, id: { lt: id } }, { [f]: { not: null } }] };
  }
  const bound = sort.dir === "asc" ? "gte" : "lte";
  const ordered = { [f]: { [bound]: value }, OR: [{ [f]: { [after]: value } }, { id: { [after]: id } }] };
  return sort.nullable && sort.dir === "asc" ? { OR: [ordered, { [f]: null }] } : ordered;
}

/** Cuts the extra row a query fetched (take: limit + 1) into the page and the cursor of the next one. */
export function keysetPage<Row extends { id: number }>(rows: Row[], limit: number, sort: KeysetSort, valueOf: (row: Row) => SortValue) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(valueOf(last), last.id) : null };
}

/**
 * A count that stops at `cap`: exact for the lists people page through by hand, "more than" for the big ones,
 * and never a COUNT(*) over a million rows on every page. `count(take)` runs the grid's own where with `take`.
 */
export async function cappedCount(count: (take: number) => Promise<number>, cap = 1000) {
  const value = await count(cap + 1);
  return value > cap ? { value: cap, capped: true } : { value, capped: false };
}

/**
 * The page of a list keyset-paged by id alone (newest first, `id < after`): the rows a query fetched with
 * `take: limit + 1`, cut into the page and the id to pass as `after` for the next one.
 */
export function idPage<Row extends { id: number }>(rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
