import { expect, test } from "@playwright/test";
import { signInAsCustomer, signInAsStaff } from "../support";
import { listRoutes } from "./routes";

// A cursor that is no list's own: the page answers with its first page and says why, never an error page.
for (const route of listRoutes) {
  const name = route.opens ? `${route.path}/[${route.opens.link}]` : route.path;
  test(`${name} opened with a tampered cursor shows the first page and the problem`, async ({ page }) => {
    if (route.as === "staff") await signInAsStaff(page);
    else await signInAsCustomer(page, "amanda.admin@acme.test");
    let path = route.path;
    if (route.opens) {
      await page.goto(route.path);
      await page.getByTestId(route.opens.testId).getByRole("link", { name: route.opens.link, exact: true }).click();
      await page.waitForURL((url) => url.pathname !== route.path);
      path = new URL(page.url()).pathname;
    }
    const response = await page.goto(`${path}?${route.cursorKey}=not-a-cursor`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByTestId("list-problem")).toHaveText("This page link is not valid any more: start again from the first page.");
    // The first page: no way back to a "first page", and the pager's links no longer carry the refused cursor.
    await expect(page.getByRole("link", { name: /^First page/ })).toHaveCount(0);
    await expect(page.locator(`a[href*="${route.cursorKey}=not-a-cursor"]`)).toHaveCount(0);
  });
}
