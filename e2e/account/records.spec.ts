import { expect, test } from "@playwright/test";
import { signInAsCustomer } from "../support";

test("a buyer sees only their own orders, and another's order is not found", async ({ page }) => {
  await signInAsCustomer(page, "bob.buyer@acme.test");
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByText("Showing your own orders.")).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText("Bob Buyer");

  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Order SO-/ })).toBeVisible();
  await expect(page.getByText("Placed by")).toBeVisible();

  // The demo seeds Amanda's orders right before Bob's: the id below his lowest is hers, same company.
  const response = await page.request.get(
    "/api/trpc/account.orders.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 100 } })),
  );
  const ownIds = ((await response.json()).result.data.json.items as { id: number }[]).map((o) => o.id);
  const foreignId = Math.min(...ownIds) - 1;
  const foreign = await page.goto(`/account/orders/${foreignId}`);
  expect(foreign?.status()).toBe(404);
});

test("the parent company's administrator sees the group's orders and filters them", async ({ page }) => {
  await signInAsCustomer(page, "amanda.admin@acme.test");
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByText("Showing your company's and its subsidiaries' orders.")).toBeVisible();
  const table = page.locator("tbody");
  await expect(table).toContainText("Bob Buyer");
  await expect(table).toContainText("Acme East");
  await expect(table).toContainText("Acme West Logistics");
  await expect(table).not.toContainText("Globex");

  await page.getByLabel("Status").selectOption("SHIPPED");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=SHIPPED/);
  for (const row of await page.locator("tbody tr").all()) await expect(row).toContainText("Shipped");
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("SHIPPED");
});

test("quotes, requests for quote and shopping lists open from their lists", async ({ page }) => {
  await signInAsCustomer(page, "eddie.buyer@acme.test");
  for (const [link, heading] of [
    ["Quotes", /^Quote Q-/],
    ["Requests for quote", /^Request for quote #/],
    ["Shopping lists", /Weekly restock|Office supplies/],
  ] as const) {
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: link }).click();
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
});
