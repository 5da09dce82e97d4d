import { randomBytes, timingSafeEqual } from "node:crypto";
import type { DbClient } from "../../db";
import { loadCustomerPrincipal, type CustomerPrincipal } from "../../authz/access";
import type { LoginResult } from "../../generated/prisma/enums";
import { clear, lockedUntil, registerFailure, rules } from "../identity/rateLimit";
import { sha256 } from "./applications";

// The client credentials grant: an application's secret traded for a short-lived access token, and that token
// read back on /api/v1.

export const ACCESS_TOKEN_SECONDS = 3600;

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
