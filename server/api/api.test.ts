import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { staffCaller } from "../test/principals";
import { handleTokenRequest } from "./oauth";
import { handleApiRequest, openApiDocument } from "./rest";

/** The token endpoint and /api/v1 over HTTP (Request in, Response out), against a real database. */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request("http://roster.test/api/oauth/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` });
const api = (path: string, token?: string, init: RequestInit = {}) =>
  handleApiRequest(db, new Request(`http://roster.test/api/v1${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } }));

async function appFor(email: string, name = "App") {
  const admin = await staffCaller(db, "admin@roster.test");
  const user = await db.customerUser.findUniqueOrThrow({ where: { email } });
  return admin.admin.oauthApps.create({ customerUserId: user.id, name });
}

async function tokenFor(email: string) {
  const { application, clientSecret } = await appFor(email);
  const response = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)));
  expect(response.status).toBe(200);
  return { token: (await response.json()).access_token as string, application, clientSecret };
}

describe("POST /api/oauth/token", () => {
  it("issues an expiring bearer token for Basic or form credentials, never cached", async () => {
    const { application, clientSecret } = await appFor("bob.buyer@acme.test");
    for (const request of [
      form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)),
      form({ grant_type: "client_credentials", client_id: application.clientId, client_secret: clientSecret }),
    ]) {
      const response = await handleTokenRequest(db, request);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ token_type: "Bearer", expires_in: 3600, access_token: expect.any(String) });
    }
    const stored = await db.oAuthAccessToken.findMany({ where: { applicationId: application.id } });
    expect(stored).toHaveLength(2);
    expect(stored[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("answers the standard errors", async () => {
    const { application, clientSecret } = await appFor("bob.buyer@acme.test");
    const wrongSecret = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, "nope")));
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get("www-authenticate")).toContain("Basic");
    expect(await wrongSecret.json()).toMatchObject({ error: "invalid_client" });

    const unknown = await handleTokenRequest(db, form({ grant_type: "client_credentials", client_id: "rst_unknown", client_secret: "x" }));
    expect(await unknown.json()).toMatchObject({ error: "invalid_client" });

    const grant = await handleTokenRequest(db, form({ grant_type: "password" }, basic(application.clientId, clientSecret)));
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });

    const missing = await handleTokenRequest(db, form({}, basic(application.clientId, clientSecret)));
    expect(await missing.json()).toMatchObject({ error: "invalid_request" });

    const both = await handleTokenRequest(db, form({ grant_type: "client_credentials", client_id: application.clientId }, basic(application.clientId, clientSecret)));
    expect(await both.json()).toMatchObject({ error: "invalid_request" });

    const json = await handleTokenRequest(db, new Request("http://roster.test/api/oauth/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
    expect(await db.loginAttempt.count({ where: { source: "OAUTH", result: "BAD_CREDENTIALS" } })).toBe(2);
  });

  it("throttles guessing: a client locks after repeated failures", async () => {
    const { application, clientSecret } = await appFor("eddie.buyer@acme.test");
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) {
      last = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, { ...basic(application.clientId, `guess-${i}`), "x-forwarded-for": `10.9.0.${i}` }));
    }
    const right = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, { ...basic(application.clientId, clientSecret), "x-forwarded-for": "10.9.1.1" }));
    expect(last!.status).toBe(401);
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("refuses a deactivated application and a disabled user", async () => {
    const { application, clientSecret } = await appFor("lara.logistics@acme.test");
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: false } });
    expect(await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json()).toMatchObject({ error: "invalid_client" });
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: true } });
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { enabled: false } });
    expect(await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json()).toMatchObject({ error: "invalid_grant" });
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { enabled: true } });
  });
});

describe("/api/v1", () => {
  it("serves the token's user's profile and scopes records: a buyer sees only their own orders", async () => {
    const { token } = await tokenFor("bob.buyer@acme.test");
    const me = await api("/me", token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: "bob.buyer@acme.test", customer: { name: "Acme Holding" } });

    const orders = await (await api("/orders?limit=50", token)).json();
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    expect(orders.items.length).toBe(await db.order.count({ where: { customerUserId: bob.id } }));
    expect(orders.items.every((o: { customerUser: { id: number } }) => o.customerUser.id === bob.id)).toBe(true);
  });

  it("pages with a cursor and filters by status", async () => {
    const { token } = await tokenFor("amanda.admin@acme.test");
    const first = await (await api("/orders?limit=2", token)).json();
    expect(first.items).toHaveLength(2);
    const second = await (await api(`/orders?limit=2&after=${first.nextCursor}`, token)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    const shipped = await (await api("/orders?status=SHIPPED&limit=50", token)).json();
    expect(shipped.items.every((o: { status: string }) => o.status === "SHIPPED")).toBe(true);
  });

  it("answers 404 for another customer's record and 400 with field errors for bad input", async () => {
    const { token } = await tokenFor("gina.globex@globex.test");
    const acme = await db.order.findFirstOrThrow({ where: { customer: { name: "Acme Holding" } } });
    const foreign = await api(`/orders/${acme.id}`, token);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: { code: "NOT_FOUND", message: "Order not found." } });
    const bad = await api("/orders?limit=5000", token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", fieldErrors: { limit: expect.any(Array) } } });
  });

  it("refuses missing, unknown and revoked tokens, and stops a token at once when its user or customer is disabled", async () => {
    expect((await api("/me")).status).toBe(401);
    expect((await api("/me", "not-a-token")).status).toBe(401);

    const { token, application } = await tokenFor("wendy.buyer@acme.test");
    expect((await api("/me", token)).status).toBe(200);
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { authStatus: "RESET" } });
    expect((await api("/me", token)).status).toBe(401);
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { authStatus: "ACTIVE" } });
    const west = await db.customer.findFirstOrThrow({ where: { name: "Acme West" } });
    await db.customer.update({ where: { id: west.id }, data: { enabled: false } });
    expect((await api("/me", token)).status).toBe(401);
    await db.customer.update({ where: { id: west.id }, data: { enabled: true } });
    expect((await api("/me", token)).status).toBe(200);

    const admin = await staffCaller(db, "admin@roster.test");
    await admin.admin.oauthApps.setActive({ id: application.id, active: false });
    expect((await api("/me", token)).status).toBe(401);
  });

  it("is refused where the user's roles lack the permission (403), and unknown routes are 404", async () => {
    const { token } = await tokenFor("eddie.buyer@acme.test");
    const buyer = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } });
    await db.$transaction(async (tx) => {
      await tx.rolePermission.delete({ where: { roleId_permission: { roleId: buyer.id, permission: "quote.view" } } });
      await tx.counter.update({ where: { name: "authz" }, data: { value: { increment: 1 } } });
    });
    const quotes = await api("/quotes", token);
    expect(quotes.status).toBe(403);
    expect((await quotes.json()).error.code).toBe("FORBIDDEN");
    expect((await api("/nothing-here", token)).status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes every exposed procedure with its parameters", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(
      ["/me", "/orders", "/orders/{id}", "/quotes", "/quotes/{id}", "/rfqs", "/rfqs/{id}", "/shopping-lists", "/shopping-lists/{id}"].sort(),
    );
    const params = (doc.paths!["/orders"]!.get!.parameters ?? []) as { name: string }[];
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(["after", "limit", "status", "search"]));
  });
});
