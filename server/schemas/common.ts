import { z } from "zod";

/** Shared building blocks for input schemas (isomorphic: forms use them too). */
export const id = z.number().int().positive();
export const pageSize = z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]).default(25);

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
