/**
 * The list pages, one row each, for the tampered-cursor journey: the page, its file, who opens it, and the URL key its
 * list keeps its cursor in. server/api/lists.test.ts fails when a page that renders the pager has no row here.
 */
export type ListRoute = { path: string; file: string; as: "staff" | "company"; cursorKey: string };

const admin = (path: string, dir = path) => ({ path: `/admin/${path}`, file: `app/(admin)/admin/(console)/${dir}/page.tsx` });

export const listRoutes: ListRoute[] = [
  { ...admin("customer-users"), as: "staff", cursorKey: "cursor" },
  { ...admin("customer-groups"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff"), as: "staff", cursorKey: "cursor" },
  { ...admin("staff-roles"), as: "staff", cursorKey: "cursor" },
  { ...admin("customers"), as: "staff", cursorKey: "cursor" },
  { ...admin("sign-in-attempts"), as: "staff", cursorKey: "cursor" },
];
