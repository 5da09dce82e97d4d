import type { z } from "zod";
import type { Db, DbClient } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { StaffScope } from "../../generated/prisma/enums";
import { bumpAuthzEpoch, type StaffPrincipal } from "../../authz/access";
import { assertWithinStaffGrants, exceedingStaffGrants, summarizeStaffExcess } from "../../authz/grants";
import { isStaffPermission, staffCatalogue } from "../../authz/permissions";
import { predefinedStaffRoleCodes } from "../../authz/presets";
import { AppError, notFound, staleVersion } from "../../errors";
import { staffRoleScopes, type createStaffRoleInput, type listStaffRolesInput, type updateStaffRoleInput } from "../../schemas/staffRole";
import { recordAudit } from "../audit/record";
import { keepingStaffAdministrator } from "./invariants";
import { cappedCount, keysetOrderBy, keysetPage, keysetWhere, type KeysetSort, type SortValue } from "../kit/keyset";
import { likeLiteral } from "../kit/filters";

/**
 * Staff roles: a set of staff permissions and one scope (all customers, or the ones the member represents — which
 * only limits the permissions about customers). A role is built and changed only within the actor's own grants,
 * and a role that grants more than the actor holds is not theirs to change or delete. A change applies on the
 * next request of everyone holding the role (authz epoch).
 */

// The schema's list must name the enum's values exactly.
const _scopes: readonly StaffScope[] = staffRoleScopes;

const sorts = {
  label: { field: "label", type: "string" },
  createdAt: { field: "createdAt", type: "date" },
} as const satisfies Record<string, Omit<KeysetSort, "dir">>;

const listSelect = {
  id: true,
  code: true,
  label: true,
  description: true,
  scope: true,
  createdAt: true,
  _count: { select: { permissions: true, assignments: true } },
} as const;

type ListRow = Prisma.StaffRoleGetPayload<{ select: typeof listSelect }>;

export async function listStaffRoles(db: DbClient, input: z.output<typeof listStaffRolesInput>) {
  const sort: KeysetSort = { ...sorts[input.sort], dir: input.dir };
  const where: Prisma.StaffRoleWhereInput = {
    ...(input.q ? { label: { contains: likeLiteral(input.q), mode: "insensitive" } } : {}),
    ...(input.scope ? { scope: input.scope } : {}),
  };
  const [rows, count] = await Promise.all([
    db.staffRole.findMany({
      where: { AND: [where, keysetWhere(sort, input.cursor)] },
      select: listSelect,
      orderBy: keysetOrderBy(sort),
      take: input.limit + 1,
    }),
    cappedCount((take) => db.staffRole.count({ where, take })),
  ]);
  const page = keysetPage(rows, input.limit, sort, (row) => row[sort.field as keyof ListRow] as SortValue);
  return {
    items: page.items.map(({ _count, ...row }) => ({
      ...row,
      predefined: predefinedStaffRoleCodes.has(row.code),
      permissionCount: _count.permissions,
      userCount: _count.assignments,
    })),
    nextCursor: page.nextCursor,
    count,
  };
}

const grantOf = (role: { scope: StaffScope; permissions: { permission: string }[] }) => ({
  scope: role.scope,
  permissions: role.permissions.map((p) => p.permission),
});

/** One role for its page: what it grants, who holds it, and whether (and why not) the actor may change it. */
export async function getStaffRole(db: DbClient, actor: StaffPrincipal, id: number) {
  const role = await db.staffRole.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      label: true,
      description: true,
      scope: true,
      version: true,
      permissions: { select: { permission: true } },
      assignments: {
        select: { staffUser: { select: { id: true, firstName: true, lastName: true, email: true, enabled: true } } },
        orderBy: { staffUser: { lastName: "asc" } },
      },
    },
  });
  if (!role) throw notFound("Staff role");
  const excess = exceedingStaffGrants(actor.grants, [grantOf(role)]);
  return {
    id: role.id,
    code: role.code,
    label: role.label,
    description: role.description,
    scope: role.scope,
    version: role.version,
    permissions: role.permissions.map((p) => p.permission).filter(isStaffPermission),
    users: role.assignments.map((a) => a.staffUser),
    predefined: predefinedStaffRoleCodes.has(role.code),
    beyondYou: excess.length ? summarizeStaffExcess(excess) : null,
  };
}

function assertKnownPermissions(keys: string[]) {
  const unknown = keys.filter((key) => !isStaffPermission(key));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `Unknown permission: ${unknown.join(", ")}.`, {
      fieldErrors: { permissions: ["Some permissions are not known. Reload the page."] },
    });
  }
}

/** A stable machine name from the label, unique among roles: "Key accounts" → "KEY_ACCOUNTS", then "KEY_ACCOUNTS_2". */
async function uniqueCode(tx: DbClient, label: string) {
  const base =
    label
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .toUpperCase()
      .slice(0, 40) || "ROLE";
  const taken = new Set(
    (await tx.staffRole.findMany({ where: { code: { startsWith: likeLiteral(base) } }, select: { code: true } })).map((r) => r.code),
  );
  let code = base;
  for (let n = 2; taken.has(code) || predefinedStaffRoleCodes.has(code); n++) code = `${base}_${n}`;
  return code;
}

const sortedKeys = (keys: string[]) => {
  const order = new Map(staffCatalogue.map((info, i) => [info.key as string, i]));
  return [...keys].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
};

export async function createStaffRole(db: Db, actor: StaffPrincipal, input: z.output<typeof createStaffRoleInput>) {
  assertKnownPermissions(input.permissions);
  assertWithinStaffGrants(actor.grants, [input], "create a staff role");
  return db.$transaction(async (tx) => {
    const role = await tx.staffRole.create({
      data: {
        code: await uniqueCode(tx, input.label),
        label: input.label,
        description: input.description ?? null,
        scope: input.scope,
        permissions: { createMany: { data: input.permissions.map((permission) => ({ permission })) } },
      },
      select: { id: true, code: true },
    });
    await recordAudit(tx, actor, {
      action: "staffRole.create",
      entityType: "StaffRole",
      entityId: role.id,
      after: { label: input.label, description: input.description ?? null, scope: input.scope, permissions: sortedKeys(input.permissions) },
    });
    return role;
  });
}

async function roleToChange(tx: DbClient, actor: StaffPrincipal, id: number, verb: string) {
  const role = await tx.staffRole.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      label: true,
      description: true,
      scope: true,
      version: true,
      permissions: { select: { permission: true } },
      _count: { select: { assignments: true } },
    },
  });
  if (!role) throw notFound("Staff role");
  const excess = exceedingStaffGrants(actor.grants, [grantOf(role)]);
  if (excess.length)
    throw new AppError("FORBIDDEN", `You cannot ${verb} “${role.label}”: it grants more than you hold: ${summarizeStaffExcess(excess)}.`);
  return role;
}

export async function updateStaffRole(db: Db, actor: StaffPrincipal, input: z.output<typeof updateStaffRoleInput>) {
  assertKnownPermissions(input.permissions);
  return db.$transaction(async (tx) => {
    const role = await roleToChange(tx, actor, input.id, "change");
    if (role.version !== input.version) throw staleVersion();
    assertWithinStaffGrants(actor.grants, [input], "give this role");
    await keepingStaffAdministrator(
      tx,
      async () => {
        const updated = await tx.staffRole.updateMany({
          where: { id: role.id, version: input.version },
          data: { label: input.label, description: input.description ?? null, scope: input.scope, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw staleVersion();
        await tx.staffRolePermission.deleteMany({ where: { roleId: role.id, permission: { notIn: input.permissions } } });
        await tx.staffRolePermission.createMany({
          data: input.permissions.map((permission) => ({ roleId: role.id, permission })),
          skipDuplicates: true,
        });
        await bumpAuthzEpoch(tx);
      },
      (last) =>
        `“${role.label}” must keep every permission for all customers: it is what makes ${last} a staff administrator, and the back office needs at least one. Make someone else an administrator first.`,
    );
    await recordAudit(tx, actor, {
      action: "staffRole.update",
      entityType: "StaffRole",
      entityId: role.id,
      before: {
        label: role.label,
        description: role.description,
        scope: role.scope,
        permissions: sortedKeys(role.permissions.map((p) => p.permission)),
      },
      after: { label: input.label, description: input.description ?? null, scope: input.scope, permissions: sortedKeys(input.permissions) },
    });
    return { id: role.id, version: role.version + 1 };
  });
}

/** Only a role nobody holds, that Roster does not ship with, and that grants no more than the actor holds. */
export async function deleteStaffRole(db: Db, actor: StaffPrincipal, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const role = await roleToChange(tx, actor, input.id, "delete");
    if (predefinedStaffRoleCodes.has(role.code))
      throw new AppError("BAD_REQUEST", `“${role.label}” is a predefined role and cannot be deleted.`);
    const holders = role._count.assignments;
    if (holders > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `“${role.label}” is assigned to ${holders} staff member${holders === 1 ? "" : "s"}; take it away from them first.`,
      );
    }
    await tx.staffRole.delete({ where: { id: role.id } });
    await recordAudit(tx, actor, {
      action: "staffRole.delete",
      entityType: "StaffRole",
      entityId: role.id,
      before: { label: role.label, scope: role.scope, permissions: sortedKeys(role.permissions.map((p) => p.permission)) },
    });
    return { id: role.id };
  });
}
