import { expect, test } from "@playwright/test";
import { confirmedCustomer, signInAsCustomer } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("a user adds, edits and deletes an address in their address book", async ({ browser }) => {
  const { page } = await confirmedCustomer(browser, "addresses");
  await page.getByRole("link", { name: "Addresses" }).click();
  const mine = page.getByRole("list", { name: "Your addresses" });
  await expect(page.getByText("No addresses yet.").first()).toBeVisible();

  await page.getByRole("button", { name: "Add address" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add an address" });
  await dialog.getByRole("button", { name: "Save address" }).click();
  await expect(dialog.getByText("Enter the street.")).toBeVisible();
  await dialog.getByLabel("Label").fill("Main office");
  await dialog.getByRole("textbox", { name: "Street", exact: true }).fill("12 Harbour Street");
  await dialog.getByLabel("Postal code").fill("20457");
  await dialog.getByLabel("City").fill("Hamburg");
  await dialog.getByLabel("Country").selectOption("DE");
  await dialog.getByLabel("Billing", { exact: true }).check();
  await dialog.getByLabel("Default billing address").check();
  await dialog.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("The address is saved.")).toBeVisible();
  const card = mine.getByRole("listitem", { name: "Main office" });
  await expect(card).toContainText("12 Harbour Street");
  await expect(card).toContainText("Germany");
  await expect(card).toContainText("Default billing");

  await card.getByRole("button", { name: "Edit Main office" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the address" });
  await expect(edit.getByRole("textbox", { name: "Street", exact: true })).toHaveValue("12 Harbour Street");
  await edit.getByRole("textbox", { name: "Street", exact: true }).fill("14 Harbour Street");
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(card).toContainText("14 Harbour Street");

  await card.getByRole("button", { name: "Delete Main office" }).click();
  await page.getByRole("dialog", { name: "Delete this address?" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("The address is deleted.")).toBeVisible();
  await expect(mine).toHaveCount(0);
});

test("a buyer sees their company's addresses but cannot change them", async ({ page }) => {
  await signInAsCustomer(page, "gary.buyer@globex.test");
  await page.goto("/account/addresses");
  const company = page.getByRole("list", { name: "Company addresses" });
  await expect(company.getByRole("listitem", { name: "Main office" })).toContainText("Hauptstraße 5");
  await expect(company.getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add address" })).toHaveCount(1);
});
