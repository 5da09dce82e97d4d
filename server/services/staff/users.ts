import type { z } from "zod";
import type { DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { StaffPrincipal } from "../../authz/access";
import { exceedingStaffGrants, summarizeStaffExcess, staffGrantsOfRoles } from "../../authz/grants";
import { explainStaffUser } from "../../authz/explain";
import { AppError, notFound } from "../../errors";
import type { listStaffUsersInput, StaffUserSort } from "../../schemas/staffUser";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort, type SortValue } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";

/**
 * Back-office accounts. A new staff member gets a single-use link to choose a password (never a password by email).
 * Everything that hands out power is bounded by the actor's own grants: the roles given, and the accounts touched —
 * nobody changes the account of someone who holds more than they do (that would be a way to take it over).
 * Disabling ends the member's sessions at once; nobody disables themselves, and the last staff administrator stays.
 */

const sorts: Record<StaffUserSort, Omit<KeysetSort, "dir">> = {
  name: { field: "lastName", type: "string" },
  email: { field: "email", type: "string" },
  lastLoginAt: { field: "lastLoginAt", type: "date", nullable: true },
  createdAt: { field: "createdAt", type: "date" },
};

export const rolesSelect = { select: { role: { select: { id: true, label: true } } }, orderBy: { role: { label: "asc" } } } as const;

const listSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  enabled: true,
  lastLoginAt: true,
  createdAt: true,
  passwordHash: true,
  roles: rolesSelect,
} as const;

type ListRow = Prisma.StaffUserGetPayload<{ select: typeof listSelect }>;

/** A row as the pages get it: the roles flattened, and only whether a password is set (never its hash). */
function shaped({ passwordHash, roles, ...row }: ListRow) {
  return { ...row, hasPassword: passwordHash !== null, roles: roles.map((r) => r.role) };
}

function filtersOf(input: z.output<typeof listStaffUsersInput>): Prisma.StaffUserWhereInput {
  const q = input.q;
  return {
    AND: [
      q
        ? {
            OR: [
              { email: { contains: likeLiteral(q.toLowerCase()) } },
              { firstName: { contains: likeLiteral(q), mode: "insensitive" } },
              { lastName: { contains: likeLiteral(q), mode: "insensitive" } },
            ],
          }
        : {},
      input.enabled === undefined ? {} : { enabled: input.enabled },
      input.roleId ? { roles: { some: { roleId: input.roleId } } } : {},
    ],
  };
}

export async function listStaffUsers(db: DbClient, input: z.output<typeof listStaffUsersInput>) {
  const sort: KeysetSort = { ...sorts[input.sort], dir: input.dir };
  const where = filtersOf(input);
  const [rows, count] = await Promise.all([
    db.staffUser.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      select: listSelect,
      orderBy: keysetOrderBy(sort),
      take: input.limit + 1,
    }),
    cappedCount((take) => db.staffUser.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[sort.field as keyof ListRow] as SortValue);
  return { items: page.items.map(shaped), nextCursor: page.nextCursor, count };
}

async function rolesOfUser(tx: DbClient, staffUserId: number) {
  const assignments = await tx.staffRoleAssignment.findMany({ where: { staffUserId }, select: { roleId: true } });
  return assignments.map((a) => a.roleId);
}

/** What the actor would have to hold to change this member's account; empty when they may. */
async function powerBeyondActor(tx: DbClient, actor: StaffPrincipal, staffUserId: number) {
  if (staffUserId === actor.id) return [];
  return exceedingStaffGrants(actor.grants, await staffGrantsOfRoles(tx, await rolesOfUser(tx, staffUserId)));
}

export async function assertMayChange(tx: DbClient, actor: StaffPrincipal, user: { id: number; firstName: string; lastName: string }) {
  const excess = await powerBeyondActor(tx, actor, user.id);
  if (excess.length) {
    throw new AppError(
      "FORBIDDEN",
      `You cannot change ${user.firstName} ${user.lastName}'s account: they hold more than you do: ${summarizeStaffExcess(excess)}.`,
    );
  }
}

/** One staff member for the edit page, with whether (and why not) the actor may change the account. */
export async function getStaffUser(db: DbClient, actor: StaffPrincipal, id: number) {
  const user = await db.staffUser.findUnique({
    where: { id },
    select: {
      ...listSelect,
      version: true,
      loginCount: true,
      representedCustomers: {
        select: { customer: { select: { id: true, name: true } } },
        orderBy: { customer: { name: "asc" } },
        take: 50,
      },
      _count: { select: { representedCustomers: true } },
    },
  });
  if (!user) throw notFound("Staff member");
  const excess = await powerBeyondActor(db, actor, user.id);
  const { representedCustomers, _count, version, loginCount, ...row } = user;
  return {
    ...shaped(row),
    version,
    loginCount,
    /** The customers they are sales representative of (set on each customer): what a "represented" role reaches. */
    represents: { customers: representedCustomers.map((r) => r.customer), total: _count.representedCustomers },
    isSelf: user.id === actor.id,
    beyondYou: excess.length ? summarizeStaffExcess(excess) : null,
  };
}

export async function explainStaffMember(db: DbClient, id: number) {
  if (!(await db.staffUser.count({ where: { id } }))) throw notFound("Staff member");
  return explainStaffUser(db, id);
}

/** The staff roles a form offers, each with what it grants beyond the actor (so the form can say so up front). */
export async function staffRoleChoices(db: DbClient, actor: StaffPrincipal) {
  const roles = await db.staffRole.findMany({
    select: { id: true, label: true, description: true, scope: true, permissions: { select: { permission: true } } },
    orderBy: { label: "asc" },
  });
  return roles.map(({ permissions, ...role }) => {
    const excess = exceedingStaffGrants(actor.grants, [{ scope: role.scope, permissions: permissions.map((p) => p.permission) }]);
    return { ...role, permissionCount: permissions.length, beyondYou: excess.length ? summarizeStaffExcess(excess) : null };
  });
}
