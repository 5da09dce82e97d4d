/**
 * The list pages, one row each, for the tampered-cursor journey: the page, its file, who opens it, and the URL key its
 * list keeps its cursor in. server/api/lists.test.ts fails when a page that renders the pager has no row here.
 */
export type ListRoute = {
  path: string;
  file: string;
  as: "staff" | "company";
  cursorKey: string;
  /** A record's page with a list: the link on `path` (inside the element with this test id) that opens the record. */
  opens?: { testId: string; link: string };
};

const admin = (path: string, dir = path) => ({ path: `/admin/${path}`, file: `app/(admin)/admin/(console)/${dir}/page.tsx` });

export const listRoutes: ListRoute[] = [
  { ...admin("customer-users"), as: "staff", cursorKey: "cursor" },
  { ...admin("customer-groups"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff-roles"), as: "staff", cursorKey: "cursor" },
  { ...admin("customers"), as: "staff", cursorKey: "cursor" },
  { ...admin("sign-in-attempts"), as: "staff", cursorKey: "cursor" },
  { ...admin("customer-user-roles"), as: "staff", cursorKey: "cursor" },
  {
    ...admin("customer-user-roles", "customer-user-roles/[id]"),
    as: "staff",
    cursorKey: "cursor",
    opens: { testId: "roles-grid", link: "Administrator" },
  },
  { path: "/account/roles", file: "app/(storefront)/account/roles/page.tsx", as: "company", cursorKey: "cursor" },
  {
    path: "/account/roles",
    file: "app/(storefront)/account/roles/[id]/page.tsx",
    as: "company",
    cursorKey: "cursor",
    opens: { testId: "roles-grid", link: "Administrator" },
  },
];
