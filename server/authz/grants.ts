import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { CustomerGrants, Principal, StaffGrants } from "./access";
import {
  customerPermissionIndex,
  levelRank,
  levelShortLabels,
  staffPermissionIndex,
  staffScopeLabels,
  type CustomerPermission,
  type Level,
  type StaffPermission,
  type StaffScope,
} from "./permissions";

/**
 * Grant bounding: whatever hands out power — creating, editing or cloning a role, assigning roles, creating or
 * inviting a user — may hand out at most what the actor holds. These functions list every permission that would
 * exceed the actor's own grants; an empty list means the change is within bounds.
 */

export type CustomerExcess = { permission: CustomerPermission; label: string; requested: Level; held: Level };
export type StaffExcess = { permission: StaffPermission; label: string; requested: StaffScope; held: StaffScope | null };

/** Requested grants (role rows, or the union of roles being assigned) above the actor's own level. */
export function exceedingCustomerGrants(
  actor: CustomerGrants,
  requested: Iterable<{ permission: string; level: Level }>,
): CustomerExcess[] {
  const worst = new Map<CustomerPermission, CustomerExcess>();
  for (const { permission, level } of requested) {
    const info = customerPermissionIndex.get(permission);
    // Unknown keys and NONE grant nothing; they are validated elsewhere.
    if (!info || levelRank(info.key, level) <= 0) continue;
    const held = actor.get(info.key) ?? "NONE";
    if (levelRank(info.key, level) <= levelRank(info.key, held)) continue;
    const previous = worst.get(info.key);
    if (!previous || levelRank(info.key, level) > levelRank(info.key, previous.requested)) {
      worst.set(info.key, { permission: info.key, label: info.label, requested: level, held });
    }
  }
  return [...worst.values()];
}

/** Staff permissions a staff role or assignment would hand out beyond the actor's own (ALL exceeds REPRESENTED). */
export function exceedingStaffGrants(
  actor: StaffGrants,
  requested: Iterable<{ scope: StaffScope; permissions: Iterable<string> }>,
): StaffExcess[] {
  const result = new Map<StaffPermission, StaffExcess>();
  for (const role of requested) {
    for (const permission of role.permissions) {
      const info = staffPermissionIndex.get(permission);
      if (!info) continue;
      const scope: StaffScope = info.scoped ? role.scope : "ALL";
      const held = actor.get(info.key) ?? null;
      if (held === "ALL" || held === scope) continue;
      if (result.get(info.key)?.requested === "ALL") continue;
      result.set(info.key, { permission: info.key, label: info.label, requested: scope, held });
    }
  }
  return [...result.values()];
}

export function describeCustomerExcess(excess: CustomerExcess[]) {
  return excess.map((e) => `"${e.label}" at ${levelShortLabels[e.requested]} (you hold ${levelShortLabels[e.held]})`).join(", ");
}

export function describeStaffExcess(excess: StaffExcess[]) {
  return (
    excess
      // The reach only matters for permissions about customers; the others are simply held or not.
      .map((e) => {
        const reach = staffPermissionIndex.get(e.permission)?.scoped ? ` for ${staffScopeLabels[e.requested].toLowerCase()}` : "";
        return `"${e.label}"${reach} (${e.held ? "you hold it only for the customers you represent" : "you do not hold it"})`;
      })
      .join(", ")
  );
}

/** The first few of a long list of excess staff grants, and how many more: for previews and for "not yours to change". */
export function summarizeStaffExcess(excess: StaffExcess[], shown = 3) {
  const named = describeStaffExcess(excess.slice(0, shown));
  return excess.length > shown ? `${named} and ${excess.length - shown} more` : named;
}

/**
 * Refuses with FORBIDDEN naming each permission and level beyond the actor's own; `field` also puts the reason
 * next to that form field (a role editor's permission matrix).
 */
export function assertWithinCustomerGrants(
  actor: CustomerGrants,
  requested: Iterable<{ permission: string; level: Level }>,
  what: string,
  field?: string,
) {
  const excess = exceedingCustomerGrants(actor, requested);
  if (excess.length) {
    const message = `You cannot ${what} with more than you hold yourself: ${describeCustomerExcess(excess)}.`;
    throw new AppError("FORBIDDEN", message, field ? { fieldErrors: { [field]: [message] } } : {});
  }
}

export function assertWithinStaffGrants(
  actor: StaffGrants,
  requested: Iterable<{ scope: StaffScope; permissions: Iterable<string> }>,
  what: string,
) {
  const excess = exceedingStaffGrants(actor, requested);
  if (excess.length) {
    throw new AppError("FORBIDDEN", `You cannot ${what} with more than you hold yourself: ${describeStaffExcess(excess)}.`);
  }
}

/** The grant rows of the given customer roles, as one list (what assigning them would hand out). */
export async function grantsOfRoles(db: DbClient, roleIds: number[]) {
  if (roleIds.length === 0) return [];
  return db.rolePermission.findMany({ where: { roleId: { in: roleIds } }, select: { permission: true, level: true } });
}

export async function staffGrantsOfRoles(db: DbClient, roleIds: number[]) {
  if (roleIds.length === 0) return [];
  const roles = await db.staffRole.findMany({
    where: { id: { in: roleIds } },
    select: { scope: true, permissions: { select: { permission: true } } },
  });
  return roles.map((role) => ({ scope: role.scope, permissions: role.permissions.map((p) => p.permission) }));
}

/**
 * A customer's administrator acts only on users who hold no more than they do: switching a stronger account on or
 * off, deleting it, editing it, giving it or taking from it a role is taking power over it. Staff are bounded by
 * their scope alone (a customer role cannot reach into the back office).
 */
export async function assertUsersHoldNoMore(tx: DbClient, actor: Principal, userIds: readonly number[], verb: string) {
  if (actor.realm !== "customer" || userIds.length === 0) return;
  const rows = await tx.rolePermission.findMany({
    where: { role: { assignments: { some: { customerUserId: { in: [...userIds] } } } } },
    select: { permission: true, level: true },
  });
  assertWithinCustomerGrants(actor.grants, rows, verb);
}
