import { expect, test, type Page } from "@playwright/test";
import { signInAsStaff } from "../support";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Opens a customer's page from the grid's name filter. */
async function openCustomer(page: Page, name: string) {
  await page.goto(`/admin/customers?q=${encodeURIComponent(name)}`);
  // The first: its row's name (a subsidiary's row links its parent, too).
  await page.getByTestId("customers").getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("staff creates a customer with a parent, group, sales representative and address, and finds it in the hierarchy", async ({ page }) => {
  const name = `Journey Retail ${suffix()}`;
  await signInAsStaff(page);
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "Create customer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create customer", exact: true })).toBeVisible();

  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel("Parent customer").fill("Acme West");
  await page
    .getByRole("option", { name: /^Acme West/ })
    .first()
    .click();
  await expect(page.getByLabel("Parent customer")).toHaveValue("Acme West");
  await page.getByLabel("Group").selectOption({ label: "Retail" });
  await page.getByLabel("Sam Sales").check();

  await page.getByRole("button", { name: "Add address" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an address" });
  await dialog.getByLabel("Label").fill("Head office");
  await dialog
    .getByLabel(/^Street/)
    .first()
    .fill("12 Canal Street");
  await dialog.getByLabel(/^Postal code/).fill("1012 AB");
  await dialog.getByLabel(/^City/).fill("Amsterdam");
  await dialog.getByLabel(/^Country/).selectOption("NL");
  await dialog.getByLabel("Billing", { exact: true }).check();
  await dialog.getByLabel("Default billing address").check();
  await dialog.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("list", { name: "Addresses to add" })).toContainText("Head office");

  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Parent companies" })).toHaveText("Acme Holding › Acme West ›");
  const general = page.locator("section", { hasText: "General information" });
  await expect(general).toContainText("Retail");
  await expect(general).toContainText("Sam Sales");
  const address = page.getByRole("listitem", { name: "Head office" });
  await expect(address).toContainText("12 Canal Street");
  await expect(address).toContainText("Default billing");

  // The hierarchy, opened at the new customer.
  await page.getByRole("link", { name: "Show in hierarchy" }).click();
  const tree = page.getByRole("navigation", { name: "Customer hierarchy" });
  const west = tree.getByRole("listitem", { name: "Acme West", exact: true });
  await expect(west.getByRole("listitem", { name })).toBeVisible();

  // And from the top: each level is fetched when it is expanded.
  await page.goto("/admin/customers/tree");
  await expect(tree.getByRole("listitem", { name })).toHaveCount(0);
  await tree.getByRole("button", { name: "Expand Acme Holding" }).click();
  await tree.getByRole("button", { name: "Expand Acme West" }).click();
  await expect(west.getByRole("listitem", { name })).toBeVisible();
  await tree.getByRole("button", { name: "Collapse Acme Holding" }).click();
  await expect(tree.getByRole("listitem", { name: "Acme East" })).toHaveCount(0);
});

test("a customer cannot become a subsidiary of its own subsidiary: the form says why and nothing changes", async ({ page }) => {
  await signInAsStaff(page);
  await openCustomer(page, "Acme Holding");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Parent customer").fill("logistics");
  await page.getByRole("option", { name: /^Acme West Logistics/ }).click();
  await page.getByRole("button", { name: "Save customer" }).click();
  const message =
    "Acme West Logistics is a subsidiary of Acme Holding: a customer cannot become a subsidiary of one of its own subsidiaries.";
  await expect(page.getByText(message, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);

  await openCustomer(page, "Acme Holding");
  await expect(page.locator("section", { hasText: "General information" })).toContainText("None (top level)");
  await expect(page.getByTestId("subsidiaries")).toContainText("Acme West");
});

test("customer groups: create, a taken name refused at the field, a group in use kept, an empty one deleted", async ({ page }) => {
  const name = `Journey Group ${suffix()}`;
  await signInAsStaff(page);
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Customer Groups" }).click();
  await page.getByRole("button", { name: "Create group" }).click();
  let dialog = page.getByRole("dialog", { name: "Create a customer group" });
  await dialog.getByLabel(/^Name/).fill("partners");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog.getByText("This name is already in use.")).toBeVisible();
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByTestId("customer-groups").getByRole("row", { name: new RegExp(name) })).toBeVisible();

  await page.getByRole("button", { name: "More options for Partners" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  dialog = page.getByRole("dialog", { name: "Delete Partners?" });
  await dialog.getByRole("button", { name: "Delete group" }).click();
  await expect(
    page.getByText(/^Partners cannot be deleted while \d+ customers are in it\. Move them to another group first\.$/),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("customer-groups").getByRole("cell", { name: "Partners", exact: true })).toBeVisible();

  await page.getByRole("button", { name: `More options for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page
    .getByRole("dialog", { name: `Delete ${name}?` })
    .getByRole("button", { name: "Delete group" })
    .click();
  await expect(page.getByTestId("customer-groups").getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
});

test("from a customer's page, staff open its users in the Customer Users grid, with or without its subsidiaries' users", async ({
  page,
}) => {
  await signInAsStaff(page);
  await openCustomer(page, "Acme West");
  const users = page.getByTestId("customer-users");
  await expect(users).toContainText("walter.west@acme.test");
  await users.getByRole("link", { name: /^(All \d+ users|Open in Customer Users)$/ }).click();
  const grid = page.getByTestId("customer-users");
  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue("Acme West");
  await expect(page.getByLabel("and its subsidiaries")).not.toBeChecked();
  await expect(grid).toContainText("walter.west@acme.test");
  await expect(grid).not.toContainText("lara.logistics@acme.test");

  await page.goBack();
  await users.getByRole("link", { name: "With the subsidiaries' users" }).click();
  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue("Acme West");
  await expect(page.getByLabel("and its subsidiaries")).toBeChecked();
  await expect(grid).toContainText("walter.west@acme.test");
  await expect(grid).toContainText("lara.logistics@acme.test");
});

test("staff keep notes on a customer: add them, page to the older ones, edit and delete one there", async ({ page }) => {
  const tag = suffix();
  const body = (n: number) => `Call ${tag} no. ${String(n).padStart(2, "0")}`;
  await signInAsStaff(page);
  await openCustomer(page, "Initech");
  const notes = page.locator("#notes");
  for (let n = 1; n <= 11; n++) {
    await notes.getByLabel("New note").fill(body(n));
    await notes.getByRole("button", { name: "Add note" }).click();
    await expect(notes.getByTestId("note").filter({ hasText: body(n) })).toBeVisible();
  }
  // Ten to a page, newest first: the first note is on the next page.
  await page.reload();
  await expect(notes.getByTestId("note")).toHaveCount(10);
  await expect(notes.getByTestId("note").first()).toContainText(body(11));
  await expect(notes.getByTestId("note").filter({ hasText: body(1) })).toHaveCount(0);
  await notes.getByRole("link", { name: "Next page of notes" }).click();
  const first = notes.getByTestId("note").filter({ hasText: body(1) });
  await expect(first).toContainText("Ada Admin");
  await expect(notes.getByTestId("note").filter({ hasText: body(2) })).toHaveCount(0);

  await first.getByRole("button", { name: "Edit note" }).click();
  await notes.getByLabel("Edit the note").fill(`${body(1)}, called back`);
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(notes.getByTestId("note").filter({ hasText: "called back" })).toContainText("edited");
  await notes.getByTestId("note").filter({ hasText: "called back" }).getByRole("button", { name: "Delete note" }).click();
  await page.getByRole("dialog", { name: "Delete this note?" }).getByRole("button", { name: "Delete note" }).click();
  await expect(notes.getByTestId("note").filter({ hasText: body(1) })).toHaveCount(0);
  await notes.getByRole("link", { name: "First page of notes" }).click();
  await expect(notes.getByTestId("note").first()).toContainText(body(11));
});
