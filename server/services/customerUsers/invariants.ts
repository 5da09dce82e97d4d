import type { DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { AppError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { enabledWithoutRoleMessage } from "../../schemas/customerUser";
import { assertLocked, isLocked, type CompanyLock } from "./companyLock";

/**
 * The rules every path that changes users or roles must keep (DESIGN section 3, "Self-protection"):
 * an enabled user has a role; nobody disables, deletes or force-resets themselves; a customer keeps at least one
 * enabled user who can manage its users (someone in the company or a Corporate-level administrator above it).
 * The checks that count take a `CompanyLock` (companyLock.ts): what they count cannot change before the change
 * that asked commits.
 */

/** Roles that let a user manage a customer's users. */
export const managesUsers: Prisma.CustomerUserRoleWhereInput = {
  permissions: { some: { permission: "customerUser.edit", level: { in: ["CUSTOMER", "SUBTREE"] } } },
};

export function ancestorPaths(path: string): string[] {
  const ids = path.split("/").filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
}

export function assertNotSelf(actor: Principal, userId: number, verb: string) {
  if (actor.realm === "customer" && actor.id === userId) {
    throw new AppError("BAD_REQUEST", `You cannot ${verb} yourself.`);
  }
}

export async function assertHasRole(tx: DbClient, lock: CompanyLock, user: { id: number; customerPath: string }) {
  assertLocked(lock, [user.customerPath]);
  const roles = await tx.customerUserRoleAssignment.count({ where: { customerUserId: user.id } });
  if (roles === 0) {
    throw new AppError("BAD_REQUEST", "At least one role must be assigned before the user can be enabled.", {
      fieldErrors: { roles: ["At least one role must be assigned if the user is enabled."] },
    });
  }
}

/** For a save that sets both at once (create, edit): an enabled user is saved with at least one role. */
export function assertEnabledHasRoles(enabled: boolean, roleIds: readonly number[]) {
  if (enabled && roleIds.length === 0) {
    throw new AppError("BAD_REQUEST", enabledWithoutRoleMessage, { fieldErrors: { roleIds: [enabledWithoutRoleMessage] } });
  }
}

/**
 * Refuses when taking `user` away (disable, delete, role change) would leave its customer without an enabled user
 * able to manage users. `remainingRoleIds`: the roles the user keeps, for role changes.
 */
export async function assertCustomerKeepsManager(
  tx: DbClient,
  lock: CompanyLock,
  user: { id: number; customerId: number; customerPath: string },
  remainingRoleIds?: number[],
) {
  assertLocked(lock, [user.customerPath]);
  const isManager = await tx.customerUserRoleAssignment.count({ where: { customerUserId: user.id, role: managesUsers } });
  if (!isManager) return;
  if (remainingRoleIds?.length) {
    const keeps = await tx.customerUserRole.count({ where: { id: { in: remainingRoleIds }, ...managesUsers } });
    if (keeps) return;
  }
  const others = await tx.customerUser.count({
    where: {
      id: { not: user.id },
      enabled: true,
      OR: [
        { customerId: user.customerId, roles: { some: { role: managesUsers } } },
        {
          customerPath: { in: ancestorPaths(user.customerPath) },
          roles: { some: { role: { permissions: { some: { permission: "customerUser.edit", level: "SUBTREE" } } } } },
        },
      ],
    },
  });
  if (others === 0) {
    const customer = await tx.customer.findUnique({ where: { id: user.customerId }, select: { name: true } });
    throw new AppError(
      "BAD_REQUEST",
      `${customer?.name ?? "The customer"} must keep at least one enabled user who can manage its users. Give another user that permission first.`,
    );
  }
}

/**
 * A role may be deleted only when nobody holds it, it is not predefined, and no website uses it as the default
 * role for registrations. Each refusal says which.
 */
export async function assertRoleDeletable(tx: DbClient, roleId: number) {
  const role = await tx.customerUserRole.findUnique({
    where: { id: roleId },
    select: { label: true, customerId: true, _count: { select: { assignments: true, defaultFor: true } } },
  });
  if (!role) throw new AppError("NOT_FOUND", "Role not found.");
  if (role.customerId === null) {
    throw new AppError("BAD_REQUEST", `"${role.label}" is a predefined role and cannot be deleted.`);
  }
  if (role._count.defaultFor > 0) {
    throw new AppError("BAD_REQUEST", `"${role.label}" is the default role for registrations on a website; choose another default first.`);
  }
  if (role._count.assignments > 0) {
    const n = role._count.assignments;
    throw new AppError("BAD_REQUEST", `"${role.label}" is assigned to ${n} user${n === 1 ? "" : "s"}; remove it from them first.`);
  }
}

/** Refuses when any of these users is enabled and, after a change that took roles away, holds none. */
export async function assertUsersKeepARole(tx: DbClient, lock: CompanyLock, userIds: number[]) {
  if (userIds.length === 0) return;
  const users = await tx.customerUser.findMany({
    where: { id: { in: userIds } },
    select: { firstName: true, lastName: true, enabled: true, customerPath: true, _count: { select: { roles: true } } },
    orderBy: { id: "asc" },
  });
  assertLocked(
    lock,
    users.map((user) => user.customerPath),
  );
  const roleless = users.filter((user) => user.enabled && user._count.roles === 0);
  if (roleless.length) {
    const names = listNames(roleless.map((u) => `${u.firstName} ${u.lastName}`));
    const them = roleless.length === 1 ? "them" : "each of them";
    throw new AppError("BAD_REQUEST", `${names} would be left without any role. Give ${them} another role first, or disable them.`);
  }
}

function listNames(names: string[], max = 5) {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

type TreeNode = { id: number; name: string; path: string };

/** Customers below (and including) the given ones; every customer when there are too many to list. */
async function subtreesOf(tx: DbClient, lock: CompanyLock, customerIds: number[]): Promise<TreeNode[]> {
  const select = { id: true, name: true, path: true } as const;
  // Customers of trees nobody changes here cannot lose a manager by this change.
  if (customerIds.length > 500) return (await tx.customer.findMany({ select })).filter((customer) => isLocked(lock, customer.path));
  const roots = await tx.customer.findMany({ where: { id: { in: customerIds } }, select: { path: true } });
  // A root inside another root's subtree adds nothing.
  const paths = roots.map((r) => r.path).filter((path, _, all) => !all.some((other) => other !== path && path.startsWith(other)));
  if (paths.length === 0) return [];
  return tx.customer.findMany({ where: { OR: [...new Set(paths)].map((path) => ({ path: { startsWith: path } })) }, select });
}

/** Per customer with an enabled user manager: whether one of them manages at Corporate level (its subsidiaries too). */
async function managerLevels(tx: DbClient, customerIds: number[]): Promise<Map<number, boolean>> {
  const only =
    customerIds.length <= 1000 ? Prisma.sql`AND u."customerId" IN (${Prisma.join(customerIds.length ? customerIds : [0])})` : Prisma.empty;
  const rows = await tx.$queryRaw<{ customerId: number; subtree: boolean }[]>`
    SELECT u."customerId" AS "customerId", bool_or(p."level" = 'SUBTREE') AS "subtree"
    FROM "CustomerUser" u
    JOIN "CustomerUserRoleAssignment" a ON a."customerUserId" = u."id"
    JOIN "RolePermission" p ON p."roleId" = a."roleId"
    WHERE u."enabled" AND p."permission" = 'customerUser.edit' AND p."level" IN ('CUSTOMER', 'SUBTREE') ${only}
    GROUP BY u."customerId"`;
  return new Map(rows.map((row) => [Number(row.customerId), row.subtree]));
}

const idsOfPath = (path: string) => path.split("/").filter(Boolean).map(Number);

/** The customers of `tree` someone manages: a manager of their own, or a Corporate-level manager above them. */
function managed(tree: TreeNode[], levels: Map<number, boolean>) {
  return new Set(
    tree
      .filter(
        (customer) =>
          levels.has(customer.id) ||
          idsOfPath(customer.path)
            .slice(0, -1)
            .some((id) => levels.get(id) === true),
      )
      .map((customer) => customer.id),
  );
}

/**
 * For changes to roles (their grants, who holds them) or to the tree (a move) that may take user management away:
 * call it before the change with the customers whose users' roles change (or the customer that moves), make the
 * change, then `assertKept()` refuses (and so rolls the transaction back) when a customer at or below them that
 * had an enabled user manager has none any more. Customers that had none before (a new company) do not block it.
 */
export async function guardCustomerManagers(tx: DbClient, lock: CompanyLock, customerIds: number[]) {
  const roots = [...new Set(customerIds)];
  // Read again afterwards: a move changes the paths, and with them the Corporate-level managers above.
  const managedNow = async () => {
    const tree = await subtreesOf(tx, lock, roots);
    assertLocked(
      lock,
      tree.map((customer) => customer.path),
    );
    const relevant = [...new Set(tree.flatMap((customer) => idsOfPath(customer.path)))];
    return { tree, managed: managed(tree, await managerLevels(tx, relevant)) };
  };
  const before = await managedNow();
  return {
    async assertKept() {
      const after = (await managedNow()).managed;
      const lost = before.tree
        .filter((customer) => before.managed.has(customer.id) && !after.has(customer.id))
        .map((customer) => customer.name);
      if (lost.length) {
        const who = lost.length === 1 ? `${lost[0]} must keep` : `${listNames(lost)} must each keep`;
        throw new AppError(
          "BAD_REQUEST",
          `${who} at least one enabled user who can manage its users. Give another user that permission first.`,
        );
      }
    },
  };
}
