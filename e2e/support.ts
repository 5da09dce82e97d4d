import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../server/seed/demo";

export { DEMO_PASSWORD };

export async function signInAsStaff(page: Page, email = "admin@roster.test", password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in hashes a password and renders a whole page: give it room on a busy machine.
  await expect(page.getByTestId("staff-name")).toBeVisible({ timeout: 30_000 });
}

export async function signInAsCustomer(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible({ timeout: 30_000 });
}

/** A page in a browser context of its own: its own cookies, as a second person at another computer. */
export async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}
