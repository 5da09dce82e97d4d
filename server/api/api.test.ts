import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDb } from "../test/db";
import { customerCaller, staffCaller } from "../test/principals";
import { CLIENT_ADDRESS_HEADER } from "../http";
import { handleTokenRequest } from "./oauth";
import { handleApiRequest, openApiDocument } from "./rest";
import { invalidCursorMessage } from "../schemas/grid";

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
  handleApiRequest(
    db,
    new Request(`http://roster.test/api/v1${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    }),
  );

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

    const both = await handleTokenRequest(
      db,
      form({ grant_type: "client_credentials", client_id: application.clientId }, basic(application.clientId, clientSecret)),
    );
    expect(await both.json()).toMatchObject({ error: "invalid_request" });

    const json = await handleTokenRequest(
      db,
      new Request("http://roster.test/api/oauth/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
    expect(await db.loginAttempt.count({ where: { source: "OAUTH", result: "BAD_CREDENTIALS" } })).toBe(2);
  });

  it("throttles guessing: a client locks after repeated failures", async () => {
    const { application, clientSecret } = await appFor("eddie.buyer@acme.test");
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) {
      last = await handleTokenRequest(
        db,
        form(
          { grant_type: "client_credentials" },
          { ...basic(application.clientId, `guess-${i}`), [CLIENT_ADDRESS_HEADER]: `10.9.0.${i}` },
        ),
      );
    }
    const right = await handleTokenRequest(
      db,
      form({ grant_type: "client_credentials" }, { ...basic(application.clientId, clientSecret), [CLIENT_ADDRESS_HEADER]: "10.9.1.1" }),
    );
    expect(last!.status).toBe(401);
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("refuses a deactivated application and a disabled user", async () => {
    const { application, clientSecret } = await appFor("lara.logistics@acme.test");
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: false } });
    expect(
      await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json(),
    ).toMatchObject({ error: "invalid_client" });
    await db.oAuthApplication.update({ where: { id: application.id }, data: { active: true } });
    await db.customerUser.update({ where: { id: application.customerUserId }, data: { enabled: false } });
    expect(
      await (await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)))).json(),
    ).toMatchObject({ error: "invalid_grant" });
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
    expect(first.nextCursor).toBe(String(first.items[1].id));
    const second = await (await api(`/orders?limit=2&cursor=${first.nextCursor}`, token)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    // `after`, the name the cursor had before, is still accepted.
    expect(await (await api(`/orders?limit=2&after=${first.nextCursor}`, token)).json()).toEqual(second);
    const tampered = await api(`/orders?limit=2&cursor=x${first.nextCursor}`, token);
    expect(tampered.status).toBe(400);
    expect((await tampered.json()).error.message).toBe(invalidCursorMessage);
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

describe("a live access token's lifetime", () => {
  const unauthorized = async (token: string) => {
    for (const path of ["/me", "/orders"]) {
      const response = await api(path, token);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "The access token is invalid or has expired." } });
    }
  };

  it("ends at once when staff delete its application, and when the user deletes their own", async () => {
    const erin = await tokenFor("erin.east@acme.test");
    expect((await api("/me", erin.token)).status).toBe(200);
    await (await staffCaller(db, "admin@roster.test")).admin.oauthApps.delete({ id: erin.application.id });
    await unauthorized(erin.token);
    expect(await db.oAuthAccessToken.count({ where: { applicationId: erin.application.id } })).toBe(0);

    const amanda = await tokenFor("amanda.admin@acme.test");
    expect((await api("/me", amanda.token)).status).toBe(200);
    await (await customerCaller(db, "amanda.admin@acme.test")).account.apiAccess.delete({ id: amanda.application.id });
    await unauthorized(amanda.token);
  });

  it("ends at once when staff or the company's administrator disable the token's user", async () => {
    const gary = await tokenFor("gary.buyer@globex.test");
    expect((await api("/orders", gary.token)).status).toBe(200);
    const admin = await staffCaller(db, "admin@roster.test");
    await admin.admin.customerUsers.setEnabled({ id: gary.application.customerUserId, enabled: false });
    await unauthorized(gary.token);
    await admin.admin.customerUsers.setEnabled({ id: gary.application.customerUserId, enabled: true });

    const wendy = await tokenFor("wendy.buyer@acme.test");
    expect((await api("/me", wendy.token)).status).toBe(200);
    const walter = await customerCaller(db, "walter.west@acme.test");
    await walter.account.users.setEnabled({ id: wendy.application.customerUserId, enabled: false });
    await unauthorized(wendy.token);
    await walter.account.users.setEnabled({ id: wendy.application.customerUserId, enabled: true });
  });

  it("ends when it expires, though its application lives on", async () => {
    const { token, application, clientSecret } = await tokenFor("bob.buyer@acme.test");
    await db.oAuthAccessToken.updateMany({ where: { applicationId: application.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await unauthorized(token);
    const fresh = await handleTokenRequest(db, form({ grant_type: "client_credentials" }, basic(application.clientId, clientSecret)));
    expect((await api("/me", (await fresh.json()).access_token)).status).toBe(200);
  });
});

describe("/api/v1/users", () => {
  const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const idOf = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
  const newUser = async (customerName: string, overrides: Record<string, unknown> = {}) => ({
    enabled: true,
    firstName: "Api",
    lastName: "Created",
    email: `api.${Math.random().toString(36).slice(2, 8)}@users.test`,
    customerId: (await db.customer.findFirstOrThrow({ where: { name: customerName } })).id,
    websiteId: (await db.website.findUniqueOrThrow({ where: { code: "default" } })).id,
    localizationId: (await db.localization.findUniqueOrThrow({ where: { code: "en" } })).id,
    roleIds: [(await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id],
    generatePassword: true,
    ...overrides,
  });

  it("lists the users within the token's user's scope, filtered, and shows one", async () => {
    const { token } = await tokenFor("walter.west@acme.test");
    const response = await api("/users?limit=100&sort=email&enabled=true", token);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(new Set(page.items.map((u: { customer: { name: string } }) => u.customer.name))).toEqual(
      new Set(["Acme West", "Acme West Logistics"]),
    );
    expect(page.items.every((u: { enabled: boolean }) => u.enabled)).toBe(true);
    const emails = page.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    const wendy = await api(`/users/${await idOf("wendy.buyer@acme.test")}`, token);
    expect(wendy.status).toBe(200);
    expect(await wendy.json()).toMatchObject({ email: "wendy.buyer@acme.test", roles: [{ label: "Buyer" }] });
  });

  it("answers 404 for another customer's user and for a parent company's", async () => {
    const { token } = await tokenFor("walter.west@acme.test");
    for (const email of ["gary.buyer@globex.test", "amanda.admin@acme.test"]) {
      const response = await api(`/users/${await idOf(email)}`, token);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Customer user not found." } });
    }
  });

  it("creates and saves users, refusing bad input with 400 and field errors, and nothing written", async () => {
    const { token } = await tokenFor("walter.west@acme.test");
    const input = await newUser("Acme West Logistics");
    const created = await api("/users", token, json("POST", input));
    expect(created.status).toBe(200);
    const { id } = await created.json();
    const user = await db.customerUser.findUniqueOrThrow({ where: { id } });
    const saved = await api(`/users/${id}`, token, json("PUT", { ...input, id: undefined, firstName: "Renamed", version: user.version }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ id, version: user.version + 1 });

    const users = await db.customerUser.count();
    const bad = await api("/users", token, json("POST", { ...(await newUser("Acme West")), email: "not-an-email", firstName: "" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "BAD_REQUEST", fieldErrors: { email: expect.any(Array), firstName: expect.any(Array) } },
    });
    expect((await api("/users?limit=5000", token)).status).toBe(400);
    const stale = await api(`/users/${id}`, token, json("PUT", { ...input, firstName: "Again", version: user.version }));
    expect(stale.status).toBe(409);
    expect(await db.customerUser.count()).toBe(users);
  });

  it("refuses with 403 roles beyond the token's user's own grants, naming the permission, and a buyer altogether", async () => {
    const east = await db.customer.findFirstOrThrow({ where: { name: "Acme East" } });
    const office = await db.customerUserRole.create({
      data: {
        code: "API_TEST_OFFICE",
        label: "Office (API test)",
        customerId: east.id,
        permissions: {
          createMany: {
            data: ["customerUser.view", "customerUser.create", "customerUser.edit", "customerUserRole.assign"].map((permission) => ({
              permission,
              level: "CUSTOMER" as const,
            })),
          },
        },
      },
    });
    await db.customerUser.create({
      data: {
        email: "olive.office@acme.test",
        firstName: "Olive",
        lastName: "Office",
        confirmedAt: new Date(),
        customerId: east.id,
        customerPath: east.path,
        roles: { create: { roleId: office.id } },
      },
    });
    const { token } = await tokenFor("olive.office@acme.test");
    const admin = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } })).id;
    const users = await db.customerUser.count();
    const response = await api("/users", token, json("POST", await newUser("Acme East", { roleIds: [admin] })));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain('"View customer user" at Corporate (you hold Department)');

    const buyer = await tokenFor("eddie.buyer@acme.test");
    const asBuyer = await api("/users", buyer.token, json("POST", await newUser("Acme East")));
    expect(asBuyer.status).toBe(403);
    expect(await db.customerUser.count()).toBe(users);
  });
});

describe("/api/v1/roles", () => {
  const customerRole = async (customerName: string, label: string) => {
    const customer = await db.customer.findFirstOrThrow({ where: { name: customerName } });
    return db.customerUserRole.create({
      data: {
        code: `API_TEST_${label.toUpperCase().replace(/\W+/g, "_")}`,
        label,
        customerId: customer.id,
        selfManaged: true,
        permissions: { create: { permission: "order.view", level: "CUSTOMER" } },
      },
    });
  };
  type RolePage = { items: { id: number; label: string }[]; nextCursor: string | null; count: { value: number } };

  it("lists the roles within the token's user's level page by page, filters them, and shows one with its grants", async () => {
    await customerRole("Acme West Logistics", "Logistics planner");
    const { token } = await tokenFor("walter.west@acme.test");
    const labels: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api(`/roles?limit=2${cursor ? `&cursor=${cursor}` : ""}`, token);
      expect(response.status).toBe(200);
      const page = (await response.json()) as RolePage;
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.count.value).toBe(3);
      labels.push(...page.items.map((r) => r.label));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(labels).toEqual(["Administrator", "Buyer", "Logistics planner"]);

    const own = (await (await api("/roles?owner=customer&selfManaged=true", token)).json()) as RolePage;
    expect(own.items.map((r) => r.label)).toEqual(["Logistics planner"]);
    const predefined = (await (await api("/roles?owner=predefined&sort=label&dir=desc", token)).json()) as RolePage;
    expect(predefined.items.map((r) => r.label)).toEqual(["Buyer", "Administrator"]);

    const buyerId = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id;
    const buyer = await api(`/roles/${buyerId}`, token);
    expect(buyer.status).toBe(200);
    const role = await buyer.json();
    expect(role).toMatchObject({ id: buyerId, label: "Buyer", customer: null, can: { clone: true } });
    expect(role.permissions).toContainEqual({ permission: "order.view", level: "OWN" });
    // Holders counted are the ones the token's user sees: Acme West's and its subsidiary's.
    const westPath = (await db.customer.findFirstOrThrow({ where: { name: "Acme West" } })).path;
    expect(role.users).toBe(
      await db.customerUserRoleAssignment.count({ where: { roleId: buyerId, customerUser: { customerPath: { startsWith: westPath } } } }),
    );
  });

  it("answers 404 for another company's role and a parent company's, and a Department-level user sees no subsidiary's", async () => {
    const globex = await customerRole("Globex Industries", "Globex planner");
    const holding = await customerRole("Acme Holding", "Holding planner");
    const logistics = await db.customerUserRole.findFirstOrThrow({ where: { label: "Logistics planner" } });
    const west = await tokenFor("walter.west@acme.test");
    for (const id of [globex.id, holding.id]) {
      const response = await api(`/roles/${id}`, west.token);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Role not found." } });
    }
    const listed = (await (await api("/roles?limit=100", west.token)).json()) as RolePage;
    expect(listed.items.map((r) => r.label)).not.toContain("Globex planner");
    expect(listed.items.map((r) => r.label)).not.toContain("Holding planner");

    // Dana holds customerUserRole.view at Department level (Acme East only).
    const dana = await tokenFor("dana.department@acme.test");
    const danas = (await (await api("/roles?owner=customer&limit=100", dana.token)).json()) as RolePage;
    expect(danas.items.map((r) => r.label)).toContain("Office manager");
    expect(danas.items.map((r) => r.label)).not.toContain("Logistics planner");
    expect((await api(`/roles/${logistics.id}`, dana.token)).status).toBe(404);
  });

  it("is refused (403) to a user whose roles lack customerUserRole.view, and bad input is 400", async () => {
    const buyer = await tokenFor("eddie.buyer@acme.test");
    const buyerId = (await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } })).id;
    for (const path of ["/roles", `/roles/${buyerId}`]) {
      const response = await api(path, buyer.token);
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
    const { token } = await tokenFor("walter.west@acme.test");
    const tooMany = await api("/roles?limit=5000", token);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ error: { code: "BAD_REQUEST", fieldErrors: { limit: expect.any(Array) } } });
    const badCursor = await api("/roles?cursor=not-a-cursor", token);
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.message).toContain("page link is not valid");
    expect((await api("/roles/0", token)).status).toBe(400);
  });
});

describe("the OpenAPI document", () => {
  it("describes every exposed procedure with its parameters", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(
      [
        "/me",
        "/orders",
        "/orders/{id}",
        "/quotes",
        "/quotes/{id}",
        "/rfqs",
        "/roles",
        "/roles/{id}",
        "/rfqs/{id}",
        "/shopping-lists",
        "/shopping-lists/{id}",
        "/users",
        "/users/{id}",
      ].sort(),
    );
    expect(Object.keys(doc.paths!["/users"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths!["/users/{id}"]!).sort()).toEqual(["get", "put"]);
    const params = (doc.paths!["/orders"]!.get!.parameters ?? []) as { name: string }[];
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(["cursor", "limit", "status", "search"]));
    expect(Object.keys(doc.paths!["/roles"]!)).toEqual(["get"]);
    const roleParams = (doc.paths!["/roles"]!.get!.parameters ?? []) as { name: string }[];
    expect(roleParams.map((p) => p.name)).toEqual(
      expect.arrayContaining(["cursor", "limit", "sort", "dir", "label", "owner", "selfManaged"]),
    );
  });
});
