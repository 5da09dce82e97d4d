import { assertNotImpersonating } from "../customerUsers/impersonation";
import { createHash, randomBytes } from "node:crypto";
import type { Db, DbClient } from "../../db";
import type { Principal } from "../../authz/access";
import { scopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/record";

/**
 * OAuth 2.0 applications of customer users (client credentials grant): an application acts as its customer user,
 * with that user's permissions, through /api/v1. The secret is shown once and stored only as a SHA-256 hash
 * (it is 256 random bits, so a slow hash adds nothing); access tokens likewise.
 */

/** Secrets and tokens are stored only as this hash (see above); accessTokens.ts reads it too. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

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
