import { assertNotImpersonating } from "./customerUsers/impersonation";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db, DbClient } from "../db";
import { loadCustomerPrincipal, type CustomerPrincipal, type Principal } from "../authz/access";
import { scopeWhere } from "../authz/scope";
import { notFound } from "../errors";
import type { LoginResult } from "../generated/prisma/enums";
import { recordAudit } from "./audit/record";
import { clear, lockedUntil, registerFailure, rules } from "./identity/rateLimit";

/**
 * OAuth 2.0 applications of customer users (client credentials grant): an application acts as its customer user,
 * with that user's permissions, through /api/v1. The secret is shown once and stored only as a SHA-256 hash
 * (it is 256 random bits, so a slow hash adds nothing); access tokens likewise.
 */
export const ACCESS_TOKEN_SECONDS = 3600;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

const applicationSelect = {
  id: true,
  name: true,
  clientId: true,
  active: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
  customerUserId: true,
  createdByStaff: { select: { firstName: true, lastName: true } },
} as const;

/** The customer user whose applications the actor may manage: staff by scope, a customer user only themselves. */
async function ownerInScope(db: DbClient, actor: Principal, customerUserId: number) {
  const where =
    actor.realm === "staff"
      ? { id: customerUserId, ...scopeWhere(actor, "customerUser.manageApps") }
      : { id: actor.id === customerUserId ? customerUserId : -1 };
  const user = await db.customerUser.findFirst({ where, select: { id: true, customerPath: true } });
  if (!user) throw notFound("Customer user");
  return user;
}

async function applicationInScope(db: DbClient, actor: Principal, id: number) {
  const app = await db.oAuthApplication.findFirst({
    where: {
      id,
      customerUser: scopeWhere(actor, "customerUser.manageApps"),
    },
    select: { ...applicationSelect, customerUser: { select: { id: true, customerPath: true } } },
  });
  if (!app) throw notFound("Application");
  return app;
}

export async function listApplications(db: DbClient, actor: Principal, customerUserId: number) {
  const user = await ownerInScope(db, actor, customerUserId);
  return db.oAuthApplication.findMany({ where: { customerUserId: user.id }, select: applicationSelect, orderBy: { id: "desc" } });
}

/** Creates an application; the returned `clientSecret` is never retrievable again. */
export async function createApplication(
  db: Db,
  actor: Principal,
  input: { customerUserId: number; name: string; expiresAt?: Date | null },
) {
  // API credentials act as the user for months: only the user (or staff in the back office) creates them.
  assertNotImpersonating(actor, "create API credentials for themselves");
  return db.$transaction(async (tx) => {
    const user = await ownerInScope(tx, actor, input.customerUserId);
    const clientId = `rst_${randomBytes(12).toString("hex")}`;
    const clientSecret = randomBytes(32).toString("base64url");
    const application = await tx.oAuthApplication.create({
      data: {
        name: input.name,
        clientId,
        secretHash: sha256(clientSecret),
        customerUserId: user.id,
        createdByStaffId: actor.realm === "staff" ? actor.id : null,
        expiresAt: input.expiresAt ?? null,
      },
      select: applicationSelect,
    });
    await recordAudit(tx, actor, {
      action: "oauthApp.create",
      entityType: "OAuthApplication",
      entityId: application.id,
      customerPath: user.customerPath,
      subjectUserId: user.id,
      after: { name: application.name, clientId, customerUserId: user.id, expiresAt: application.expiresAt?.toISOString() ?? null },
    });
    return { application, clientSecret };
  });
}

/** Deactivating revokes every token of the application at once; activating does not bring old tokens back. */
export async function setApplicationActive(db: Db, actor: Principal, input: { id: number; active: boolean }) {
  assertNotImpersonating(actor, "change their API credentials");
  return db.$transaction(async (tx) => {
    const app = await applicationInScope(tx, actor, input.id);
    const updated = await tx.oAuthApplication.update({ where: { id: app.id }, data: { active: input.active }, select: applicationSelect });
    if (!input.active)
      await tx.oAuthAccessToken.updateMany({ where: { applicationId: app.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: input.active ? "oauthApp.activate" : "oauthApp.deactivate",
      entityType: "OAuthApplication",
      entityId: app.id,
      customerPath: app.customerUser.customerPath,
      subjectUserId: app.customerUser.id,
      before: { active: app.active },
      after: { active: input.active },
    });
    return updated;
  });
}

export async function deleteApplication(db: Db, actor: Principal, id: number) {
  assertNotImpersonating(actor, "change their API credentials");
  await db.$transaction(async (tx) => {
    const app = await applicationInScope(tx, actor, id);
    await tx.oAuthApplication.delete({ where: { id: app.id } });
    await recordAudit(tx, actor, {
      action: "oauthApp.delete",
      entityType: "OAuthApplication",
      entityId: app.id,
      customerPath: app.customerUser.customerPath,
      subjectUserId: app.customerUser.id,
      before: { name: app.name, clientId: app.clientId },
    });
  });
  return { id };
}

// ------------------------------------------------------------------------------------- the token endpoint

export type TokenOutcome =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; error: "invalid_client" | "invalid_grant" | "temporarily_unavailable"; description: string };

function sameSecret(stored: string, presented: string) {
  const a = Buffer.from(stored, "hex");
  const b = Buffer.from(sha256(presented), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Client credentials grant: authenticates the client, checks its user still may act, issues an expiring token. */
export async function issueAccessToken(
  db: DbClient,
  request: { clientId: string; clientSecret: string; ip: string | null; userAgent: string | null },
): Promise<TokenOutcome> {
  const keys = [`oauth:client:${request.clientId}`, ...(request.ip ? [`oauth:ip:${request.ip}`] : [])];
  if (await lockedUntil(db, keys)) {
    return { ok: false, error: "temporarily_unavailable", description: "Too many failed attempts. Try again later." };
  }
  const app = await db.oAuthApplication.findUnique({
    where: { clientId: request.clientId },
    select: {
      id: true,
      secretHash: true,
      active: true,
      expiresAt: true,
      customerUser: {
        select: { id: true, email: true, enabled: true, authStatus: true, erasedAt: true, customer: { select: { enabled: true } } },
      },
    },
  });
  const record = (result: LoginResult) =>
    db.loginAttempt.create({
      data: {
        realm: "CUSTOMER",
        source: "OAUTH",
        result,
        email: app?.customerUser.email ?? request.clientId.slice(0, 100),
        customerUserId: app?.customerUser.id ?? null,
        ip: request.ip?.slice(0, 64),
        userAgent: request.userAgent?.slice(0, 512),
      },
    });

  if (!app || !sameSecret(app.secretHash, request.clientSecret)) {
    await registerFailure(db, keys[0]!, rules.oauthClient);
    if (keys[1]) await registerFailure(db, keys[1], rules.oauthIp);
    await record("BAD_CREDENTIALS");
    return { ok: false, error: "invalid_client", description: "Client authentication failed." };
  }
  if (!app.active || (app.expiresAt && app.expiresAt <= new Date())) {
    await record("DISABLED");
    return { ok: false, error: "invalid_client", description: "This application is deactivated or has expired." };
  }
  const user = app.customerUser;
  const refusal: [LoginResult, string] | null =
    !user.enabled || user.erasedAt
      ? ["DISABLED", "The application's user is disabled."]
      : !user.customer.enabled
        ? ["CUSTOMER_DISABLED", "The application's customer is disabled."]
        : user.authStatus !== "ACTIVE"
          ? ["PASSWORD_RESET", "The application's user must reset their password first."]
          : null;
  if (refusal) {
    await record(refusal[0]);
    return { ok: false, error: "invalid_grant", description: refusal[1] };
  }

  const accessToken = randomBytes(32).toString("base64url");
  await db.oAuthAccessToken.create({
    data: { tokenHash: sha256(accessToken), applicationId: app.id, expiresAt: new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000) },
  });
  await db.oAuthApplication.update({ where: { id: app.id }, data: { lastUsedAt: new Date() } });
  await clear(db, [keys[0]!]);
  await record("SUCCESS");
  return { ok: true, accessToken, expiresIn: ACCESS_TOKEN_SECONDS };
}

/**
 * The customer user an access token acts for, checked on every request: the token (expiry, revocation, issued
 * after the user's password last changed), its application (active, not expired) and the user and customer (as a
 * session would be). Null when any fails.
 */
export async function authenticateAccessToken(db: DbClient, raw: string): Promise<CustomerPrincipal | null> {
  const token = await db.oAuthAccessToken.findUnique({
    where: { tokenHash: sha256(raw) },
    select: {
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      application: {
        select: { active: true, expiresAt: true, customerUserId: true, customerUser: { select: { passwordChangedAt: true } } },
      },
    },
  });
  const now = new Date();
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  const app = token.application;
  if (!app.active || (app.expiresAt && app.expiresAt <= now)) return null;
  // A password change ends everything signed in with the old one: the application gets a new token with its secret.
  const changed = app.customerUser.passwordChangedAt;
  if (changed && token.createdAt < changed) return null;
  const principal = await loadCustomerPrincipal(db, { uid: app.customerUserId, sv: null });
  return "ended" in principal ? null : principal;
}
