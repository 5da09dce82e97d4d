import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { reachOf } from "../../authz/reach";
import { scopeWhere } from "../../authz/scope";
import type { Prisma } from "../../generated/prisma/client";
import type { AuthStatus } from "../../generated/prisma/enums";
import { notFound } from "../../errors";
import { authStatuses, type CustomerUserSort, type listCustomerUsersInput } from "../../schemas/customerUser";
import { cappedCount, keysetOrderBy, keysetPage, keysetRows, type KeysetSort } from "../kit/keyset";
import { dayRange, likeLiteral } from "../kit/filters";

/**
 * The back office's customer-user grid: one keyset page of the users the actor's scope reaches, its filters and
 * count; and the in-scope lookup the other procedures start from.
 */

// The schema's list must name the enum's values exactly, in the database's order (the keyset relies on it).
const _authStatuses: readonly AuthStatus[] = authStatuses;

/**
 * The columns a grid row shows. Customer and website names come from the copies on the user's row (kept by
 * triggers, see the migration "customer_user_grid"), so a page is one query with no join.
 */
const listSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  createdAt: true,
  lastLoginAt: true,
  customerId: true,
  customerName: true,
  websiteId: true,
  websiteName: true,
  erasedAt: true,
} as const satisfies Prisma.CustomerUserSelect;
export type CustomerUserRow = Prisma.CustomerUserGetPayload<{ select: typeof listSelect }>;

/**
 * Each sortable column: the field its (field, id) index orders by, how its cursor reads back, and whether its
 * values come in long runs (a customer's many users, common names, flags), which pages read as exact ranges.
 */
const sortColumns: Record<CustomerUserSort, Omit<KeysetSort, "dir">> = {
  customer: { field: "customerName", type: "string", repeats: true },
  firstName: { field: "firstName", type: "string", repeats: true },
  lastName: { field: "lastName", type: "string", repeats: true },
  email: { field: "email", type: "string" },
  enabled: { field: "enabled", type: "boolean", repeats: true },
  confirmed: { field: "confirmedAt", type: "date", nullable: true },
  authStatus: { field: "authStatus", type: "string", values: authStatuses, repeats: true },
  website: { field: "websiteName", type: "string", nullable: true, repeats: true },
  createdAt: { field: "createdAt", type: "date" },
  lastLoginAt: { field: "lastLoginAt", type: "date", nullable: true },
};

type ListInput = z.output<typeof listCustomerUsersInput>;

/** Names are matched case-insensitively (trigram indexes serve both kinds); emails are stored lower-cased. */
function nameFilter(value: string | undefined, match: "contains" | "startsWith"): Prisma.StringFilter | undefined {
  return value ? { [match]: likeLiteral(value), mode: "insensitive" } : undefined;
}

/**
 * Free text: every word must appear in the first name, the last name or the email, so "anna schm" finds Anna
 * Schmidt. They are read from one lower-cased copy (`searchText`, kept by a trigger) with one trigram index, so a
 * word costs one index scan and one LIKE, not three of each.
 */
function searchFilter(search: string | undefined): Prisma.CustomerUserWhereInput[] {
  const words = (search ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  return words.map((word) => ({ searchText: { contains: likeLiteral(word) } }));
}

/**
 * Whether an indexed condition narrows the list to a small part of the table: a scope short of all customers, a
 * customer, or text of three characters or more (trigram and prefix indexes). Then the exact count costs what the
 * matches cost. Otherwise the count stops at 1,000 — which Prisma orders by id (it always adds ORDER BY to a
 * LIMIT), so it costs about 1,000 divided by the share of rows that match: cheap exactly when nothing narrows.
 */
export function narrows(actor: Principal, input: ListInput) {
  const wholeScope = reachOf(actor, "customerUser.view") === "all";
  const texts = [...(input.search ?? "").split(/\s+/), input.firstName, input.lastName, input.email];
  return !wholeScope || !!input.customerId || texts.some((text) => (text?.length ?? 0) >= 3);
}

/** Customers whose users the actor may list. */
const reachedCustomers = (actor: Principal) => scopeWhere(actor, "customer.listUsers");

/**
 * One keyset page of the customer users the actor's scope reaches, filtered and sorted as the grid asks, with a
 * count: exact when an index narrows the list, else exact up to 1,000 (see `narrows`).
 */
export async function listCustomerUsers(db: DbClient, actor: Principal, input: ListInput) {
  const sort: KeysetSort = { ...sortColumns[input.sort], dir: input.dir };
  // Subsidiaries are found by the customer's path; a customer the actor does not reach has none to show.
  const parent =
    input.customerId && input.includeSubsidiaries
      ? await db.customer.findFirst({ where: { id: input.customerId, ...reachedCustomers(actor) }, select: { path: true } })
      : null;
  const filters: Prisma.CustomerUserWhereInput[] = [
    scopeWhere(actor, "customerUser.view"),
    ...searchFilter(input.search),
    input.customerId
      ? input.includeSubsidiaries
        ? { customerPath: { startsWith: parent?.path ?? "/none/" } }
        : { customerId: input.customerId }
      : {},
    input.enabled === undefined ? {} : { enabled: input.enabled },
    input.confirmed === undefined ? {} : { confirmedAt: input.confirmed ? { not: null } : null },
    input.authStatus ? { authStatus: input.authStatus } : {},
    input.websiteId ? { websiteId: input.websiteId } : {},
    { firstName: nameFilter(input.firstName, input.firstNameMatch) },
    { lastName: nameFilter(input.lastName, input.lastNameMatch) },
    input.email ? { email: { [input.emailMatch]: likeLiteral(input.email.toLowerCase()) } } : {},
    { createdAt: dayRange(input.createdFrom, input.createdTo) },
    { lastLoginAt: dayRange(input.lastLoginFrom, input.lastLoginTo) },
  ];
  const orderBy = keysetOrderBy(sort) as Prisma.CustomerUserOrderByWithRelationInput[];
  const [rows, count] = await Promise.all([
    keysetRows(sort, input.cursor, input.limit, (range, take) =>
      db.customerUser.findMany({ where: { AND: [...filters, range] }, select: listSelect, orderBy, take }),
    ),
    narrows(actor, input)
      ? db.customerUser.count({ where: { AND: filters } }).then((value) => ({ value, capped: false }))
      : cappedCount((take) => db.customerUser.count({ where: { AND: filters }, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[sort.field as keyof CustomerUserRow] as Date | string | boolean | null);
  return { ...page, count };
}

/** Websites, for the grid's website filter. */
export function websiteChoices(db: DbClient) {
  return db.website.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** The customer user with this id if the actor's scope reaches it, else NOT_FOUND. */
export async function customerUserInScope(db: DbClient, actor: Principal, id: number) {
  const user = await db.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, "customerUser.view") },
    select: { id: true, customerId: true, customerPath: true },
  });
  if (!user) throw notFound("Customer user");
  return user;
}
