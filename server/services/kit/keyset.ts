import { AppError } from "../../errors";
import { earliestMoment, INT4_MAX, isWellFormedText, latestMoment } from "../../schemas/common";
import { invalidCursorMessage, type SortDirection } from "../../schemas/grid";

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
  /**
   * For a column with a few values that Prisma cannot compare with gt/lt (an enum; booleans get [false, true]):
   * every value in the database's ascending order. Rows after the cursor are then "the same value, later id" or
   * "one of the later values".
   */
  values?: readonly (string | boolean)[];
  /**
   * The column has long runs of equal values (names, flags, nulls). One keysetWhere would make the database read
   * and drop every row of the cursor's run that came before the cursor; `keysetRows` reads such a column as a few
   * exact index ranges instead.
   */
  repeats?: boolean;
};

type Cursor = { value: SortValue; id: number };

/** What every list answers: a page of rows, the cursor of the next page (null on the last) and, if it counts, the count. */
export type Count = { value: number; capped: boolean };
export type Page<Row> = { items: Row[]; nextCursor: string | null; count: Count | null };

/**
 * The order of the lists paged by id alone (records, notes, emails, events, sign-in attempts, the outbox, the audit
 * log, invitations): newest first. Their cursor is the id as decimal text, which a REST client may also pass as `after`.
 */
export const newestFirst: KeysetSort = { field: "id", dir: "desc", type: "number" };

export function encodeCursor(value: SortValue, id: number): string {
  const plain = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([plain, id])).toString("base64url");
}

const invalidCursor = () => new AppError("BAD_REQUEST", invalidCursorMessage);

export function decodeCursor(cursor: string, sort: KeysetSort): Cursor {
  if (sort.field === "id") {
    const id = /^[1-9]\d{0,9}$/.test(cursor) ? Number(cursor) : NaN;
    if (!(id <= INT4_MAX)) throw invalidCursor();
    return { value: id, id };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  // A cursor comes back from the client: its values are bounded like any input before they reach a query.
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isInteger(parsed[1]) || parsed[1] < 1 || parsed[1] > INT4_MAX)
    throw invalidCursor();
  const [raw, id] = parsed as [unknown, number];
  if (raw === null) {
    if (!sort.nullable) throw invalidCursor();
    return { value: null, id };
  }
  const expected = sort.type === "date" ? "string" : sort.type;
  if (typeof raw !== expected) throw invalidCursor();
  if (typeof raw === "string" && (raw.length > 1000 || !isWellFormedText(raw))) throw invalidCursor();
  if (typeof raw === "number" && !(Math.abs(raw) <= INT4_MAX)) throw invalidCursor();
  if (sort.type === "date") {
    const date = new Date(raw as string);
    if (!(date >= earliestMoment && date <= latestMoment)) throw invalidCursor();
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
  const discrete = sort.values ?? (sort.type === "boolean" ? [false, true] : null);
  if (discrete && value !== null) return discreteWhere(sort, discrete, value, id);
  if (value === null) {
    // Ascending: the nulls are the last stretch. Descending: they came first, and every non-null row follows.
    return sort.dir === "asc" ? { [f]: null, id: { gt: id } } : { OR: [{ [f]: null, id: { lt: id } }, { [f]: { not: null } }] };
  }
  const ordered = orderedAfter(sort, value, id);
  return sort.nullable && sort.dir === "asc" ? { OR: [ordered, { [f]: null }] } : ordered;
}

/** The non-null rows after a non-null cursor value, bounded on the column so the index scan starts there. */
function orderedAfter(sort: KeysetSort, value: SortValue, id: number) {
  const after = sort.dir === "asc" ? "gt" : "lt";
  const bound = sort.dir === "asc" ? "gte" : "lte";
  return { [sort.field]: { [bound]: value }, OR: [{ [sort.field]: { [after]: value } }, { id: { [after]: id } }] };
}

/**
 * The rows after the cursor as ranges to read one after the other, each an exact range of the (column, id)
 * index, where keysetWhere's single condition would have the database read and drop rows before the cursor:
 * for a `repeats` column the rest of the cursor's run, then each later value (or all later values, for an ordered
 * column); for a nullable column read ascending, the nulls after the values. Otherwise one range, keysetWhere's.
 */
export function keysetRanges(sort: KeysetSort, cursor: string | undefined): Record<string, unknown>[] {
  if (!cursor || sort.field === "id") return [keysetWhere(sort, cursor)];
  const { value, id } = decodeCursor(cursor, sort);
  const f = sort.field;
  const asc = sort.dir === "asc";
  const after = asc ? "gt" : "lt";
  if (value === null) return asc ? [{ [f]: null, id: { gt: id } }] : [{ [f]: null, id: { lt: id } }, { [f]: { not: null } }];
  const discrete = sort.values ?? (sort.type === "boolean" ? [false, true] : null);
  const ranges: Record<string, unknown>[] = [];
  if (discrete && sort.repeats) {
    const at = discrete.indexOf(value as string | boolean);
    if (at < 0) throw invalidCursor();
    const later = asc ? discrete.slice(at + 1) : discrete.slice(0, at).reverse();
    ranges.push({ [f]: value, id: { [after]: id } }, ...later.map((w) => ({ [f]: w })));
  } else if (discrete) {
    ranges.push(discreteWhere({ ...sort, nullable: false }, discrete, value, id));
  } else if (sort.repeats) {
    ranges.push({ [f]: value, id: { [after]: id } }, { [f]: { [after]: value } });
  } else {
    ranges.push(orderedAfter(sort, value, id));
  }
  if (sort.nullable && asc) ranges.push({ [f]: null });
  return ranges;
}

/**
 * The rows of the page after the cursor and one more (for keysetPage), reading keysetRanges in order until there
 * are enough. `read(where, take)` runs the grid's query with the range ANDed to its filters and keysetOrderBy.
 */
export async function keysetRows<Row>(
  sort: KeysetSort,
  cursor: string | undefined,
  limit: number,
  read: (where: Record<string, unknown>, take: number) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const range of keysetRanges(sort, cursor)) {
    rows.push(...(await read(range, limit + 1 - rows.length)));
    if (rows.length > limit) break;
  }
  return rows;
}

function discreteWhere(sort: KeysetSort, values: readonly (string | boolean)[], value: SortValue, id: number) {
  const at = values.indexOf(value as string | boolean);
  if (at < 0) throw invalidCursor();
  const later = sort.dir === "asc" ? values.slice(at + 1) : values.slice(0, at);
  const branches: Record<string, unknown>[] = [{ [sort.field]: value, id: { [sort.dir === "asc" ? "gt" : "lt"]: id } }];
  if (later.length) branches.push({ [sort.field]: { in: later } });
  // Ascending, the nulls come after every value.
  if (sort.nullable && sort.dir === "asc") branches.push({ [sort.field]: null });
  return branches.length === 1 ? branches[0]! : { OR: branches };
}

/**
 * Cuts the extra row a query fetched (take: limit + 1) into the page and the cursor of the next one (for an id sort,
 * the id as text). `valueOf` reads the sort column of a row; the count is the list's, if it counts.
 */
export function keysetPage<Row extends { id: number }>(
  rows: Row[],
  limit: number,
  sort: KeysetSort,
  valueOf: (row: Row) => SortValue = (row) => row.id,
  count: Count | null = null,
): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next = rows.length > limit && last ? (sort.field === "id" ? String(last.id) : encodeCursor(valueOf(last), last.id)) : null;
  return { items, nextCursor: next, count };
}

/** The same page with each row reshaped. */
export const mapPage = <A, B>(page: Page<A>, f: (row: A) => B): Page<B> => ({ ...page, items: page.items.map(f) });

/**
 * A count that stops at `cap`: exact for the lists people page through by hand, "more than" for the big ones,
 * and never a COUNT(*) over a million rows on every page. `count(take)` runs the grid's own where with `take`.
 */
export async function cappedCount(count: (take: number) => Promise<number>, cap = 1000): Promise<Count> {
  const value = await count(cap + 1);
  return value > cap ? { value: cap, capped: true } : { value, capped: false };
}
