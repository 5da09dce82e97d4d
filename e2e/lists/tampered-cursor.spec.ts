import { expect, test } from "@playwright/test";
import { signInAsCustomer, signInAsStaff } from "../support";
import { listRoutes } from "./routes";

// A cursor that is no list's own: the page answers with its first page and says why, never an error page. On a
// page with several lists, only the list whose cursor was refused starts over.
for (const route of listRoutes) {
  test(`${route.path}?${route.cursorKey}= tampered: the first page and the problem`, async ({ page }) => {
    if (route.as === "staff") await signInAsStaff(page);
    else await signInAsCustomer(page, "amanda.admin@acme.test");
    let path = route.path;
    if (route.open) {
      await page.goto(route.open.from);
      await page.getByRole("link", { name: route.open.link, exact: true }).first().click();
      await expect(page).toHaveURL(/\/\d+$/);
      path = new URL(page.url()).pathname;
    }
    const response = await page.goto(`${path}?${route.cursorKey}=not-a-cursor`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByTestId("list-problem")).toHaveText("This page link is not valid any more: start again from the first page.");
    // The first page: no way back to a "first page", and the list's own links no longer carry the refused cursor (a
    // section is the card its cursor names; another section's pager still keeps the whole URL).
    const list = route.open ? page.locator(`#${route.cursorKey}`) : page;
    await expect(page.getByRole("link", { name: /^First page/ })).toHaveCount(0);
    await expect(list.locator(`a[href*="${route.cursorKey}=not-a-cursor"]`)).toHaveCount(0);
  });
}
