import { driverOf, type DbClient } from "../db";
import {
  customerPermissionIndex,
  isStaffPermission,
  levelRank,
  staffCatalogue,
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

export type CustomerPrincipal = {
  realm: "customer";
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  customerId: number;
  customerPath: string;
  websiteId: number | null;
  grants: CustomerGrants;
  /** Set when a staff member is signed in as this user (server/services/customerUsers/impersonation.ts). */
  impersonator?: Impersonator;
};

/**
 * `reach`: the scope of the staff member's "Sign in as a customer user". While they are signed in as the user, the
 * user's reach is cut to what both reach (scope.ts): with REPRESENTED, the customers the staff member represents.
 */
export type Impersonator = {
  impersonationId: number;
  staffUserId: number;
  staffName: string;
  reason: string;
  expiresAt: Date;
  reach: StaffScope;
};

export type StaffPrincipal = {
  realm: "staff";
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  grants: StaffGrants;
};

export type Principal = CustomerPrincipal | StaffPrincipal;

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

/** A staff administrator: every staff permission, for all customers. */
export function isStaffAdministrator(grants: StaffGrants): boolean {
  return staffCatalogue.every((info) => grants.get(info.key) === "ALL");
}

export function customerLevel(principal: Pick<CustomerPrincipal, "grants">, permission: CustomerPermission): Level {
  return principal.grants.get(permission) ?? "NONE";
}

export function hasPermission(principal: Principal, permission: string): boolean {
  return principal.realm === "staff"
    ? principal.grants.has(permission as StaffPermission)
    : principal.grants.has(permission as CustomerPermission);
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

/**
 * `sv` null: a credential that is not a session (an OAuth access token), which sessionVersion does not govern.
 * `sid`: the session row a session cookie names (server/services/identity/sessions.ts); a cookie without one is no session
 * (server/auth/realm.ts), so only in-process callers (tests, scripts) leave it out.
 * `imp`: the impersonation a staff member opened this session with.
 */
export type SessionClaims = { uid: number; sv: number | null; sid?: number; imp?: number };

/** Why a session no longer counts; shown on the sign-in page it redirects to. */
export type SessionEnd = "revoked" | "disabled" | "customer-disabled" | "password-reset" | "impersonation-ended";

/**
 * The session check's query: on the client's driver (see driverOf), as the prepared statement `name`; inside a
 * transaction through Prisma.
 */
function sessionQuery<T>(db: DbClient, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const driver = driverOf(db);
  return driver ? driver<T>(sql, params, name) : db.$queryRawUnsafe<T[]>(sql, ...params);
}

type CustomerRow = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  customerId: number;
  websiteId: number | null;
  sessionVersion: number;
  enabled: boolean;
  authStatus: string;
  erased: boolean;
  customerPath: string;
  customerEnabled: boolean;
  epoch: number;
  /** The claimed session row is open (not signed out, not expired); null when no session was claimed or found. */
  sessionOpen: boolean | null;
};

/**
 * The customer user behind a session, or why the session ended. One indexed query for the user's state and the
 * authorization epoch; the role query only when the epoch moved since this process last looked.
 */
export async function loadCustomerPrincipal(db: DbClient, claims: SessionClaims): Promise<CustomerPrincipal | { ended: SessionEnd }> {
  const rows = await sessionQuery<CustomerRow>(
    db,
    "roster_customer_session",
    `
    SELECT u."id", u."email", u."firstName", u."lastName", u."customerId", u."websiteId", u."sessionVersion",
           u."enabled", u."authStatus"::text AS "authStatus", u."erasedAt" IS NOT NULL AS "erased",
           c."path" AS "customerPath", c."enabled" AS "customerEnabled",
           (SELECT "value" FROM "Counter" WHERE "name" = 'authz') AS "epoch",
           (SELECT s."endedAt" IS NULL AND s."expiresAt" > now() FROM "UserSession" s
            WHERE s."id" = $2 AND s."customerUserId" = u."id") AS "sessionOpen"
    FROM "CustomerUser" u JOIN "Customer" c ON c."id" = u."customerId"
    WHERE u."id" = $1`,
    [claims.uid, claims.sid ?? null],
  );
  const row = rows[0];
  // The account's state first, so the sign-in page can say why; then the session's own version.
  if (!row || row.erased) return { ended: "revoked" };
  if (!row.enabled) return { ended: "disabled" };
  if (!row.customerEnabled) return { ended: "customer-disabled" };
  if (row.authStatus !== "ACTIVE") return { ended: "password-reset" };
  if (claims.sv !== null && row.sessionVersion !== claims.sv) return { ended: "revoked" };
  if (claims.sid !== undefined && row.sessionOpen !== true) return { ended: "revoked" };
  const epoch = Number(row.epoch);
  const impersonator = claims.imp === undefined ? undefined : await runningImpersonation(db, claims.imp, row.id, epoch);
  if (impersonator === null) return { ended: "impersonation-ended" };

  const grants = await customerGrants(db, row.id, epoch);
  return {
    realm: "customer",
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    customerId: row.customerId,
    customerPath: row.customerPath,
    websiteId: row.websiteId,
    grants,
    ...(impersonator ? { impersonator } : {}),
  };
}

/**
 * The impersonation a session claims while it runs: not ended, not expired, its staff member still enabled, still
 * holding "Sign in as a customer user" and still reaching the user with it (a sales manager who no longer
 * represents the user's customer is signed out of it).
 */
async function runningImpersonation(
  db: DbClient,
  impersonationId: number,
  customerUserId: number,
  epoch: number,
): Promise<Impersonator | null> {
  const row = await db.impersonation.findFirst({
    where: { id: impersonationId, customerUserId, endedAt: null, expiresAt: { gt: new Date() }, staffUser: { enabled: true } },
    select: { id: true, reason: true, expiresAt: true, staffUser: { select: { id: true, firstName: true, lastName: true } } },
  });
  if (!row) return null;
  const { staffUser } = row;
  const reach = (await staffGrants(db, staffUser.id, epoch)).get("customerUser.impersonate");
  if (!reach) return null;
  if (
    reach === "REPRESENTED" &&
    !(await db.customerUser.count({ where: { id: customerUserId, customerSalesRepIds: { has: staffUser.id } } }))
  )
    return null;
  return {
    impersonationId: row.id,
    staffUserId: staffUser.id,
    staffName: `${staffUser.firstName} ${staffUser.lastName}`,
    reason: row.reason,
    expiresAt: row.expiresAt,
    reach,
  };
}

type StaffRow = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  sessionVersion: number;
  enabled: boolean;
  epoch: number;
  sessionOpen: boolean | null;
};

export async function loadStaffPrincipal(db: DbClient, claims: SessionClaims): Promise<StaffPrincipal | { ended: SessionEnd }> {
  const rows = await sessionQuery<StaffRow>(
    db,
    "roster_staff_session",
    `
    SELECT s."id", s."email", s."firstName", s."lastName", s."sessionVersion", s."enabled",
           (SELECT "value" FROM "Counter" WHERE "name" = 'authz') AS "epoch",
           (SELECT us."endedAt" IS NULL AND us."expiresAt" > now() FROM "UserSession" us
            WHERE us."id" = $2 AND us."staffUserId" = s."id") AS "sessionOpen"
    FROM "StaffUser" s WHERE s."id" = $1`,
    [claims.uid, claims.sid ?? null],
  );
  const row = rows[0];
  if (!row) return { ended: "revoked" };
  if (!row.enabled) return { ended: "disabled" };
  if (row.sessionVersion !== claims.sv) return { ended: "revoked" };
  if (claims.sid !== undefined && row.sessionOpen !== true) return { ended: "revoked" };

  const grants = await staffGrants(db, row.id, Number(row.epoch));
  return { realm: "staff", id: row.id, email: row.email, firstName: row.firstName, lastName: row.lastName, grants };
}

/** Bump the authorization epoch; call inside the transaction of any role, grant or assignment change. */
export async function bumpAuthzEpoch(tx: DbClient) {
  await tx.counter.update({ where: { name: "authz" }, data: { value: { increment: 1 } } });
}
