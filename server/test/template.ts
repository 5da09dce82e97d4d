import { createHash } from "node:crypto";
import path from "node:path";

/** Where the migrated and seeded template database lives during a test run. */
export const templateFile = path.resolve(import.meta.dirname, "../../node_modules/.cache/roster-test/template.tar");
/** One template per checkout, so test runs in two working copies never drop each other's template. */
export const templateDatabase = `roster_test_template_${createHash("sha1")
  .update(path.resolve(import.meta.dirname))
  .digest("hex")
  .slice(0, 8)}`;

export function databaseUrlFor(baseUrl: string, database: string) {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
