import type { z } from "zod";
import type { Db, DbClient } from "../db";
import { bumpAuthzEpoch, type Principal } from "../authz/access";
import { assertUsersHoldNoMore } from "../authz/grants";
import { reachOf } from "../authz/reach";
import { scopeWhere } from "../authz/scope";
import type { Prisma } from "../generated/prisma/client";
import type { AuthStatus } from "../generated/prisma/enums";
import { AppError, notFound } from "../errors";
import type { MassResult } from "../schemas/grid";
import {
  authStatuses,
  type CustomerUserSort,
  type customerUserActionInput,
  type listCustomerUsersInput,
  type massDeleteCustomerUsersInput,
  type massSetCustomerUsersEnabledInput,
  type setCustomerUserEnabledInput,
} from "../schemas/customerUser";
import { assertCustomerKeepsManager, assertHasRole, assertNotSelf } from "./invariants";
import { companyTransaction, lockCompanies } from "./customerUsers/companyLock";
import { cappedCount, keysetOrderBy, keysetPage, keysetRows, type KeysetSort } from "./kit/keyset";
import { forEachRow } from "./kit/mass";
import { auditCustomerUser } from "./audit/record";
import { dayRange, likeLiteral } from "./kit/filters";

// The schema's list must name the enum's values exactly, in the database's order (the keyset relies on it).
const _authStatuses: readonly AuthStatus[] = authStatuses;

// ------------------------------------------------------------------------------------------- grid

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

// ---------------------------------------------------------------------------------------- actions

/**
 * Enables or disables a customer user. Disabling revokes the user's sessions at once (sessionVersion); enabling
 * requires a role. Neither touches anything else about the user.
 */
export async function setCustomerUserEnabled(db: Db, actor: Principal, input: z.output<typeof setCustomerUserEnabledInput>) {
  assertNotSelf(actor, input.id, input.enabled ? "enable" : "disable");
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    const user = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser.enable") },
      select: { id: true, enabled: true, customerId: true, customerPath: true, erasedAt: true },
    });
    if (!user) throw notFound("Customer user");
    await assertUsersHoldNoMore(tx, actor, [user.id], input.enabled ? "enable a user" : "disable a user");
    if (user.enabled === input.enabled) return { id: user.id, enabled: user.enabled };
    if (input.enabled && user.erasedAt) throw erased();
    if (input.enabled) await assertHasRole(tx, lock, user);
    else await assertCustomerKeepsManager(tx, lock, user);
    const updated = await tx.customerUser.update({
      where: { id: user.id },
      data: {
        enabled: input.enabled,
        version: { increment: 1 },
        ...(input.enabled ? {} : { sessionVersion: { increment: 1 } }),
      },
      select: { id: true, enabled: true },
    });
    await auditCustomerUser(tx, actor, user, input.enabled ? "customerUser.enable" : "customerUser.disable", {
      before: { enabled: user.enabled },
      after: { enabled: updated.enabled },
    });
    return updated;
  });
}

export const erased = () => new AppError("BAD_REQUEST", "This user's personal data was erased; the account cannot be used again.");

/**
 * What deleting a user would remove, or why it is refused. Deleting is for accounts that hold no business history
 * (created by mistake, a duplicate, never used). Orders, quotes, requests for quote and shopping lists belong to
 * the customer and must keep the person who placed them, so a user who owns any is not deleted: disabling stops
 * their sign-in and keeps everything, and erasing their personal data (anonymization, see privacy.ts) keeps the
 * records under an "Erased user". What a deletion removes with the user: their addresses, preferences, roles,
 * consents, one-time links, OAuth applications (API access as them ends), notes and calendar events about them,
 * impersonation sessions (each action taken then is in the audit log with the staff member). What stays: the
 * audit log (with an entry for the deletion itself naming the user, their email and what was removed; entries the
 * user made keep the action, no longer linked to the account), the emails sent to them, their sign-in attempts and
 * invitations (no longer linked).
 */
export async function customerUserDeletion(db: DbClient, actor: Principal, id: number) {
  const user = await db.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, "customerUser.delete") },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      enabled: true,
      customerId: true,
      customerPath: true,
      customerName: true,
      _count: {
        select: {
          orders: true,
          quotes: true,
          rfqs: true,
          shoppingLists: true,
          roles: true,
          addresses: true,
          notes: true,
          events: true,
          oauthApplications: true,
          consentAcceptances: true,
        },
      },
    },
  });
  if (!user) throw notFound("Customer user");
  const c = user._count;
  const owned = [
    [c.orders, "order"],
    [c.quotes, "quote"],
    [c.rfqs, "request for quote", "requests for quote"],
    [c.shoppingLists, "shopping list"],
  ] as const;
  const records = owned.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`);
  const refusal = records.length
    ? `${user.firstName} ${user.lastName} owns ${listing(records)} of ${user.customerName}, which must keep who placed them. Disable the user to stop their sign-in, or erase their personal data to anonymize them.`
    : null;
  return {
    user,
    refusal,
    removes: {
      addresses: c.addresses,
      notes: c.notes,
      events: c.events,
      oauthApplications: c.oauthApplications,
      consents: c.consentAcceptances,
    },
  };
}

function listing(parts: string[]) {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "");
}

/**
 * Deletes a customer user who owns no business records (see customerUserDeletion), for both realms: never
 * oneself, never the customer's last enabled user manager, for a customer's administrator never a user holding
 * more than they do.
 */
export async function deleteCustomerUser(db: Db, actor: Principal, input: z.output<typeof customerUserActionInput>) {
  assertNotSelf(actor, input.id, "delete");
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: [input.id] });
    // Locked next: an order placed meanwhile (its foreign key check waits for this lock) is either counted below
    // or fails because the user is gone.
    await tx.$queryRaw`SELECT 1 FROM "CustomerUser" WHERE "id" = ${input.id} FOR UPDATE`;
    const { user, refusal, removes } = await customerUserDeletion(tx, actor, input.id);
    await assertUsersHoldNoMore(tx, actor, [user.id], "delete a user");
    if (refusal) throw new AppError("BAD_REQUEST", refusal);
    if (user.enabled) await assertCustomerKeepsManager(tx, lock, user);
    await tx.customerUser.delete({ where: { id: user.id } });
    // Its role assignments went with it.
    if (user._count.roles) await bumpAuthzEpoch(tx);
    await auditCustomerUser(tx, actor, user, "customerUser.delete", {
      before: {
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        customer: user.customerName,
        customerId: user.customerId,
        enabled: user.enabled,
      },
      after: { removed: removes },
    });
    return { id: user.id };
  });
}

// ---------------------------------------------------------------------------------- mass actions

/** "First Last <email>" for the rows of a mass action the actor reaches; the rest read "Customer user #id". */
async function rowLabels(db: DbClient, actor: Principal, ids: readonly number[]) {
  const rows = await db.customerUser.findMany({
    where: { id: { in: [...ids] }, ...scopeWhere(actor, "customerUser.view") },
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  const labels = new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName} <${r.email}>`]));
  return (id: number) => labels.get(id) ?? `Customer user #${id}`;
}

/** Enables or disables each row through setCustomerUserEnabled, so every rule holds per row; reports the skipped. */
export async function massSetCustomerUsersEnabled(
  db: Db,
  actor: Principal,
  input: z.output<typeof massSetCustomerUsersEnabledInput>,
): Promise<MassResult> {
  return forEachRow(input.ids, await rowLabels(db, actor, input.ids), (id) =>
    setCustomerUserEnabled(db, actor, { id, enabled: input.enabled }),
  );
}

export async function massDeleteCustomerUsers(
  db: Db,
  actor: Principal,
  input: z.output<typeof massDeleteCustomerUsersInput>,
): Promise<MassResult> {
  return forEachRow(input.ids, await rowLabels(db, actor, input.ids), (id) => deleteCustomerUser(db, actor, { id }));
}
