import { describe, expect, it } from "vitest";
import { api, db, tokenFor } from "../test/fixtures/api";

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
