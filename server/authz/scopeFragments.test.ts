import { describe, expect, it } from "vitest";
import type { CustomerPermission } from "./permissions";
import type { CustomerPrincipal, StaffPrincipal } from "./access";
import { customersReachedBy, roleScopeWhere, scopeWhere } from "./scope";

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
    expect(scopeWhere(staff("ALL"), "customerUser")).toStrictEqual({});
    expect(scopeWhere(staff("REPRESENTED"), "customerUser")).toStrictEqual({ customerSalesRepIds: { has: 7 } });
    expect(scopeWhere(staff(null), "customerUser")).toStrictEqual(nothing);
    expect(scopeWhere(customer("CUSTOMER"), "customerUser")).toStrictEqual({ customerId: 3 });
    expect(scopeWhere(customer("SUBTREE"), "customerUser")).toStrictEqual({ customerPath: { startsWith: "/1/3/" } });
    expect(scopeWhere(customer("OWN"), "customerUser")).toStrictEqual(nothing);
    const impersonated = customer("SUBTREE", {
      impersonationId: 1,
      staffUserId: 9,
      staffName: "",
      reason: "",
      expiresAt: new Date(0),
      reach: "REPRESENTED",
    });
    expect(scopeWhere(impersonated, "customerUser")).toStrictEqual({
      AND: [{ customerPath: { startsWith: "/1/3/" } }, { customerSalesRepIds: { has: 9 } }],
    });
    expect(scopeWhere({ ...impersonated, impersonator: { ...impersonated.impersonator!, reach: "ALL" } }, "customerUser")).toStrictEqual({
      customerPath: { startsWith: "/1/3/" },
    });
  });

  it("records and addresses", () => {
    expect(scopeWhere(customer("OWN"), "order")).toStrictEqual({ customerUserId: 5 });
    expect(scopeWhere(customer("CUSTOMER"), "order")).toStrictEqual({ customerId: 3 });
    expect(scopeWhere(customer("SUBTREE"), "order")).toStrictEqual({ customerPath: { startsWith: "/1/3/" } });
    expect(scopeWhere(staff("REPRESENTED"), "order")).toStrictEqual(represented);
    expect(scopeWhere(customer("CUSTOMER"), "customerUserAddress")).toStrictEqual({ customerUser: { customerId: 3 } });
    expect(scopeWhere(staff("REPRESENTED"), "customerUserAddress")).toStrictEqual({ customerUser: represented });
  });

  it("customers reached through another permission, and roles", () => {
    expect(customersReachedBy(customer("SUBTREE"), "customerUser.view", "customerUser.view")).toStrictEqual({
      path: { startsWith: "/1/3/" },
    });
    expect(customersReachedBy(staff("REPRESENTED"), "customerUser.view", "customerUser.view")).toStrictEqual(represented.customer);
    expect(roleScopeWhere(customer("CUSTOMER"), "view")).toStrictEqual({
      OR: [{ customerId: null, selfManaged: true, public: true }, { customer: { id: 3 } }],
    });
    expect(roleScopeWhere(customer("OWN"), "view")).toStrictEqual(nothing);
  });
});
