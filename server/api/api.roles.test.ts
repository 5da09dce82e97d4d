import { describe, expect, it } from "vitest";
import { api, db, tokenFor } from "../test/fixtures/api";

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
