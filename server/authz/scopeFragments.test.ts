import { describe, expect, it } from "vitest";
import type { CustomerPermission } from "./permissions";
import type { CustomerPrincipal, StaffPrincipal } from "./access";
import { scopeWhere } from "./scope";

/**
 * The fragments as the database's index plans expect them (the customer-user grid and the record lists use the
 * `customerPath` prefix and the `customerSalesRepIds` array index): changing their shape must be deliberate.
 */
describe("scopeWhere fragments", () => {
  const customer = (level: string, impersonator?: CustomerPrincipal["impersonator"]): CustomerPrincipal => ({
    realm: "customer",
    id: 5,
    email: "",
    firstName: "",
    lastName: "",
    customerId: 3,
    customerPath: "/1/3/",
    websiteId: null,
    grants: new Map([
      ["customerUser.view", level],
      ["order.view", level],
      ["customerUserAddress.view", level],
      ["customerUserRole.view", level],
    ] as [CustomerPermission, never][]),
    impersonator,
  });
  const staff = (scope: "ALL" | "REPRESENTED" | null): StaffPrincipal => ({
    realm: "staff",
    id: 7,
    email: "",
    firstName: "",
    lastName: "",
    grants: new Map(scope ? [["customerUser.view", scope] as const] : []),
  });
  const nothing = { id: { in: [] } };
  const represented = { customer: { salesRepresentatives: { some: { staffUserId: 7 } } } };

  it("customer users (the grid)", () => {
    expect(scopeWhere(staff("ALL"), "customerUser.view")).toStrictEqual({});
    expect(scopeWhere(staff("REPRESENTED"), "customerUser.view")).toStrictEqual({ customerSalesRepIds: { has: 7 } });
    expect(scopeWhere(staff(null), "customerUser.view")).toStrictEqual(nothing);
    expect(scopeWhere(customer("CUSTOMER"), "customerUser.view")).toStrictEqual({ customerId: 3 });
    expect(scopeWhere(customer("SUBTREE"), "customerUser.view")).toStrictEqual({ customerPath: { startsWith: "/1/3/" } });
    expect(scopeWhere(customer("OWN"), "customerUser.view")).toStrictEqual(nothing);
    const impersonated = customer("SUBTREE", {
      impersonationId: 1,
      staffUserId: 9,
      staffName: "",
      reason: "",
      expiresAt: new Date(0),
      reach: "REPRESENTED",
    });
    expect(scopeWhere(impersonated, "customerUser.view")).toStrictEqual({
      AND: [{ customerPath: { startsWith: "/1/3/" } }, { customerSalesRepIds: { has: 9 } }],
    });
    expect(
      scopeWhere({ ...impersonated, impersonator: { ...impersonated.impersonator!, reach: "ALL" } }, "customerUser.view"),
    ).toStrictEqual({
      customerPath: { startsWith: "/1/3/" },
    });
  });

  it("records and addresses", () => {
    expect(scopeWhere(customer("OWN"), "order.view")).toStrictEqual({ customerUserId: 5 });
    expect(scopeWhere(customer("CUSTOMER"), "order.view")).toStrictEqual({ customerId: 3 });
    expect(scopeWhere(customer("SUBTREE"), "order.view")).toStrictEqual({ customerPath: { startsWith: "/1/3/" } });
    expect(scopeWhere(staff("REPRESENTED"), "order.view")).toStrictEqual(represented);
    expect(scopeWhere(customer("CUSTOMER"), "customerUserAddress.view")).toStrictEqual({ customerUser: { customerId: 3 } });
    expect(scopeWhere(staff("REPRESENTED"), "customerUserAddress.view")).toStrictEqual({ customerUser: represented });
  });

  it("customers reached through another permission, and roles", () => {
    expect(scopeWhere(customer("SUBTREE"), "customer.listUsers")).toStrictEqual({
      path: { startsWith: "/1/3/" },
    });
    expect(scopeWhere(staff("REPRESENTED"), "customer.listUsers")).toStrictEqual(represented.customer);
    expect(scopeWhere(customer("CUSTOMER"), "customerUserRole.view")).toStrictEqual({
      OR: [{ customerId: null, selfManaged: true, public: true }, { customer: { id: 3 } }],
    });
    expect(scopeWhere(customer("OWN"), "customerUserRole.view")).toStrictEqual(nothing);
  });
});
