import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { listRoutes } from "../../e2e/lists/routes";

/**
 * Every list the app pages survives a tampered cursor, and e2e/lists/tampered-cursor.spec.ts proves it page by page.
 * This keeps that journey's table whole: a page whose render tree (the page and the components it imports, followed
 * through the app's own files) renders the pager needs a row per list it loads (each `listPage` or `sectionPage`
 * call), each on its own cursor key. A new list, or a new section on a record page, fails here until it has its row.
 */

const root = path.resolve(import.meta.dirname, "../..");
// The kit defines the pager and the page helpers; it renders no list of its own.
const kit = "components/grid/";

function code(file: string): string {
  return readFileSync(path.join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

/** The app's own file an import names, if it is one (`@/…` or relative), else null. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), specifier)
      : null;
  if (!base) return null;
  const found = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"]
    .map((ext) => base + ext)
    .find((f) => /\.tsx?$/.test(f) && existsSync(path.join(root, f)));
  return found && (found.startsWith("app/") || found.startsWith("components/")) && !found.startsWith(kit) ? found : null;
}

/** The page and every app file it reaches through its imports. */
function renderTree(page: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier = ""] of code(file).matchAll(/from\s+"([^"]+)"/g)) {
      const next = resolve(file, specifier);
      if (next) visit(next);
    }
  };
  visit(page);
  return [...seen];
}

const pages = readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith("page.tsx"))
  .map((file) => `app/${file.split(path.sep).join("/")}`);

/** Per paging page, how many lists its tree loads. */
const paging = pages.flatMap((page) => {
  const tree = renderTree(page).map(code);
  if (!tree.some((text) => /<Pager\b/.test(text))) return [];
  const lists = tree.reduce((n, text) => n + [...text.matchAll(/\b(listPage|sectionPage)\(/g)].length, 0);
  return [{ page, lists }];
});

describe("the tampered-cursor journey's table (e2e/lists/routes.ts)", () => {
  it("finds the paging pages, sections included", () => {
    // The walk itself: the record pages' sections are found through the components that load them.
    expect(paging.find((p) => p.page.endsWith("customer-users/[id]/page.tsx"))?.lists).toBe(8);
    expect(paging.find((p) => p.page.endsWith("customers/[id]/page.tsx"))?.lists).toBe(2);
  });

  it.each(paging)("has a row per list of $page", ({ page, lists }) => {
    const keys = listRoutes.filter((route) => route.file === page).map((route) => route.cursorKey);
    expect(new Set(keys).size, "one row per cursor key").toBe(keys.length);
    expect(keys.length, `${page} loads ${lists} list(s)`).toBeGreaterThanOrEqual(Math.max(lists, 1));
  });

  it("names only pages that exist and page", () => {
    for (const route of listRoutes) expect(paging.map((p) => p.page)).toContain(route.file);
  });
});
