import type { z } from "zod";
import type { DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import type { Prisma } from "../../generated/prisma/client";
import { notFound } from "../../errors";
import type { customerPartInput, customerRolesInput, listCustomersInput, pickCustomerInput } from "../../schemas/customer";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, mapPage, type KeysetSort } from "../kit/keyset";
import { addressSelect } from "../addresses/fields";
import { ancestorNames, pathIds, visibleParents } from "./paths";
import { likeLiteral } from "../kit/filters";

/**
 * Customers in the back office, read side: the grid, the tree (one level at a time, never the whole table), the
 * parent picker and the customer's page. Everything is scoped by the staff member's grant: a sales manager limited
 * to the customers they represent reaches those and nothing else (NOT_FOUND).
 */

const scope = (actor: StaffPrincipal) => scopeWhere(actor, "customer.view");

const personSelect = { id: true, firstName: true, lastName: true } as const;

/*
 * Counts per row are asked for a page's ids at once, each an index range per id. Prisma's `_count` would join an
 * aggregate of the whole related table (a GROUP BY over a million users for 25 customers).
 */
export async function userCounts(db: DbClient, ids: number[]) {
  const rows = await db.customerUser.groupBy({ by: ["customerId"], where: { customerId: { in: ids } }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.customerId, row._count._all]));
}

/** What hangs off one customer: users, subsidiaries and the records its users created. */
export async function dependentsOf(db: DbClient, customerId: number) {
  const where = { customerId };
  const [users, children, orders, quotes, rfqs, shoppingLists] = await Promise.all([
    db.customerUser.count({ where }),
    db.customer.count({ where: { parentId: customerId } }),
    db.order.count({ where }),
    db.quote.count({ where }),
    db.rfq.count({ where }),
    db.shoppingList.count({ where }),
  ]);
  return { users, children, orders, quotes, rfqs, shoppingLists };
}

const rowSelect = {
  id: true,
  name: true,
  enabled: true,
  createdAt: true,
  parent: { select: { id: true, name: true } },
  group: { select: { id: true, name: true } },
  salesRepresentatives: { select: { staffUser: { select: personSelect } }, orderBy: { staffUserId: "asc" } },
} as const satisfies Prisma.CustomerSelect;

/** One keyset page of the grid, with a count that stops at 1,000. */
export async function listCustomers(db: DbClient, actor: StaffPrincipal, input: z.output<typeof listCustomersInput>) {
  const sort: KeysetSort = { field: input.sort, dir: input.dir, type: input.sort === "name" ? "string" : "date" };
  const filters: Prisma.CustomerWhereInput[] = [
    scope(actor),
    input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {},
    input.groupId ? { groupId: input.groupId } : {},
    input.enabled === undefined ? {} : { enabled: input.enabled },
    input.salesRepId ? { salesRepresentatives: { some: { staffUserId: input.salesRepId } } } : {},
    input.parentId ? { parentId: input.parentId } : {},
  ];
  const [rows, count] = await Promise.all([
    db.customer.findMany({
      where: { AND: [...filters, keysetWhere(sort, input.cursor)] },
      select: rowSelect,
      orderBy: keysetOrderBy(sort) as Prisma.CustomerOrderByWithRelationInput[],
      take: input.limit + 1,
    }),
    cappedCount((take) => db.customer.count({ where: { AND: filters }, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => (sort.field === "name" ? row.name : row.createdAt));
  const users = await userCounts(
    db,
    page.items.map((row) => row.id),
  );
  const items = await visibleParents(db, page.items, scope(actor));
  return {
    items: items.map(({ salesRepresentatives, ...row }) => ({
      ...row,
      salesReps: salesRepresentatives.map((rep) => rep.staffUser),
      userCount: users.get(row.id) ?? 0,
    })),
    nextCursor: page.nextCursor,
    count,
  };
}

/** The parent picker: up to 10 customers whose name contains the text, each with its ancestry for telling namesakes apart. */
export async function pickCustomers(db: DbClient, actor: StaffPrincipal, input: z.output<typeof pickCustomerInput>) {
  const rows = await db.customer.findMany({
    where: { AND: [scope(actor), input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" } } : {}] },
    select: { id: true, name: true, path: true, enabled: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
  });
  const ancestry = await ancestorNames(
    db,
    rows.map((row) => row.path),
    scope(actor),
  );
  return rows.map(({ path: _path, ...row }, index) => ({ ...row, ancestry: ancestry[index]! }));
}

/** What the customer form offers: the groups and the staff who may be sales representatives. */
export async function customerFormOptions(db: DbClient) {
  const [groups, staff] = await Promise.all([
    db.customerGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
    db.staffUser.findMany({
      where: { enabled: true },
      select: { ...personSelect, email: true },
      orderBy: [{ lastName: "asc" }, { id: "asc" }],
      take: 500,
    }),
  ]);
  return { groups, staff };
}

/** The customer with this id if the actor reaches it through `op`, else NOT_FOUND. */
export async function customerInScope(db: DbClient, actor: StaffPrincipal, id: number, op: "customer.view" | "customer.edit") {
  const customer = await db.customer.findFirst({
    where: { id, ...scopeWhere(actor, op) },
    select: { id: true, name: true, path: true },
  });
  if (!customer) throw notFound("Customer");
  return customer;
}

/** The customer's page: general information, ancestry, addresses, counts; subsidiaries come from the tree. */
export async function getCustomer(db: DbClient, actor: StaffPrincipal, id: number) {
  const customer = await db.customer.findFirst({
    where: { id, ...scope(actor) },
    select: {
      id: true,
      name: true,
      enabled: true,
      version: true,
      path: true,
      createdAt: true,
      updatedAt: true,
      parentId: true,
      group: { select: { id: true, name: true } },
      owner: { select: personSelect },
      salesRepresentatives: { select: { staffUser: { select: personSelect } }, orderBy: { staffUserId: "asc" } },
      addresses: { select: addressSelect, orderBy: [{ isPrimary: "desc" }, { id: "asc" }] },
    },
  });
  if (!customer) throw notFound("Customer");
  const counts = await dependentsOf(db, customer.id);
  const ancestorIds = pathIds(customer.path).slice(0, -1);
  const reached = await db.customer.findMany({ where: { id: { in: ancestorIds }, ...scope(actor) }, select: { id: true, name: true } });
  const ancestors = ancestorIds.flatMap((ancestorId) => reached.filter((a) => a.id === ancestorId));
  const { salesRepresentatives, path: _path, ...rest } = customer;
  return {
    ...rest,
    salesReps: salesRepresentatives.map((rep) => rep.staffUser),
    // The parent only when the actor reaches it; `hasParent` says there is one all the same.
    parent: ancestors.find((a) => a.id === customer.parentId) ?? null,
    hasParent: customer.parentId !== null,
    ancestors,
    counts,
  };
}

/** The customer's own users, as far as the actor's customer-user scope reaches. */
export async function listUsersOfCustomer(db: DbClient, actor: StaffPrincipal, input: z.output<typeof customerPartInput>) {
  const customer = await customerInScope(db, actor, input.customerId, "customer.view");
  const where = { customerId: customer.id, ...scopeWhere(actor, "customerUser.view") };
  const [items, count] = await Promise.all([
    db.customerUser.findMany({
      where,
      select: { id: true, firstName: true, lastName: true, email: true, enabled: true, confirmedAt: true, lastLoginAt: true },
      orderBy: [{ lastName: "asc" }, { id: "asc" }],
      take: input.limit,
    }),
    cappedCount((take) => db.customerUser.count({ where, take })),
  ]);
  // A preview of the first users; the customer-users grid filtered by the customer pages through the rest.
  return { items, nextCursor: null, count };
}

const byLabel: KeysetSort = { field: "label", dir: "asc", type: "string" };

/** A page of the roles the customer owns, by label (predefined roles belong to no customer and are listed on the roles page). */
export async function listRolesOfCustomer(db: DbClient, actor: StaffPrincipal, input: z.output<typeof customerRolesInput>) {
  const customer = await customerInScope(db, actor, input.customerId, "customer.view");
  const rows = await db.customerUserRole.findMany({
    where: { AND: [{ customerId: customer.id }, keysetWhere(byLabel, input.cursor)] },
    select: { id: true, label: true, selfManaged: true, public: true },
    orderBy: keysetOrderBy(byLabel) as Prisma.CustomerUserRoleOrderByWithRelationInput[],
    take: input.limit + 1,
  });
  const page = keysetPage(rows, input.limit, byLabel, (role) => role.label);
  const assigned = await db.customerUserRoleAssignment.groupBy({
    by: ["roleId"],
    where: { roleId: { in: page.items.map((r) => r.id) } },
    _count: { _all: true },
  });
  const users = new Map(assigned.map((a) => [a.roleId, a._count._all]));
  return mapPage(page, (role) => ({ ...role, userCount: users.get(role.id) ?? 0 }));
}

// The tree reads with the same scope (tree.ts).
export { scope };
