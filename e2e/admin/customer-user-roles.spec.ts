import { expect, test } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff } from "../support";

const suffix = () => Date.now().toString(36).slice(-5);

test("staff builds a role in the permission matrix, assigns it, and the user's permissions change", async ({ browser }) => {
  test.slow();
  const label = `Regional auditor ${suffix()}`;
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.getByRole("link", { name: "Customer User Roles" }).click();
  await expect(staff.getByRole("heading", { name: "Customer User Roles" })).toBeVisible();
  await staff.getByRole("link", { name: "New role" }).click();
  await expect(staff.getByRole("heading", { name: "New customer user role" })).toBeVisible();

  await staff.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await staff.getByLabel("Find a customer by name").fill("Acme East");
  const customer = staff.getByLabel("Customer", { exact: true });
  await expect(customer.locator("option", { hasText: "Acme East" })).toHaveCount(1);
  await customer.selectOption({ label: "Acme East (part of Acme Holding)" });
  await staff.getByLabel("Self-managed").check();

  // A whole row at once, a single cell, and a capability.
  await staff.getByLabel("Set all request for quote permissions").selectOption("CUSTOMER");
  await staff.getByLabel("Order: View").selectOption("SUBTREE");
  await staff.getByLabel("View the company audit log").check();
  // Customer-owned records take no User level: the cell does not offer it.
  await expect(staff.getByLabel("Customer user: View", { exact: true }).locator("option")).toHaveText(["None", "Department", "Corporate"]);
  await expect(staff.getByTestId("granted-count")).toHaveText("5 of 44 permissions granted");
  await staff.getByRole("button", { name: "Create role" }).click();

  await expect(staff.getByRole("heading", { name: label })).toBeVisible({ timeout: 30_000 });
  await expect(staff.getByTestId("role-details")).toContainText("Acme East");
  const matrix = staff.getByTestId("permission-matrix");
  await expect(matrix.locator('[data-permission="order.view"]')).toContainText("Corporate");
  await expect(matrix.locator('[data-permission="rfq.edit"]')).toContainText("Department");

  await staff.getByRole("button", { name: "Add users…" }).click();
  await staff.getByLabel("Add users").fill("ben.jansen");
  await staff.getByRole("button", { name: "Add Ben Jansen" }).click();
  await expect(staff.getByTestId("role-users")).toContainText("ben.jansen.2@example.test");

  const ben = await newPerson(browser);
  await signInAsCustomer(ben, "ben.jansen.2@example.test");
  const permissions = ben.getByTestId("effective-permissions");
  await expect(permissions.locator('[data-permission="audit.view"]')).toContainText(`${label} (Granted)`);
  await expect(permissions.locator('[data-permission="order.view"]')).toContainText("Corporate (customer and subsidiaries)");
  await expect(ben.getByRole("link", { name: "Audit log" })).toBeVisible();

  // Taken away again: the very next page shows it.
  await staff.getByRole("button", { name: "Remove the role from Ben Jansen" }).click();
  await expect(staff.getByTestId("role-users")).not.toContainText("ben.jansen.2@example.test");
  await ben.reload();
  await expect(ben.getByTestId("effective-permissions").locator('[data-permission="audit.view"]')).toHaveCount(0);
});

test("staff sees why a role cannot be deleted, and deletes one that can", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/admin/customer-user-roles");
  const grid = page.getByTestId("roles-grid");

  await grid.getByRole("button", { name: "Actions for Office manager" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page.getByRole("dialog").getByTestId("delete-refusal")).toHaveText(
    '"Office manager" is assigned to 1 user; remove it from them first.',
  );
  await page.getByRole("button", { name: "Cancel" }).click();

  // The predefined Buyer: a customer's own role may carry the same label (e2e/account/role-picker.spec.ts makes one).
  const predefinedBuyer = grid.getByRole("row", { name: /^Buyer Predefined/ });
  await predefinedBuyer.getByRole("button", { name: "Actions for Buyer" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page.getByRole("dialog").getByTestId("delete-refusal")).toHaveText('"Buyer" is a predefined role and cannot be deleted.');
  await page.getByRole("button", { name: "Cancel" }).click();

  // Clone the unused Office manager role, then delete the clone.
  const label = `Office temp ${suffix()}`;
  await grid.getByRole("button", { name: "Actions for Office manager" }).click();
  await page.getByRole("menuitem", { name: "Clone" }).click();
  await page.getByLabel("Label of the copy").fill(label);
  await page.getByRole("button", { name: "Clone", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Edit “${label}”` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("textbox", { name: "Label", exact: true })).toHaveValue(label);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: label })).toBeVisible();
  await expect(page.getByTestId("role-details")).toContainText("Copied from");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page).toHaveURL(/\/admin\/customer-user-roles$/);
  await expect(page.getByTestId("roles-grid")).not.toContainText(label);
});
