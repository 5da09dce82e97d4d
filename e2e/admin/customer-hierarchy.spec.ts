import { expect, test, type Page } from "@playwright/test";
import { confirmedCustomer, newPerson, signInAsStaff } from "../support";

/** Sets a customer's parent in the back office (null: top level). */
async function moveCustomer(staff: Page, name: string, parent: string | null) {
  await staff.goto(`/admin/customers?q=${encodeURIComponent(name)}`);
  await staff.getByTestId("customers").getByRole("link", { name, exact: true }).click();
  await staff.getByRole("link", { name: "Edit", exact: true }).click();
  if (parent) {
    await staff.getByLabel("Parent customer").fill(parent);
    await staff
      .getByRole("option", { name: new RegExp(`^${parent}`) })
      .first()
      .click();
  } else {
    await staff.getByRole("button", { name: "Make top-level" }).click();
  }
  await staff.getByRole("button", { name: "Save customer" }).click();
  await expect(staff.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  const breadcrumb = staff.getByRole("navigation", { name: "Parent companies" });
  if (parent) await expect(breadcrumb).toContainText(parent);
  else await expect(breadcrumb).toHaveCount(0);
}

/** The orders a storefront user sees, by customer. */
async function ordersOf(page: Page) {
  await page.goto("/account/orders");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  return page.locator("tbody");
}

test("re-parenting moves the subtree: the new parent's Corporate administrator sees its orders and the old one's no longer does", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const first = await confirmedCustomer(browser, "parent-a", { company: `Parent A ${stamp}` });
  const second = await confirmedCustomer(browser, "parent-b", { company: `Parent B ${stamp}` });
  const staff = await newPerson(browser);
  await signInAsStaff(staff);

  await expect(await ordersOf(first.page)).not.toContainText("Globex Industries");
  await moveCustomer(staff, "Globex Industries", `Parent A ${stamp}`);
  try {
    await expect(await ordersOf(first.page)).toContainText("Globex Industries");
    await expect(await ordersOf(second.page)).not.toContainText("Globex Industries");

    await moveCustomer(staff, "Globex Industries", `Parent B ${stamp}`);
    await expect(await ordersOf(first.page)).not.toContainText("Globex Industries");
    await expect(await ordersOf(second.page)).toContainText("Globex Industries");
  } finally {
    await moveCustomer(staff, "Globex Industries", null);
  }
});
