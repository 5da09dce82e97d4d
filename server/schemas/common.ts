import { z } from "zod";

/** Shared building blocks for input schemas (isomorphic: forms use them too). */
export const id = z.number().int().positive();
/** Rows per page; the UI offers 10, 25, 50 and 100. */
export const pageSize = z.number().int().min(1, "At least 1 row.").max(100, "At most 100 rows.").default(25);

export const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((value) => value.toLowerCase());

/** Optional free text: empty strings become null, so a cleared field clears the column. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const requiredText = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `At most ${max} characters.`);
