import path from "node:path";

/** Where the migrated and seeded template database lives during a test run. */
export const templateFile = path.resolve(import.meta.dirname, "../../node_modules/.cache/roster-test/template.tar");
export const templateDatabase = "roster_test_template";

export function databaseUrlFor(baseUrl: string, database: string) {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
