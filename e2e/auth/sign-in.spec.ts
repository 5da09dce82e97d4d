import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../support";

async function attempt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a wrong password shows the same error as an unknown email", async ({ page }) => {
  await attempt(page, "bob.buyer@acme.test", "not-the-password-1");
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");
  await expect(page.getByLabel("Email")).toHaveValue("bob.buyer@acme.test");
  await attempt(page, "nobody@nowhere.test", "not-the-password-1");
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");
  await expect(page).toHaveURL(/\/login$/);
});

test("a disabled user cannot sign in", async ({ page }) => {
  await attempt(page, "carl.disabled@acme.test", DEMO_PASSWORD);
  await expect(page.getByTestId("sign-in-error")).toHaveText("This account is disabled. Please contact your administrator.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unconfirmed user is asked to confirm first", async ({ page }) => {
  await attempt(page, "una.unconfirmed@acme.test", DEMO_PASSWORD);
  await expect(page.getByTestId("sign-in-error")).toContainText("Please confirm your email address first");
});

test("staff credentials do not open the storefront, nor customer credentials the back office", async ({ page }) => {
  await attempt(page, "admin@roster.test", DEMO_PASSWORD);
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill("bob.buyer@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");
});
