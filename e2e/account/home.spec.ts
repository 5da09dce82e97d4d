import { expect, test } from "@playwright/test";
import { signInAsCustomer } from "../support";

test("a customer user signs in and sees who they are, their company and their permissions", async ({ page }) => {
  await signInAsCustomer(page, "walter.west@acme.test");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("me-name")).toHaveText("Walter West");
  await expect(page.getByTestId("me-customer")).toHaveText("Acme West");
  const viewUsers = page.getByTestId("effective-permissions").locator('[data-permission="customerUser.view"]');
  await expect(viewUsers).toContainText("Corporate (customer and subsidiaries)");
  await expect(viewUsers).toContainText("Administrator (Corporate)");
});

test("the account area needs a customer session, and a staff session is not one", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill("admin@roster.test");
  await page.getByLabel("Password").fill("Roster-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("staff-name")).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
});
