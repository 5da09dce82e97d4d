import { describe, expect, it } from "vitest";
import { staffCaller } from "../test/principals";
import { openApiDocument } from "./rest";
import { invalidCursorMessage } from "../schemas/grid";
import { api, db, tokenFor } from "../test/fixtures/api";

/** /api/v1 as a whole: the token's user, scope, paging, refusals, and the document describing it. */
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
