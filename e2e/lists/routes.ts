/**
 * The lists of the app, one row each (a page with several lists has a row per list), for the tampered-cursor journey:
 * the page, its file, who opens it, and the URL key its list keeps its cursor in. A record's page is reached from a
 * list (`open`: the list's address and the link to follow), since its id is the database's. server/api/lists.test.ts
 * fails when a page renders more pagers than it has rows here.
 */
export type ListRoute = {
  path: string;
  file: string;
  as: "staff" | "company";
  cursorKey: string;
  open?: { from: string; link: string };
};

const admin = (path: string, dir = path) => ({ path: `/admin/${path}`, file: `app/(admin)/admin/(console)/${dir}/page.tsx` });
const account = (path: string) => ({ path: `/account/${path}`, file: `app/(storefront)/account/${path}/page.tsx` });

const customerUser = {
  ...admin("customer-users/[id]"),
  open: { from: "/admin/customer-users?q=amanda.admin%40acme.test", link: "amanda.admin@acme.test" },
};
const customer = { ...admin("customers/[id]"), open: { from: "/admin/customers?q=Acme%20Holding", link: "Acme Holding" } };

export const listRoutes: ListRoute[] = [
  { ...admin("customer-users"), as: "staff", cursorKey: "cursor" },
  { ...admin("customer-groups"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff-roles"), as: "staff", cursorKey: "cursor" },
  { ...admin("customers"), as: "staff", cursorKey: "cursor" },
  { ...admin("sign-in-attempts"), as: "staff", cursorKey: "cursor" },
  { ...admin("customer-user-roles"), as: "staff", cursorKey: "cursor" },
  {
    ...admin("customer-user-roles/[id]"),
    as: "staff",
    cursorKey: "cursor",
    open: { from: "/admin/customer-user-roles", link: "Administrator" },
  },
  { ...account("roles"), as: "company", cursorKey: "cursor" },
  { ...account("roles/[id]"), as: "company", cursorKey: "cursor", open: { from: "/account/roles", link: "Administrator" } },
  { ...admin("audit"), as: "staff", cursorKey: "cursor" },
  { ...admin("mailbox"), as: "staff", cursorKey: "cursor" },
  // The sections of a customer user's record, each paging on its own key.
  ...["rfqs", "quotes", "orders", "lists", "emails", "notes", "events", "attempts"].map((cursorKey) => ({
    ...customerUser,
    as: "staff" as const,
    cursorKey,
  })),
  // The sections of a customer's record.
  ...["roles", "notes"].map((cursorKey) => ({ ...customer, as: "staff" as const, cursorKey })),
  { ...account("users"), as: "company", cursorKey: "cursor" },
  { ...account("invitations"), as: "company", cursorKey: "cursor" },
  { ...account("audit"), as: "company", cursorKey: "cursor" },
  { ...account("orders"), as: "company", cursorKey: "cursor" },
  { ...account("quotes"), as: "company", cursorKey: "cursor" },
  { ...account("rfqs"), as: "company", cursorKey: "cursor" },
  { ...account("shopping-lists"), as: "company", cursorKey: "cursor" },
];
