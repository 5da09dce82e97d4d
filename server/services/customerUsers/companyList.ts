import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { passwordStatusOf, type AccountUserSort, type listAccountUsersInput, type PasswordStatus } from "../../schemas/accountUser";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";

/**
 * The users grid of /account/users (and GET /api/v1/users): the users the actor's level of `customerUser.view`
 * reaches, filtered, sorted and keyset-paged. Its row actions and mass actions are lifecycle.ts', shared with the
 * back office. Realm-generic like the services it builds on, so the back office's grid can share it.
 */

type ListInput = z.output<typeof listAccountUsersInput>;

/**
 * Sort columns. "customer" orders by the customer's path, which groups each company's users together with a
 * parent before its subsidiaries, and is the column the scope index (customerPath, id) already serves.
 */
const sortColumns: Record<AccountUserSort, Omit<KeysetSort, "dir">> = {
  name: { field: "lastName", type: "string" },
  email: { field: "email", type: "string" },
  customer: { field: "customerPath", type: "string" },
  created: { field: "createdAt", type: "date" },
};

const passwordWhere: Record<PasswordStatus, Prisma.CustomerUserWhereInput> = {
  ACTIVE: { authStatus: "ACTIVE", passwordHash: { not: null } },
  RESET: { authStatus: "RESET" },
  NONE: { authStatus: "ACTIVE", passwordHash: null },
};

function filters(input: ListInput): Prisma.CustomerUserWhereInput[] {
  const search = input.search || undefined;
  return [
    search
      ? {
          OR: [
            { email: { contains: likeLiteral(search.toLowerCase()) } },
            { firstName: { contains: likeLiteral(search), mode: "insensitive" } },
            { lastName: { contains: likeLiteral(search), mode: "insensitive" } },
          ],
        }
      : {},
    input.customerId ? { customerId: input.customerId } : {},
    input.enabled === undefined ? {} : { enabled: input.enabled },
    input.confirmed === undefined ? {} : { confirmedAt: input.confirmed ? { not: null } : null },
    input.passwordStatus ? passwordWhere[input.passwordStatus] : {},
    input.roleId ? { roles: { some: { roleId: input.roleId } } } : {},
  ];
}

const rowSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  confirmedAt: true,
  authStatus: true,
  passwordHash: true,
  createdAt: true,
  lastLoginAt: true,
  customerPath: true,
  customer: { select: { id: true, name: true } },
  roles: { select: { role: { select: { id: true, label: true } } }, orderBy: { roleId: "asc" } },
} as const satisfies Prisma.CustomerUserSelect;

export async function listAccountUsers(db: DbClient, actor: Principal, input: ListInput) {
  const sort: KeysetSort = { ...sortColumns[input.sort], dir: input.dir };
  const where: Prisma.CustomerUserWhereInput = { AND: [scopeWhere(actor, "customerUser.view"), ...filters(input)] };
  const [rows, count] = await Promise.all([
    db.customerUser.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      select: rowSelect,
      orderBy: keysetOrderBy(sort) as Prisma.CustomerUserOrderByWithRelationInput[],
      take: input.limit + 1,
    }),
    cappedCount((take) => db.customerUser.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[sort.field as keyof typeof row] as string | Date);
  return {
    items: page.items.map(({ passwordHash, authStatus, confirmedAt, customerPath: _path, roles, ...row }) => ({
      ...row,
      confirmed: confirmedAt !== null,
      passwordStatus: passwordStatusOf({ authStatus, hasPassword: passwordHash !== null }),
      roles: roles.map((r) => r.role),
    })),
    nextCursor: page.nextCursor,
    count,
  };
}
