import type { Prisma } from "../../generated/prisma/client";

/** Building blocks of the lists' filters on what a person typed or picked. */

/**
 * Prisma builds a LIKE pattern around the value of `contains`, `startsWith` and `endsWith` without escaping it: a
 * `%` or `_` the user typed would match anything. Every such filter on typed text passes the text through here.
 */
export function likeLiteral(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** Inclusive days ("YYYY-MM-DD", UTC) as a timestamp filter; undefined when neither end is given. */
export function dayRange(from: string | undefined, to: string | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: dayStart(from) } : {}), ...(to ? { lt: dayAfter(to) } : {}) };
}
