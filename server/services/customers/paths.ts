import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { lockCompanies } from "../customerUsers/companyLock";
import { guardCustomerManagers } from "../customerUsers/invariants";

/**
 * The customer tree as materialized paths ("/1/5/23/"). Rows that are scoped by customer carry a copy of the
 * path (`customerPath`), rewritten here together with the tree, in one transaction with the move.
 *
 * Concurrency: a move locks its subtree's rows (FOR UPDATE) before rewriting, and whoever writes a path copy reads
 * the customer's path through `lockCustomerPath` (FOR KEY SHARE). Either the writer goes first and the move's
 * rewrite (a later statement) sees its row, or the move goes first and the writer waits and reads the new path;
 * no row keeps a stale path. Moves among themselves are serialized, so two crossing moves cannot form a cycle.
 */

type Parent = { id: number; name: string } | null;

/**
 * The rows' parents as far as `visible` lets the reader see them: a parent beyond their reach reads as none. A
 * customer user never learns of a parent company (their level reaches their customer and its subsidiaries only);
 * staff limited to the customers they represent, of none they do not represent.
 */
export async function visibleParents<T extends { parent: Parent }>(
  db: DbClient,
  rows: T[],
  visible: Prisma.CustomerWhereInput,
): Promise<T[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.parent ? [row.parent.id] : [])))];
  if (ids.length === 0) return rows;
  const seen = new Set(
    (await db.customer.findMany({ where: { AND: [{ id: { in: ids } }, visible] }, select: { id: true } })).map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, parent: row.parent && seen.has(row.parent.id) ? row.parent : null }));
}

/** One row's parent as far as `visible` lets the reader see it (see visibleParents). */
export async function visibleParent<T extends { parent: Parent }>(db: DbClient, row: T, visible: Prisma.CustomerWhereInput): Promise<T> {
  const [shown] = await visibleParents(db, [row], visible);
  return shown ?? row;
}

export function childPath(parentPath: string | null, id: number) {
  return `${parentPath ?? "/"}${id}/`;
}

/** Ids on a path, root first: "/1/5/23/" → [1, 5, 23]. */
export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

/**
 * For each path, the names of the customer's ancestors, root first, as far as `visible` lets the reader see them:
 * what tells namesakes in different trees apart in a picker.
 */
export async function ancestorNames(db: DbClient, paths: string[], visible: Prisma.CustomerWhereInput): Promise<string[][]> {
  const ids = [...new Set(paths.flatMap((path) => pathIds(path).slice(0, -1)))];
  if (ids.length === 0) return paths.map(() => []);
  const rows = await db.customer.findMany({ where: { AND: [{ id: { in: ids } }, visible] }, select: { id: true, name: true } });
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return paths.map((path) =>
    pathIds(path)
      .slice(0, -1)
      .flatMap((id) => names.get(id) ?? []),
  );
}

/**
 * The customer's current path, locked against a concurrent move until the transaction ends: read it this way
 * before writing a copy of it (a new user, order, audit event of that customer). Null when there is no such customer.
 */
export async function lockCustomerPath(tx: DbClient, customerId: number): Promise<{ path: string; name: string } | null> {
  const rows = await tx.$queryRaw<{ path: string; name: string }[]>`
    SELECT "path", "name" FROM "Customer" WHERE "id" = ${customerId} FOR KEY SHARE`;
  return rows[0] ?? null;
}

const noSuchParent = () =>
  new AppError("BAD_REQUEST", "The parent customer does not exist.", { fieldErrors: { parentId: ["Choose an existing customer."] } });

export async function createCustomerNode(
  tx: DbClient,
  data: { name: string; parentId?: number | null; groupId?: number | null; ownerId?: number | null; enabled?: boolean },
) {
  const parent = data.parentId ? await lockCustomerPath(tx, data.parentId) : null;
  if (data.parentId && !parent) throw noSuchParent();
  const created = await tx.customer.create({
    data: {
      name: data.name,
      parentId: data.parentId ?? null,
      groupId: data.groupId ?? null,
      ownerId: data.ownerId ?? null,
      enabled: data.enabled ?? true,
      path: "/0/",
    },
    select: { id: true },
  });
  return tx.customer.update({
    where: { id: created.id },
    data: { path: childPath(parent?.path ?? null, created.id) },
    select: { id: true, path: true, name: true },
  });
}

/** Tables that carry a copy of the customer path. */
export const pathCopies = ["CustomerUser", "ShoppingList", "Rfq", "Quote", "Order", "AuditEvent"] as const;

/** Any number will do, as long as nothing else takes this advisory lock for another purpose. */
const TREE_MOVE_LOCK = 7_160_301;

/** Why `parentId` cannot be the parent of the customer at `node`, or null when it can. */
export function cycleProblem(node: { path: string; name: string }, parent: { path: string; name: string }): string | null {
  if (parent.path === node.path) return "A customer cannot be its own parent.";
  if (parent.path.startsWith(node.path)) {
    return `${parent.name} is a subsidiary of ${node.name}: a customer cannot become a subsidiary of one of its own subsidiaries.`;
  }
  return null;
}

/**
 * Moves a customer (and its subtree) under a new parent, or to the root. Refuses cycles. Must run inside a
 * transaction: the tree and every path copy change together.
 */
export async function moveCustomer(tx: Prisma.TransactionClient, customerId: number, newParentId: number | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_MOVE_LOCK})`;
  // The trees it leaves and joins: nobody counts their company rules while their membership changes.
  const lock = await lockCompanies(
    tx,
    newParentId === null ? { customerIds: [customerId], newRoots: [customerId] } : { customerIds: [customerId, newParentId] },
  );
  const node = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true, path: true, parentId: true, name: true } });
  if (!node) throw new AppError("NOT_FOUND", "Customer not found.");
  if (node.parentId === newParentId) return node.path;
  // A subsidiary managed by a Corporate-level administrator above it must not be moved away from its only one.
  const managers = await guardCustomerManagers(tx, lock, [node.id]);
  let parentPath: string | null = null;
  if (newParentId !== null) {
    const parent = await lockCustomerPath(tx, newParentId);
    if (!parent) throw noSuchParent();
    const problem = cycleProblem(node, parent);
    if (problem) throw new AppError("BAD_REQUEST", problem, { fieldErrors: { parentId: [problem] } });
    parentPath = parent.path;
  }
  const newPath = childPath(parentPath, node.id);
  const oldLength = node.path.length;
  const like = `${node.path}%`;
  await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE "path" LIKE ${like} FOR UPDATE`;
  await tx.customer.update({ where: { id: node.id }, data: { parentId: newParentId } });
  await tx.$executeRaw`UPDATE "Customer" SET "path" = ${newPath} || substr("path", ${oldLength + 1}::int) WHERE "path" LIKE ${like}`;
  for (const table of pathCopies) {
    // Table names come from the constant list above, never from input.
    await tx.$executeRawUnsafe(
      `UPDATE "${table}" SET "customerPath" = $1 || substr("customerPath", $2::int) WHERE "customerPath" LIKE $3`,
      newPath,
      oldLength + 1,
      like,
    );
  }
  await managers.assertKept();
  return newPath;
}
