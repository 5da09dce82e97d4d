import { expect, test } from "@playwright/test";
import { signInAsStaff } from "../support";

test("staff signs in and sees the customer users, pages and searches them", async ({ page }) => {
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/admin\/customer-users$/);
  await expect(page.getByRole("heading", { name: "Customer Users" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  await expect(page.getByRole("cell", { name: "amanda.admin@acme.test" })).toBeVisible();

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(page.getByRole("cell", { name: "amanda.admin@acme.test" })).toHaveCount(0);

  await page.getByLabel("Search by name or email").fill("globex");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=globex/);
  await expect(page.getByRole("cell", { name: "gina.globex@globex.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "amanda.admin@acme.test" })).toHaveCount(0);
});

test("a sales manager sees only the customers they represent and no System menu they lack", async ({ page }) => {
  await signInAsStaff(page, "sales@roster.test");
  await page.getByLabel("Search by name or email").fill("buyer");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("cell", { name: "bob.buyer@acme.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "eddie.buyer@acme.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "gary.buyer@globex.test" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
});

test("staff signs out", async ({ page }) => {
  await signInAsStaff(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto("/admin/customer-users");
  await expect(page).toHaveURL(/\/admin\/login/);
});
