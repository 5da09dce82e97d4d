import { z } from "zod";
import { exactText, id } from "./common";

/**
 * Building blocks of grid inputs (isomorphic): sort, direction, keyset cursor, and the shape a mass action
 * answers with. A grid's own input schema composes these with its filters.
 */

export const pageSizes = [10, 25, 50, 100] as const;
export const sortDirections = ["asc", "desc"] as const;
export type SortDirection = (typeof sortDirections)[number];

/**
 * The one answer to a cursor that is malformed, tampered with, or from another sort: every list gives it, and the
 * pages recognise it to fall back to the first page.
 */
export const invalidCursorMessage = "This page link is not valid any more: start again from the first page.";

/**
 * Opaque keyset cursor: where the previous page ended (see server/services/kit/keyset.ts); for the lists paged by id,
 * the id of the last row as decimal text.
 */
export const cursor = exactText(512, invalidCursorMessage).optional();

/** `sort` among the grid's sortable columns and `dir`, with the grid's defaults. */
export function sortInput<const K extends readonly [string, ...string[]]>(
  keys: K,
  defaultKey: K[number],
  defaultDir: SortDirection = "asc",
) {
  return {
    sort: z.enum(keys).default(defaultKey as never),
    dir: z.enum(sortDirections).default(defaultDir),
  };
}

/** Ids of the rows a mass action applies to. */
export const massIds = z.array(id).min(1, "Select at least one row.").max(500, "Select at most 500 rows at once.");

/** What a mass action did: the rows it changed and, for each one it left alone, why. */
export type MassResult = {
  done: number[];
  skipped: { id: number; label: string; reason: string }[];
};

const countOutput = z.object({ value: z.number(), capped: z.boolean().describe("True when there are more than `value`") });

/**
 * A page as the /api/v1 OpenAPI documents it: the rows, the cursor of the next page, and a capped count (null for
 * the lists that do not count: those paged newest first by id).
 */
export const pageOutput = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
    count: countOutput.nullable(),
  });

/** The page of a list that always counts. */
export const countedPageOutput = <T extends z.ZodType>(item: T) => pageOutput(item).extend({ count: countOutput });
