/**
 * Prisma builds a LIKE pattern around the value of `contains`, `startsWith` and `endsWith` without escaping it: a
 * `%` or `_` the user typed would match anything. Every such filter on typed text passes the text through here.
 */
export function likeLiteral(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
