import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { StaffPrincipal } from "../../authz/access";
import { reachOf } from "../../authz/reach";
import { scopeWhere, type OperationOn } from "../../authz/scope";

type CustomerOp = OperationOn<"customer">;
import type { Prisma } from "../../generated/prisma/client";
import { AppError, notFound, staleVersion, type FieldErrors } from "../../errors";
import type { createCustomerInput, setCustomerEnabledInput, updateCustomerInput } from "../../schemas/customer";
import { recordAudit } from "../audit/record";
import { createCustomerNode, moveCustomer } from "./paths";
import { companyTransaction } from "../customerUsers/companyLock";
import { dependentsOf } from "./queries";

/**
 * Customers in the back office, write side: create, edit (re-parenting moves the whole subtree), enable and
 * disable, delete. Each write checks the actor's scope for its own permission; a customer outside it is NOT_FOUND.
 *
 * Disabling a customer ends every session of its users at once and refuses their sign-in until it is enabled
 * again; nothing else about the users changes. Subsidiaries are not affected: each is a company of its own (its
 * own contract, its own buyers), as in the reference product; disable them one by one when they must stop too.
 */

const scope = (actor: StaffPrincipal, op: CustomerOp) => scopeWhere(actor, op);
const represented = (actor: StaffPrincipal, op: CustomerOp) => reachOf(actor, op) === "represented";

const invalid = (message: string, fieldErrors: FieldErrors) => new AppError("BAD_REQUEST", message, { fieldErrors });

const auditSelect = {
  id: true,
  name: true,
  path: true,
  parentId: true,
  groupId: true,
  enabled: true,
  version: true,
  salesRepresentatives: { select: { staffUserId: true }, orderBy: { staffUserId: "asc" } },
} as const satisfies Prisma.CustomerSelect;

type Snapshot = Prisma.CustomerGetPayload<{ select: typeof auditSelect }>;
const snapshot = (c: Snapshot) => ({
  name: c.name,
  parentId: c.parentId,
  groupId: c.groupId,
  enabled: c.enabled,
  salesRepIds: c.salesRepresentatives.map((rep) => rep.staffUserId),
});

/** A parent the actor may attach customers to (their `permission` reaches it), as a field error otherwise. */
async function assertParentReachable(tx: DbClient, actor: StaffPrincipal, parentId: number, op: CustomerOp) {
  const parent = await tx.customer.count({ where: { id: parentId, ...scope(actor, op) } });
  if (!parent) throw invalid("The parent customer does not exist.", { parentId: ["Choose an existing customer."] });
}

async function assertGroupExists(tx: DbClient, groupId: number | null) {
  if (groupId === null) return;
  if (!(await tx.customerGroup.count({ where: { id: groupId } }))) {
    throw invalid("The customer group does not exist.", { groupId: ["Choose an existing group."] });
  }
}

/** New sales representatives must be enabled staff members (one already assigned may stay when disabled). */
async function assertStaffExist(tx: DbClient, ids: number[]) {
  if (!ids.length) return;
  const found = await tx.staffUser.count({ where: { id: { in: ids }, enabled: true } });
  if (found !== ids.length) {
    throw invalid("A sales representative is not an enabled staff member.", { salesRepIds: ["Choose enabled staff members only."] });
  }
}

/** Sessions of the customer's users end at once (their next request is refused); the users' records stay as they were. */
async function revokeSessionsOf(tx: DbClient, customerId: number) {
  return tx.$executeRaw`UPDATE "CustomerUser" SET "sessionVersion" = "sessionVersion" + 1 WHERE "customerId" = ${customerId}`;
}

export async function createCustomer(db: Db, actor: StaffPrincipal, input: z.output<typeof createCustomerInput>) {
  return db.$transaction(async (tx) => {
    if (input.parentId !== null) await assertParentReachable(tx, actor, input.parentId, "customer.attachChild");
    await assertGroupExists(tx, input.groupId);
    // Staff who reach only the customers they represent represent what they create, or it would vanish from their reach.
    const salesRepIds = represented(actor, "customer.attachChild") ? [...new Set([...input.salesRepIds, actor.id])] : input.salesRepIds;
    await assertStaffExist(tx, salesRepIds);
    const node = await createCustomerNode(tx, {
      name: input.name,
      parentId: input.parentId,
      groupId: input.groupId,
      ownerId: actor.id,
      enabled: input.enabled,
    });
    if (salesRepIds.length)
      await tx.customerSalesRep.createMany({ data: salesRepIds.map((staffUserId) => ({ customerId: node.id, staffUserId })) });
    if (input.addresses.length)
      await tx.customerAddress.createMany({ data: input.addresses.map((address) => ({ ...address, customerId: node.id })) });
    const after = await tx.customer.findUniqueOrThrow({ where: { id: node.id }, select: auditSelect });
    await recordAudit(tx, actor, {
      action: "customer.create",
      entityType: "Customer",
      entityId: node.id,
      customerPath: node.path,
      after: { ...snapshot(after), addresses: input.addresses.length },
    });
    return { id: node.id };
  });
}

/**
 * Saves the customer form. A new parent moves the customer with all its subsidiaries (cycles refused); a
 * Corporate-level administrator of the old parent loses them and one of the new parent gains them on their next
 * request, since storefront scope is by path. Disabling here is the same as `setCustomerEnabled`.
 */
export async function updateCustomer(db: Db, actor: StaffPrincipal, input: z.output<typeof updateCustomerInput>) {
  // A move locks the company trees it changes (companyLock.ts).
  return companyTransaction(db, async (tx) => {
    const before = await tx.customer.findFirst({ where: { id: input.id, ...scope(actor, "customer.edit") }, select: auditSelect });
    if (!before) throw notFound("Customer");
    if (before.version !== input.version) throw staleVersion();
    await assertGroupExists(tx, input.groupId);
    const kept = new Set(before.salesRepresentatives.map((rep) => rep.staffUserId));
    await assertStaffExist(
      tx,
      input.salesRepIds.filter((id) => !kept.has(id)),
    );
    const wasRep = before.salesRepresentatives.some((rep) => rep.staffUserId === actor.id);
    if (represented(actor, "customer.edit") && wasRep && !input.salesRepIds.includes(actor.id)) {
      throw invalid("You reach this customer as its sales representative; removing yourself would take it out of your reach.", {
        salesRepIds: ["Keep yourself among the sales representatives (an administrator can reassign the customer)."],
      });
    }
    let path = before.path;
    if (input.parentId !== before.parentId) {
      if (input.parentId !== null) await assertParentReachable(tx, actor, input.parentId, "customer.reparentTo");
      // Before any row lock of ours: a move takes the tree's move lock first, then the rows.
      path = await moveCustomer(tx, before.id, input.parentId);
    }
    const updated = await tx.customer.updateMany({
      where: { id: before.id, version: input.version },
      data: { name: input.name, groupId: input.groupId, enabled: input.enabled, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleVersion();
    await tx.customerSalesRep.deleteMany({ where: { customerId: before.id, staffUserId: { notIn: input.salesRepIds } } });
    await tx.customerSalesRep.createMany({
      data: input.salesRepIds.map((staffUserId) => ({ customerId: before.id, staffUserId })),
      skipDuplicates: true,
    });
    const signedOut = before.enabled && !input.enabled ? await revokeSessionsOf(tx, before.id) : 0;
    const after = await tx.customer.findUniqueOrThrow({ where: { id: before.id }, select: auditSelect });
    await recordAudit(tx, actor, {
      action: input.parentId !== before.parentId ? "customer.move" : "customer.update",
      entityType: "Customer",
      entityId: before.id,
      customerPath: path,
      before: snapshot(before),
      after: snapshot(after),
    });
    return { id: before.id, version: after.version, signedOut };
  });
}

/** Enables or disables the customer; disabling signs out all its users at once. Subsidiaries keep their state. */
export async function setCustomerEnabled(db: Db, actor: StaffPrincipal, input: z.output<typeof setCustomerEnabledInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findFirst({ where: { id: input.id, ...scope(actor, "customer.edit") }, select: auditSelect });
    if (!before) throw notFound("Customer");
    if (before.enabled === input.enabled) return { id: before.id, enabled: before.enabled, signedOut: 0 };
    await tx.customer.update({ where: { id: before.id }, data: { enabled: input.enabled, version: { increment: 1 } } });
    const signedOut = input.enabled ? 0 : await revokeSessionsOf(tx, before.id);
    await recordAudit(tx, actor, {
      action: input.enabled ? "customer.enable" : "customer.disable",
      entityType: "Customer",
      entityId: before.id,
      customerPath: before.path,
      before: { enabled: before.enabled },
      after: { enabled: input.enabled },
    });
    return { id: before.id, enabled: input.enabled, signedOut };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes a customer that nothing depends on. Refused while it has users, subsidiaries, orders, quotes, requests
 * for quote or shopping lists (they would lose their company), or roles in use elsewhere; each refusal names what
 * stands in the way. Its addresses, notes, events, invitations and unused roles go with it.
 */
export async function deleteCustomer(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findFirst({
      where: { id: input.id, ...scope(actor, "customer.delete") },
      select: auditSelect,
    });
    if (!before) throw notFound("Customer");
    const counts = await dependentsOf(tx, before.id);
    const rolesInUse = await tx.customerUserRole.count({
      where: { customerId: before.id, OR: [{ assignments: { some: {} } }, { defaultFor: { some: {} } }] },
    });
    const blockers = [
      counts.users ? plural(counts.users, "user") : null,
      counts.children ? plural(counts.children, "subsidiary", "subsidiaries") : null,
      counts.orders ? plural(counts.orders, "order") : null,
      counts.quotes ? plural(counts.quotes, "quote") : null,
      counts.rfqs ? plural(counts.rfqs, "request for quote", "requests for quote") : null,
      counts.shoppingLists ? plural(counts.shoppingLists, "shopping list") : null,
      rolesInUse ? `${plural(rolesInUse, "role")} in use` : null,
    ].filter((b): b is string => b !== null);
    if (blockers.length) {
      const list = blockers.length === 1 ? blockers[0] : `${blockers.slice(0, -1).join(", ")} and ${blockers.at(-1)}`;
      throw new AppError(
        "BAD_REQUEST",
        `${before.name} cannot be deleted while it has ${list}. Move or delete them first, or disable the customer instead.`,
      );
    }
    await tx.customer.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "customer.delete",
      entityType: "Customer",
      entityId: before.id,
      customerPath: before.path,
      before: snapshot(before),
    });
    return { id: before.id };
  });
}
