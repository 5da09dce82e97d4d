import type { z } from "zod";
import type { DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { reachOf } from "../../authz/reach";
import type { Prisma } from "../../generated/prisma/client";
import { notFound } from "../../errors";
import type { customerChildrenInput } from "../../schemas/customer";
import { keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "../kit/keyset";
import { pathIds } from "./paths";
import { scope, userCounts } from "./queries";

/** The customer tree, one level at a time (never the whole table), scoped like the grid (queries.ts). */

/** Subsidiaries per node for a page's ids at once (see userCounts), only those the actor reaches. */
async function childCounts(db: DbClient, ids: number[], reach: Prisma.CustomerWhereInput) {
  const rows = await db.customer.groupBy({ by: ["parentId"], where: { AND: [{ parentId: { in: ids } }, reach] }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.parentId!, row._count._all]));
}

const byName: KeysetSort = { field: "name", dir: "asc", type: "string" };

const nodeSelect = { id: true, name: true, enabled: true, group: { select: { name: true } } } as const satisfies Prisma.CustomerSelect;
type NodeRow = Prisma.CustomerGetPayload<{ select: typeof nodeSelect }>;

/** Nodes of the tree: how many users each has and how many subsidiaries the actor may expand into. */
async function shapeNodes(db: DbClient, rows: NodeRow[], reach: Prisma.CustomerWhereInput) {
  const ids = rows.map((row) => row.id);
  const [users, children] = await Promise.all([userCounts(db, ids), childCounts(db, ids, reach)]);
  return rows.map(({ group, ...row }) => ({
    ...row,
    group: group?.name ?? null,
    userCount: users.get(row.id) ?? 0,
    childCount: children.get(row.id) ?? 0,
  }));
}

/**
 * One level of the tree. The top level is the customers without a parent — for staff limited to the customers
 * they represent, also the represented customers whose parent they do not reach, so nothing they may see hangs
 * out of sight.
 */
export async function listCustomerChildren(db: DbClient, actor: StaffPrincipal, input: z.output<typeof customerChildrenInput>) {
  const reach = scope(actor);
  const level: Prisma.CustomerWhereInput =
    input.parentId !== null
      ? { parentId: input.parentId }
      : reachOf(actor, "customer.view") === "all"
        ? { parentId: null }
        : { OR: [{ parentId: null }, { parent: { is: { NOT: reach } } }] };
  const rows = await db.customer.findMany({
    where: { AND: [reach, level, keysetWhere(byName, input.cursor)] },
    select: nodeSelect,
    orderBy: keysetOrderBy(byName) as Prisma.CustomerOrderByWithRelationInput[],
    take: input.limit + 1,
  });
  const page = keysetPage(rows, input.limit, byName, (row) => row.name);
  return { ...page, items: await shapeNodes(db, page.items, reach) };
}

export type TreeLevel = Awaited<ReturnType<typeof listCustomerChildren>>;

/**
 * The tree opened down to one customer: the levels from the top to it (only ancestors the actor reaches), each
 * level's first page, with the next customer on the way added when it is further down than the first page.
 */
export async function openTreeAt(db: DbClient, actor: StaffPrincipal, customerId: number, limit = 25) {
  const reach = scope(actor);
  const target = await db.customer.findFirst({ where: { id: customerId, ...reach }, select: { id: true, path: true } });
  if (!target) throw notFound("Customer");
  const onPath = pathIds(target.path);
  const chain = new Set((await db.customer.findMany({ where: { id: { in: onPath }, ...reach }, select: { id: true } })).map((c) => c.id));
  // The reached stretch of the path that ends at the customer: its first id is a top-level node of the actor's
  // tree (its parent is none, or one the actor does not reach); each next one is a subsidiary of the one before.
  const ids: number[] = [];
  for (const id of [...onPath].reverse()) {
    if (!chain.has(id)) break;
    ids.unshift(id);
  }
  const levels: Record<string, TreeLevel> = {};
  for (const [index, next] of ids.entries()) {
    const parentId = index === 0 ? null : ids[index - 1]!;
    const level = await listCustomerChildren(db, actor, { parentId, cursor: undefined, limit });
    if (!level.items.some((item) => item.id === next)) {
      const pinned = await db.customer.findFirst({ where: { id: next, ...reach }, select: nodeSelect });
      if (pinned) level.items.push(...(await shapeNodes(db, [pinned], reach)));
    }
    levels[parentId === null ? "root" : String(parentId)] = level;
  }
  return { openIds: ids.slice(0, -1), selectedId: target.id, levels };
}
