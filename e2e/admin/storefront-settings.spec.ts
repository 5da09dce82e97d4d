import { expect, test, type Page } from "@playwright/test";
import { NEW_PASSWORD, newPerson, signInAsStaff, uniqueEmail } from "../support";

/**
 * These journeys change what every visitor of the storefront sees (registration open or not, the consents asked
 * for), so they run on their own after all other journeys (see playwright.config.ts), one after the other, and
 * leave the settings as they found them. To run this file alone: `npx playwright test --no-deps <this file>`.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

async function saveRegistrationAllowed(admin: Page, allowed: boolean) {
  await admin.goto("/admin/settings");
  const box = admin.getByRole("checkbox", { name: /^Registration allowed/ });
  await (allowed ? box.check() : box.uncheck());
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(toast(admin, "Settings saved. The storefront uses them from now on.")).toBeVisible();
}

test("turning registration off closes the register page at once, and turning it on opens it again", async ({ browser }) => {
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  const visitor = await newPerson(browser);
  try {
    await saveRegistrationAllowed(admin, false);
    await visitor.goto("/register");
    await expect(visitor.getByTestId("registration-closed")).toHaveText(
      "Registration is not open on this website. Please contact us to get an account.",
    );
    await expect(visitor.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await visitor.goto("/login");
    await expect(visitor.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  } finally {
    await saveRegistrationAllowed(admin, true);
  }
  await visitor.goto("/register");
  await expect(visitor.getByRole("button", { name: "Create account" })).toBeVisible();
  await visitor.goto("/login");
  await expect(visitor.getByRole("link", { name: "Create an account" })).toBeVisible();
});

test("a new mandatory consent is asked for at registration and must be accepted; deactivated, it is gone", async ({ browser }) => {
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  const title = `Terms of sale ${Date.now().toString(36)}`;
  await admin.goto("/admin/settings/consents");
  await admin.getByRole("button", { name: "Add consent" }).click();
  const dialog = admin.getByRole("dialog", { name: "New consent" });
  await dialog.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await dialog.getByRole("textbox", { name: "Text", exact: true }).fill("I accept the terms of sale.");
  await dialog.getByLabel("Mandatory at registration").check();
  await dialog.getByLabel("Order").fill("5");
  await dialog.getByRole("button", { name: "Add consent" }).click();
  await expect(toast(admin, "The consent is added.")).toBeVisible();
  const row = admin.locator(`tr[data-consent="${title}"]`);
  await expect(row).toContainText("Mandatory");

  try {
    const visitor = await newPerson(browser);
    await visitor.goto("/register");
    await expect(visitor.getByText(title)).toBeVisible();
    await visitor.getByLabel("Company name").fill("Consent Checkers");
    await visitor.getByLabel("First name").fill("Carla");
    await visitor.getByLabel("Last name").fill("Consent");
    await visitor.getByLabel("Email").fill(uniqueEmail("consent"));
    await visitor.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await visitor.getByLabel("Repeat the password").fill(NEW_PASSWORD);
    await visitor.getByLabel("Privacy policy").check();
    await visitor.getByRole("button", { name: "Create account" }).click();
    await expect(visitor.getByText(`Accept “${title}” to register.`)).toBeVisible();
    await expect(visitor.getByTestId("registration-done")).toHaveCount(0);
  } finally {
    await row.getByRole("button", { name: `Deactivate ${title}` }).click();
    await expect(row).toContainText("Inactive");
  }
  const later = await newPerson(browser);
  await later.goto("/register");
  await expect(later.getByLabel("Privacy policy")).toBeVisible();
  await expect(later.getByText(title)).toHaveCount(0);
});
