import { describe, expect, it } from "vitest";
import { customerCatalogue, customerPermissionIndex, staffCatalogue, staffPermissionIndex } from "./permissions";

describe("the permission catalogue", () => {
  it("gives every entry of both realms a unique key, a label and a description the role editors can show", () => {
    for (const [catalogue, index] of [
      [customerCatalogue, customerPermissionIndex],
      [staffCatalogue, staffPermissionIndex],
    ] as const) {
      expect(index.size).toBe(catalogue.length);
      for (const info of catalogue) {
        expect(info.key).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
        expect(info.label.length).toBeGreaterThan(3);
        expect(info.description.length).toBeGreaterThan(10);
      }
    }
  });

  it("starts customer-owned entities at Department and gives user-owned ones all four levels", () => {
    expect(customerPermissionIndex.get("customerUser.view")?.levels).toEqual(["NONE", "CUSTOMER", "SUBTREE"]);
    expect(customerPermissionIndex.get("customerUserRole.assign")?.levels).toEqual(["NONE", "CUSTOMER", "SUBTREE"]);
    expect(customerPermissionIndex.get("order.view")?.levels).toEqual(["NONE", "OWN", "CUSTOMER", "SUBTREE"]);
    expect(customerPermissionIndex.get("shoppingList.setDefault")?.levels).toEqual(["NONE", "OWN", "CUSTOMER", "SUBTREE"]);
    expect(customerPermissionIndex.get("profile.update")?.levels).toEqual(["NONE", "GRANTED"]);
  });

  it("limits to represented customers only the staff permissions that are about customers", () => {
    expect(staffPermissionIndex.get("customerUser.edit")?.scoped).toBe(true);
    expect(staffPermissionIndex.get("customer.view")?.scoped).toBe(true);
    expect(staffPermissionIndex.get("staffRole.edit")?.scoped).toBe(false);
    expect(staffPermissionIndex.get("mailbox.view")?.scoped).toBe(false);
  });
});
