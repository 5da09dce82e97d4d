import { driverOf, type DbClient } from "../db";
import { customerGrants, staffGrants, type CustomerGrants, type StaffGrants } from "./effectiveGrants";
import { staffCatalogue, type CustomerPermission, type Level, type StaffPermission, type StaffScope } from "./permissions";

/** Who acts: a customer user or a staff member, with their effective grants (effectiveGrants.ts). */
export {
  accumulateCustomerGrants,
  accumulateStaffGrants,
  clearGrantCache,
  customerGrants,
  staffGrants,
  type CustomerGrants,
  type StaffGrants,
} from "./effectiveGrants";

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
