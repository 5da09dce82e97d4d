import { expect, type Page } from "@playwright/test";

/** Opens a customer user's page from the grid, as staff would: search, then the user's email. */
export async function openCustomerUser(page: Page, email: string) {
  await page.goto(`/admin/customer-users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
}
