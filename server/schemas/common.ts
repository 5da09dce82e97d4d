import { z } from "zod";

/**
 * Shared building blocks for input schemas (isomorphic: forms use them too). Every input is bounded by these: a
 * number fits the int4 column it ends up in, a date fits a timestamp column, text is well-formed and has a length
 * limit. server/schemas/bounds.test.ts walks every procedure's input and fails on a field built without them.
 */

/** The largest value of a PostgreSQL `integer` (int4) column: every id, version and stored count. */
export const INT4_MAX = 2_147_483_647;

/** A record's id; `message` replaces zod's own when the value is missing or not a number. */
export const idOf = (message?: string) =>
  z
    .number(message ? { error: message } : undefined)
    .int()
    .positive()
    .max(INT4_MAX, "There is no such record.");
export const id = idOf();

/** An optimistic-locking version as the form loaded it. */
export const version = z.number().int().positive().max(INT4_MAX, "This version does not exist.");

/** Rows per page; the UI offers 10, 25, 50 and 100. */
export const pageSize = z.number().int().min(1, "At least 1 row.").max(100, "At most 100 rows.").default(25);

/**
 * True for text PostgreSQL can store and JSON can carry: no NUL byte (a text column refuses it) and no unpaired
 * UTF-16 surrogate (not Unicode at all; a jsonb column refuses it). In `u` mode a proper pair reads as one code
 * point, so only a lone surrogate is of the category Cs.
 */
export function isWellFormedText(value: string) {
  return !/[\0\p{Cs}]/u.test(value);
}

/** The one check every string of an input carries (the bounds test looks for this very check). */
export const wellFormed = z.refine<string>(isWellFormedText, "Remove the invisible or broken characters from this text.");

/** Text as typed in a field or a filter: well-formed, trimmed, at most `max` characters. */
export const text = (max: number, message = `At most ${max} characters.`) => z.string().check(wellFormed).trim().max(max, message);

/** Text that must arrive exactly as sent (passwords, tokens, keys): well-formed and bounded, never trimmed. */
export const exactText = (max: number, message = `At most ${max} characters.`) => z.string().check(wellFormed).max(max, message);

/** Optional free text: empty strings become null, so a cleared field clears the column. */
export const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const requiredText = (max: number, message: string) => text(max).min(1, message);

export const email = text(254, "An email address has at most 254 characters.")
  .min(1, "Enter an email address.")
  .pipe(z.email("Enter a valid email address."))
  .transform((value) => value.toLowerCase());

/** The moments a timestamp column stores and people mean: from 1900 to the end of year 9999. */
export const earliestMoment = new Date("1900-01-01T00:00:00.000Z");
export const latestMoment = new Date("9999-12-31T23:59:59.999Z");

/**
 * A day as a date input gives it: YYYY-MM-DD, from 1900 on like a moment (the format alone lets year 0000 through,
 * which PostgreSQL has no day for: a day filter on it was a 500).
 */
export const day = (message = "Enter a valid date.") =>
  z.iso
    .date(message)
    .check(wellFormed)
    .max(10, message)
    .refine((value) => value >= "1900-01-01", "Enter a date after 1900.");

/** A date and time within what a timestamp column keeps (JavaScript's dates reach further back than PostgreSQL's). */
export const moment = (schema: z.ZodDate = z.date()) =>
  schema.min(earliestMoment, "Enter a date after 1900.").max(latestMoment, "Enter a date before the year 10000.");

/** "addresses.1.isPrimary" as zod's path: array indexes are numbers. */
export const issuePath = (path: string) => path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Problems keyed by field path ("addresses.1.isPrimary"), added to a refinement as issues at those paths. */
export function addProblems(ctx: z.RefinementCtx, problems: Record<string, string[]>) {
  for (const [path, messages] of Object.entries(problems)) ctx.addIssue({ code: "custom", path: issuePath(path), message: messages[0]! });
}
