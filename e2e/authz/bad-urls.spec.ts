import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInAsCustomer, signInAsStaff } from "../support";

/**
 * Every page of the app (found on disk, so a new page is walked too), opened with URLs a person or a bot may type:
 * each search param it reads (and the grids' usual ones) set to a number beyond int4, a NUL byte, a tampered
 * cursor, garbage, or given twice; and for an `[id]` page, ids that are no ids. Never a 5xx: a bad id is the 404
 * page, a bad grid param falls back (to page one, to the default sort) and the page renders.
 */

const appDir = path.resolve(import.meta.dirname, "../../app");

type PageRoute = { template: string; file: string; realm: "staff" | "customer" | "public" };

function pagesUnder(dir: string): PageRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pagesUnder(full);
    if (entry.name !== "page.tsx") return [];
    const segments = path
      .relative(appDir, dir)
      .split(path.sep)
      .filter((segment) => segment && !/^\(.*\)$/.test(segment));
    const template = `/${segments.join("/")}`;
    const realm =
      /^\/admin(\/|$)/.test(template) && !/^\/admin\/(login|set-password)/.test(template)
        ? "staff"
        : template.startsWith("/account")
          ? "customer"
          : "public";
    return [{ template, file: full, realm }];
  });
}

const pages = pagesUnder(appDir);

/** Search params every grid or link page uses, plus each string literal in the page's source that could be one. */
const commonKeys = [
  "sort",
  "dir",
  "cursor",
  "limit",
  "q",
  "search",
  "before",
  "after",
  "token",
  "next",
  "ended",
  "notice",
  "lang",
  "customer",
  "role",
  "group",
  "rep",
  "parent",
  "website",
  "open",
  "status",
  "from",
  "to",
  "enabled",
  "notes",
  "roles",
  "users",
];
function keysOf(route: PageRoute) {
  const literals = [...readFileSync(route.file, "utf8").matchAll(/["']([a-zA-Z][a-zA-Z0-9]{0,24})["']/g)].map((match) => match[1]!);
  return [...new Set([...commonKeys, ...literals])];
}

/** Where a grid keeps its place: a keyset cursor, or an id to continue before or after. */
const cursorKeys = ["cursor", "before", "after", "notes", "roles", "users", "emails", "events", "attempts"];
const tamperedCursor = Buffer.from(JSON.stringify(["x", 2 ** 31])).toString("base64url");

/** Each bad URL: the keys it sets and to what. */
const badUrls: Record<string, (keys: string[]) => [string, string | string[]][]> = {
  "a number beyond int4": (keys) => keys.map((key) => [key, "2147483648"]),
  "a NUL byte": (keys) => keys.map((key) => [key, "x\u0000"]),
  "each value twice": (keys) => keys.map((key) => [key, ["1", "2"]]),
  "a tampered cursor and an unknown sort": () => [
    ...cursorKeys.map((key): [string, string] => [key, tamperedCursor]),
    ["sort", "zz"],
    ["dir", "sideways"],
  ],
  "a cursor that is no cursor": () => [...cursorKeys.map((key): [string, string] => [key, "zz!~"]), ["limit", "-1"]],
};
const badIds = ["2147483648", "0", "abc", "%00"];

function withParams(url: string, params: [string, string | string[]][]) {
  const query = new URLSearchParams();
  for (const [key, value] of params) for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  return `${url}?${query}`;
}

/** A real id for an `[id]` page: the first record its list page links to (the params then reach a real record). */
async function realId(request: APIRequestContext, template: string) {
  const list = template.slice(0, template.indexOf("/[id]"));
  const html = await (await request.get(list)).text();
  return new RegExp(`href="${list}/(\\d+)`).exec(html)?.[1] ?? "1";
}

async function statusOf(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 5 });
  return response.status();
}

const signIns: Record<PageRoute["realm"], (browser: Browser) => Promise<string | undefined>> = {
  staff: async (browser) => {
    const page = await browser.newPage();
    await signInAsStaff(page);
    return JSON.stringify(await page.context().storageState());
  },
  customer: async (browser) => {
    const page = await browser.newPage();
    await signInAsCustomer(page, "amanda.admin@acme.test");
    return JSON.stringify(await page.context().storageState());
  },
  public: async () => undefined,
};

for (const realm of ["staff", "customer", "public"] as const) {
  test.describe(`${realm} pages with bad URLs`, () => {
    let state: string | undefined;
    test.beforeAll(async ({ browser }) => {
      state = await signIns[realm](browser);
    });

    for (const route of pages.filter((page) => page.realm === realm)) {
      test(`${route.template} answers no 5xx`, async ({ browser }) => {
        const context = await browser.newContext(state ? { storageState: JSON.parse(state) } : {});
        const request = context.request;
        const keys = keysOf(route);
        const url = route.template.includes("[id]")
          ? route.template.replace("[id]", await realId(request, route.template))
          : route.template;
        // A bad param changes nothing about the answer: the page renders as without it (or is missing as without it).
        const clean = await statusOf(request, url);
        expect(clean, url).toBeLessThan(500);
        const answers: string[] = [];
        for (const [what, params] of Object.entries(badUrls))
          answers.push(`${what}: ${await statusOf(request, withParams(url, params(keys)))}`);
        expect(answers, url).toEqual(Object.keys(badUrls).map((what) => `${what}: ${clean}`));
        if (route.template.includes("[id]")) {
          const ids: string[] = [];
          for (const id of badIds) ids.push(`${id}: ${await statusOf(request, route.template.replace("[id]", id))}`);
          expect(ids).toEqual(badIds.map((id) => `${id}: 404`));
        }
        await context.close();
      });
    }
  });
}
