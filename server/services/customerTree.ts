import type { DbClient } from "../db";
import { AppError } from "../errors";

/**
 * The customer tree as materialized paths ("/1/5/23/"). Rows that are scoped by customer carry a copy of the
 * path (`customerPath`), rewritten here together with the tree, in one transaction with the move.
 */

export function childPath(parentPath: string | null, id: number) {
  return `${parentPath ?? "/"}${id}/`;
}

export async function createCustomerNode(
  tx: DbClient,
  data: { name: string; parentId?: number | null; groupId?: number | null; ownerId?: number | null; enabled?: boolean },
) {
  const parent = data.parentId
    ? await tx.customer.findUnique({ where: { id: data.parentId }, select: { path: true } })
    : null;
  if (data.parentId && !parent) throw new AppError("BAD_REQUEST", "The parent customer does not exist.", { fieldErrors: { parentId: ["Choose an existing customer."] } });
  const created = await tx.customer.create({
    data: { name: data.name, parentId: data.parentId ?? null, groupId: data.groupId ?? null, ownerId: data.ownerId ?? null, enabled: data.enabled ?? true, path: "/0/" },
    select: { id: true },
  });
  return tx.customer.update({
    where: { id: created.id },
    data: { path: childPath(parent?.path ?? null, created.id) },
    select: { id: true, path: true, name: true },
  });
}

/** Tables that carry a copy of the customer path. */
const pathCopies = ["CustomerUser", "ShoppingList", "Rfq", "Quote", "Order", "AuditEvent"] as const;

/**
 * Moves a customer (and its subtree) under a new parent, or to the root. Refuses cycles. Must run inside a
 * transaction: the tree and every path copy change together.
 */
export async function moveCustomer(tx: DbClient, customerId: number, newParentId: number | null) {
  const node = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true, path: true, parentId: true } });
  if (!node) throw new AppError("NOT_FOUND", "Customer not found.");
  if (node.parentId === newParentId) return node.path;
  let parentPath: string | null = null;
  if (newParentId !== null) {
    const parent = await tx.customer.findUnique({ where: { id: newParentId }, select: { path: true } });
    if (!parent) throw new AppError("BAD_REQUEST", "The parent customer does not exist.", { fieldErrors: { parentId: ["Choose an existing customer."] } });
    if (parent.path.startsWith(node.path)) {
      throw new AppError("BAD_REQUEST", "A customer cannot be moved under itself or one of its subsidiaries.", {
        fieldErrors: { parentId: ["This would make the customer its own ancestor."] },
      });
    }
    parentPath = parent.path;
  }
  const newPath = childPath(parentPath, node.id);
  const oldLength = node.path.length;
  const like = `${node.path}%`;
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
  return newPath;
}
