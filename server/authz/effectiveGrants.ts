import type { DbClient } from "../db";
import {
  customerPermissionIndex,
  isStaffPermission,
  levelRank,
  staffPermissionIndex,
  type CustomerPermission,
  type Level,
  type StaffPermission,
  type StaffScope,
} from "./permissions";

/**
 * Effective grants: the union over a user's roles, the highest level per permission (no deny rules).
 * Loaded once per request; cached per process against the "authz" counter that every role, grant and assignment
 * change bumps in its own transaction, so a change applies on the very next request in every process.
 */

export type CustomerGrants = ReadonlyMap<CustomerPermission, Level>;
export type StaffGrants = ReadonlyMap<StaffPermission, StaffScope>;

// ------------------------------------------------------------------------------------ accumulation

/** Highest level per permission over the given grant rows; unknown keys and off-ladder levels are ignored. */
export function accumulateCustomerGrants(rows: Iterable<{ permission: string; level: Level }>): CustomerGrants {
  const result = new Map<CustomerPermission, Level>();
  for (const { permission, level } of rows) {
    if (!customerPermissionIndex.has(permission)) continue;
    const key = permission as CustomerPermission;
    const rank = levelRank(key, level);
    if (rank <= 0) continue;
    const current = result.get(key);
    if (current === undefined || rank > levelRank(key, current)) result.set(key, level);
  }
  return result;
}

/** A permission granted by any role; ALL wins over REPRESENTED. Unscoped permissions are always ALL. */
export function accumulateStaffGrants(roles: Iterable<{ scope: StaffScope; permissions: Iterable<string> }>): StaffGrants {
  const result = new Map<StaffPermission, StaffScope>();
  for (const role of roles) {
    for (const permission of role.permissions) {
      if (!isStaffPermission(permission)) continue;
      const scope = staffPermissionIndex.get(permission)?.scoped ? role.scope : "ALL";
      if (result.get(permission) !== "ALL") result.set(permission, scope);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------- loading

type CacheEntry = { epoch: number; grants: CustomerGrants | StaffGrants };
const grantCache = new Map<string, CacheEntry>();
const CACHE_LIMIT = 20_000;

function remember(key: string, entry: CacheEntry) {
  if (grantCache.size >= CACHE_LIMIT) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let drop = CACHE_LIMIT / 10;
    for (const k of grantCache.keys()) {
      grantCache.delete(k);
      if (--drop <= 0) break;
    }
  }
  grantCache.set(key, entry);
}

/**
 * A customer user's effective grants under authorization epoch `epoch`: from this process's cache while the epoch
 * stands, else accumulated from their roles (one query) and remembered.
 */
export async function customerGrants(db: DbClient, customerUserId: number, epoch: number): Promise<CustomerGrants> {
  const key = `c:${customerUserId}`;
  const cached = grantCache.get(key);
  if (cached?.epoch === epoch) return cached.grants as CustomerGrants;
  const grants = accumulateCustomerGrants(
    await db.rolePermission.findMany({
      where: { role: { assignments: { some: { customerUserId } } } },
      select: { permission: true, level: true },
    }),
  );
  remember(key, { epoch, grants });
  return grants;
}

/** A staff member's effective grants under `epoch`, cached like a customer user's. */
export async function staffGrants(db: DbClient, staffUserId: number, epoch: number): Promise<StaffGrants> {
  const key = `s:${staffUserId}`;
  const cached = grantCache.get(key);
  if (cached?.epoch === epoch) return cached.grants as StaffGrants;
  const roles = await db.staffRole.findMany({
    where: { assignments: { some: { staffUserId } } },
    select: { scope: true, permissions: { select: { permission: true } } },
  });
  const grants = accumulateStaffGrants(
    roles.map((role) => ({ scope: role.scope, permissions: role.permissions.map((p) => p.permission) })),
  );
  remember(key, { epoch, grants });
  return grants;
}

/** Forget cached grants (tests that rewrite the database under a running process). */
export function clearGrantCache() {
  grantCache.clear();
}
