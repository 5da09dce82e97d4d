import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import { bumpAuthzEpoch, type Principal } from "../../authz/access";
import { assertUsersHoldNoMore } from "../../authz/grants";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { roleCandidatesInput, roleUserIdsInput, roleUsersInput } from "../../schemas/role";
import { recordAudit } from "../audit/record";
import { guardCustomerManagers, assertUsersKeepARole } from "../customerUsers/invariants";
import { companyTransaction, lockCompanies } from "../customerUsers/companyLock";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";
import { assertBounded, assertSelfManaged, holderScope, manageRank, roleFor, type RoleRow } from "./rules";

/** Who holds a role: its holders, the users who could be given it, and giving or taking it. */

const userListSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  customer: { select: { id: true, name: true } },
} as const;

/** The holders of a role the actor sees, by last name. */
export async function listRoleUsers(db: DbClient, actor: Principal, input: z.output<typeof roleUsersInput>) {
  const role = await roleFor(db, actor, input.roleId, "view");
  const sort: KeysetSort = { field: "lastName", dir: "asc", type: "string" };
  const where: Prisma.CustomerUserWhereInput = {
    AND: [holderScope(actor), { roles: { some: { roleId: role.id } } }, searchWhere(input.search)],
  };
  const [rows, count] = await Promise.all([
    db.customerUser.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      orderBy: keysetOrderBy(sort) as Prisma.CustomerUserOrderByWithRelationInput[],
      take: input.limit + 1,
      select: userListSelect,
    }),
    cappedCount((take) => db.customerUser.count({ where, take })),
  ]);
  return { ...keysetPage(rows, input.limit, sort, (row) => row.lastName), count };
}

function searchWhere(search: string | undefined): Prisma.CustomerUserWhereInput {
  if (!search) return {};
  return {
    OR: [
      { email: { contains: likeLiteral(search.toLowerCase()) } },
      { firstName: { contains: likeLiteral(search), mode: "insensitive" } },
      { lastName: { contains: likeLiteral(search), mode: "insensitive" } },
    ],
  };
}

/**
 * Users the actor may give this role: within their reach for assigning (staff: `customerUser.edit`'s scope; a
 * customer administrator: their `customerUserRole.assign` level), and of a customer that may hold the role (its
 * own customer's users; anyone's for a predefined role).
 */
function assignableWhere(actor: Principal, role: RoleRow): Prisma.CustomerUserWhereInput {
  return {
    AND: [
      scopeWhere(actor, "customerUser.assignRole"),
      role.customerId === null ? {} : { customerId: role.customerId },
      { erasedAt: null },
    ],
  };
}

/** Up to 20 users who could be given the role and do not hold it yet. */
export async function listRoleCandidates(db: DbClient, actor: Principal, input: z.output<typeof roleCandidatesInput>) {
  const role = await roleFor(db, actor, input.roleId, "assign");
  return db.customerUser.findMany({
    where: { AND: [assignableWhere(actor, role), { roles: { none: { roleId: role.id } } }, searchWhere(input.search)] },
    select: userListSelect,
    orderBy: [{ lastName: "asc" }, { id: "asc" }],
    take: 20,
  });
}

async function assignable(tx: DbClient, actor: Principal, role: RoleRow, userIds: number[], holding: boolean) {
  const ids = [...new Set(userIds)];
  const users = await tx.customerUser.findMany({
    where: { AND: [{ id: { in: ids } }, assignableWhere(actor, role), holding ? { roles: { some: { roleId: role.id } } } : {}] },
    select: { id: true, firstName: true, lastName: true, customerId: true, customerPath: true },
  });
  if (users.length !== ids.length) throw notFound("Customer user");
  return users;
}

/** One audit event per user, so each user's history shows the roles they were given and lost. */
async function auditAssignments(
  tx: DbClient,
  actor: Principal,
  role: RoleRow,
  users: { id: number; customerPath: string }[],
  change: "assign" | "unassign",
) {
  const value = { roleId: role.id, role: role.label };
  for (const user of users) {
    await recordAudit(tx, actor, {
      action: `customerUserRole.${change}`,
      entityType: "CustomerUser",
      entityId: user.id,
      customerPath: user.customerPath,
      ...(change === "assign" ? { after: value } : { before: value }),
    });
  }
}

/**
 * Gives the role to users (those who hold it already are left as they are). Only the rows this call inserted are
 * reported and audited: a call running at the same time with the same users adds each of them once between them.
 */
export async function addRoleUsers(db: Db, actor: Principal, input: z.output<typeof roleUserIdsInput>) {
  return db.$transaction(async (tx) => {
    const role = await roleFor(tx, actor, input.roleId, "assign");
    assertSelfManaged(actor, role);
    assertBounded(actor, role.permissions, "assign a role");
    const users = await assignable(tx, actor, role, input.userIds, false);
    // INSERT ... ON CONFLICT DO NOTHING RETURNING: a row another call inserted first (even uncommitted: the insert
    // waits for it) is not returned.
    await assertUsersHoldNoMore(
      tx,
      actor,
      users.map((user) => user.id),
      "give a role to a user",
    );
    const inserted = await tx.customerUserRoleAssignment.createManyAndReturn({
      data: users.map((user) => ({ customerUserId: user.id, roleId: role.id })),
      skipDuplicates: true,
      select: { customerUserId: true },
    });
    const added = new Set(inserted.map((row) => row.customerUserId));
    if (added.size) await bumpAuthzEpoch(tx);
    await auditAssignments(
      tx,
      actor,
      role,
      users.filter((user) => added.has(user.id)),
      "assign",
    );
    return { added: added.size };
  });
}

/**
 * Takes the role from users, bounded like giving it: a customer administrator takes only roles within their own
 * grants, from users who hold no more than they do. Refused when an enabled user would be left without any role, or
 * a company without an enabled user who can manage its users (counted under the companies' lock).
 */
export async function removeRoleUsers(db: Db, actor: Principal, input: z.output<typeof roleUserIdsInput>) {
  return companyTransaction(db, async (tx) => {
    const lock = await lockCompanies(tx, { userIds: input.userIds });
    const role = await roleFor(tx, actor, input.roleId, "assign");
    assertSelfManaged(actor, role);
    assertBounded(actor, role.permissions, "take away a role");
    const users = await assignable(tx, actor, role, input.userIds, true);
    const ids = users.map((user) => user.id);
    await assertUsersHoldNoMore(tx, actor, ids, "take a role from a user");
    const guard =
      manageRank(role.permissions) > 0
        ? await guardCustomerManagers(
            tx,
            lock,
            users.map((user) => user.customerId),
          )
        : null;
    // Only the rows this call deleted are reported and audited.
    const deleted = await tx.$queryRaw<{ customerUserId: number }[]>`
      DELETE FROM "CustomerUserRoleAssignment" WHERE "roleId" = ${role.id} AND "customerUserId" = ANY(${ids}::int[])
      RETURNING "customerUserId"`;
    const removed = new Set(deleted.map((row) => row.customerUserId));
    await assertUsersKeepARole(tx, lock, [...removed]);
    await guard?.assertKept();
    if (removed.size) await bumpAuthzEpoch(tx);
    await auditAssignments(
      tx,
      actor,
      role,
      users.filter((user) => removed.has(user.id)),
      "unassign",
    );
    return { removed: removed.size };
  });
}
