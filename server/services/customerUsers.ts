import type { Db, DbClient } from "../db";
import { bumpAuthzEpoch, type Principal } from "../authz/access";
import { assertWithinCustomerGrants, grantsOfRoles } from "../authz/grants";
import { scopeWhere } from "../authz/scope";
import type { listCustomerUsersInput, setCustomerUserEnabledInput } from "../schemas/customerUser";
import type { z } from "zod";
import { notFound } from "../errors";
import { assertCustomerKeepsManager, assertHasRole, assertNotSelf } from "./invariants";
import { recordAudit } from "./audit";

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
  customer: { select: { id: true, name: true } },
  website: { select: { id: true, name: true } },
} as const;

/** One keyset page of the customer users the actor's scope reaches (ordered by id). */
export async function listCustomerUsers(
  db: DbClient,
  actor: Principal,
  input: z.output<typeof listCustomerUsersInput>,
) {
  const search = input.search ? input.search : undefined;
  const rows = await db.customerUser.findMany({
    where: {
      AND: [
        scopeWhere(actor, "customerUser"),
        input.after ? { id: { gt: input.after } } : {},
        search
          ? {
              OR: [
                { email: { contains: search.toLowerCase() } },
                { firstName: { contains: search, mode: "insensitive" } },
                { lastName: { contains: search, mode: "insensitive" } },
              ],
            }
          : {},
      ],
    },
    select: listSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

/** The customer user with this id if the actor's scope reaches it, else NOT_FOUND. */
export async function customerUserInScope(db: DbClient, actor: Principal, id: number) {
  const user = await db.customerUser.findFirst({
    where: { id, ...scopeWhere(actor, "customerUser") },
    select: { id: true, customerId: true, customerPath: true },
  });
  if (!user) throw notFound("Customer user");
  return user;
}

/**
 * Enables or disables a customer user. Disabling revokes the user's sessions at once (sessionVersion); enabling
 * requires a role. Neither touches anything else about the user.
 */
export async function setCustomerUserEnabled(
  db: Db,
  actor: Principal,
  input: z.output<typeof setCustomerUserEnabledInput>,
) {
  assertNotSelf(actor, input.id, input.enabled ? "enable" : "disable");
  return db.$transaction(async (tx) => {
    const user = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser", "edit", "customerUser.enable") },
      select: { id: true, enabled: true, customerId: true, customerPath: true },
    });
    if (!user) throw notFound("Customer user");
    await assertHoldsNoMore(tx, actor, user.id, input.enabled ? "enable" : "disable");
    if (user.enabled === input.enabled) return { id: user.id, enabled: user.enabled };
    if (input.enabled) await assertHasRole(tx, user.id);
    else await assertCustomerKeepsManager(tx, user);
    const updated = await tx.customerUser.update({
      where: { id: user.id },
      data: {
        enabled: input.enabled,
        version: { increment: 1 },
        ...(input.enabled ? {} : { sessionVersion: { increment: 1 } }),
      },
      select: { id: true, enabled: true },
    });
    await recordAudit(tx, actor, {
      action: input.enabled ? "customerUser.enable" : "customerUser.disable",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      before: { enabled: user.enabled },
      after: { enabled: updated.enabled },
    });
    return updated;
  });
}

/**
 * A customer's administrator acts only on users who hold no more than they do: switching a stronger account on or
 * off, or deleting it, is taking power over it. Staff are bounded by their scope alone.
 */
async function assertHoldsNoMore(tx: DbClient, actor: Principal, userId: number, verb: string) {
  if (actor.realm !== "customer") return;
  const roles = await tx.customerUserRoleAssignment.findMany({ where: { customerUserId: userId }, select: { roleId: true } });
  assertWithinCustomerGrants(actor.grants, await grantsOfRoles(tx, roles.map((r) => r.roleId)), `${verb} a user`);
}

/**
 * Deletes a customer user (storefront; realm-generic, to be folded with the back office's delete). Never oneself,
 * never the customer's last enabled user manager, for a customer's administrator never a user holding more than
 * they do. The user's orders, quotes, requests and shopping lists stay, without their owner.
 */
export async function deleteCustomerUser(db: Db, actor: Principal, input: { id: number }) {
  assertNotSelf(actor, input.id, "delete");
  return db.$transaction(async (tx) => {
    const user = await tx.customerUser.findFirst({
      where: { id: input.id, ...scopeWhere(actor, "customerUser", "delete", "customerUser.delete") },
      select: { id: true, email: true, firstName: true, lastName: true, enabled: true, customerId: true, customerPath: true, _count: { select: { roles: true } } },
    });
    if (!user) throw notFound("Customer user");
    await assertHoldsNoMore(tx, actor, user.id, "delete");
    if (user.enabled) await assertCustomerKeepsManager(tx, user);
    await tx.customerUser.delete({ where: { id: user.id } });
    // Its role assignments went with it.
    if (user._count.roles) await bumpAuthzEpoch(tx);
    await recordAudit(tx, actor, {
      action: "customerUser.delete",
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      before: { email: user.email, firstName: user.firstName, lastName: user.lastName, enabled: user.enabled, customerId: user.customerId },
    });
    return { id: user.id };
  });
}
