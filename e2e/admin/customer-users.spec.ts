import { expect, test, type Page } from "@playwright/test";
import { chooseCustomerFilter, signInAsStaff } from "../support";

// Journeys over many server-rendered pages on a shared machine.
test.describe.configure({ timeout: 120_000 });

const grid = (page: Page) => page.getByTestId("customer-users");
const bodyRows = (page: Page) => grid(page).locator("tbody tr");
/** The last names column of the grid, top to bottom. */
const lastNames = (page: Page) => bodyRows(page).locator("td:nth-child(4)").allInnerTexts();

test("staff filters and sorts the grid, and a reload shows the same view", async ({ page }) => {
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/admin\/customer-users$/);
  await expect(page.getByRole("heading", { name: "Customer Users" })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(25);

  await chooseCustomerFilter(page, "Globex Industries", false);
  await page.getByLabel("Confirmed", { exact: true }).selectOption("Confirmed");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/customer=\d+/);
  await expect(page).toHaveURL(/confirmed=yes/);
  await page.getByRole("link", { name: "Sort by last name ascending" }).click();
  await expect(page).toHaveURL(/sort=lastName&dir=asc/);

  // Globex's confirmed users by last name; Tara Rossi has not confirmed yet.
  const expected = ["Buyer", "Costa", "Fischer", "Garcia", "Globex", "Jansen", "Lindqvist", "Novak"];
  await expect.poll(() => lastNames(page)).toEqual(expected);
  await expect(grid(page).getByRole("columnheader", { name: "Last name" })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByTestId("grid-count")).toHaveText("8 customer users");

  await page.reload();
  await expect.poll(() => lastNames(page)).toEqual(expected);
  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue("Globex Industries");
  await expect(page.getByLabel("Confirmed", { exact: true })).toHaveValue("yes");

  await page.getByRole("link", { name: "Sort by last name descending" }).click();
  await expect.poll(() => lastNames(page)).toEqual([...expected].reverse());

  // With the customer's subsidiaries: Acme West and Acme West Logistics (and any subsidiary other journeys add below it).
  await page.goto("/admin/customer-users");
  await chooseCustomerFilter(page, "Acme West", false);
  await page.getByLabel("and its subsidiaries").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/subsidiaries=yes/);
  const customers = await bodyRows(page).locator("td:nth-child(2)").allInnerTexts();
  expect(customers).toEqual(expect.arrayContaining(["Acme West", "Acme West Logistics"]));
  expect(customers.filter((name) => !name.startsWith("Acme West"))).toEqual([]);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/customer-users$/);
  await expect(bodyRows(page)).toHaveCount(25);
});

test("staff pages through the grid with the keyset pager and changes the page size", async ({ page }) => {
  await signInAsStaff(page);
  await page.getByRole("link", { name: "Sort by email ascending" }).click();
  await expect(page).toHaveURL(/sort=email&dir=asc/);
  await page.getByLabel("Rows per page").getByRole("link", { name: "10", exact: true }).click();
  await expect(page).toHaveURL(/limit=10/);
  await expect(bodyRows(page)).toHaveCount(10);
  const first = await bodyRows(page).locator("td:nth-child(5)").allInnerTexts();
  expect(first).toEqual([...first].sort());

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(bodyRows(page)).toHaveCount(10);
  const second = await bodyRows(page).locator("td:nth-child(5)").allInnerTexts();
  expect(second[0]! > first[first.length - 1]!).toBe(true);

  // The cursor is in the URL: the same page again after a reload.
  await page.reload();
  expect(await bodyRows(page).locator("td:nth-child(5)").allInnerTexts()).toEqual(second);

  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  expect(await bodyRows(page).locator("td:nth-child(5)").allInnerTexts()).toEqual(first);
});

test("a sales manager sees only the customers they represent and no System menu they lack", async ({ page }) => {
  await signInAsStaff(page, "sales@roster.test");
  await page.getByLabel("Search").fill("buyer");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("cell", { name: "bob.buyer@acme.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "eddie.buyer@acme.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "gary.buyer@globex.test" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
  // Sales managers may not delete: neither the row menu nor the mass actions offer it.
  await page.getByRole("button", { name: "More options for Bob Buyer" }).click();
  await expect(page.getByRole("menuitem", { name: "Disable" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete selected" })).toHaveCount(0);
});

test("staff signs out", async ({ page }) => {
  await signInAsStaff(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto("/admin/customer-users");
  await expect(page).toHaveURL(/\/admin\/login/);
});
