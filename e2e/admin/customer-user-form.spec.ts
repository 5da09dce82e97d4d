import { expect, test, type Page } from "@playwright/test";
import { signInAsStaff, uniqueEmail } from "../support";

/**
 * The customer-user form's own rules: a field the form hides does not block the save.
 * (The reference guide's whole create journey: e2e/admin/customer-user-record.form.spec.ts.)
 */

async function pickCustomer(page: Page, name: string) {
  await page.getByRole("combobox", { name: "Customer" }).fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(name);
}

test("a password typed before choosing Generate Password does not block the save", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/admin/customer-users/new");
  const general = page.getByRole("region", { name: "General" });
  await general.getByLabel("First name").fill("Gene");
  await general.getByLabel("Last name").fill("Generated");
  await general.getByRole("textbox", { name: "Email", exact: true }).fill(uniqueEmail("gene"));
  await general.getByRole("textbox", { name: "Password", exact: true }).fill("short");
  await general.getByLabel("Generate Password").check();
  await expect(general.getByRole("textbox", { name: "Password", exact: true })).toHaveCount(0);
  await general.getByLabel("Enabled", { exact: true }).uncheck();
  await pickCustomer(page, "Initech");
  await page.getByLabel("Preferred Localization").selectOption({ label: "English" });

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gene Generated", exact: true })).toBeVisible({ timeout: 30_000 });
});
