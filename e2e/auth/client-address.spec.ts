import { expect, test } from "@playwright/test";
import { newPerson, signInAsStaff, uniqueEmail } from "../support";

// The journeys' server runs without TRUSTED_PROXIES, with APP_URL http://127.0.0.1:<port> (scripts/e2e-server.ts).

test("a browser claiming another address in X-Forwarded-For is logged under its real one", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.99", "x-real-ip": "203.0.113.98" } });
  const visitor = await context.newPage();
  const email = uniqueEmail("forged");
  await visitor.goto("/login");
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill("not-the-password-1");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.goto(`/admin/sign-in-attempts?email=${encodeURIComponent(email)}`);
  const rows = staff.getByTestId("sign-in-attempts").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("127.0.0.1");
  await expect(rows.first()).not.toContainText("203.0.113");

  // The same attempt found by how it was made and the browser; a reload keeps the view.
  const filters = staff.getByRole("search", { name: "Filter attempts" });
  await filters.getByLabel("Source").selectOption("Password");
  await filters.getByText("More filters").click();
  await filters.getByLabel("Browser (user agent)").fill("chrome");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByTestId("grid-count")).toHaveText("1 attempt");
  await staff.reload();
  await expect(filters.getByLabel("Email tried")).toHaveValue(email);
  await expect(filters.getByLabel("Browser (user agent)")).toHaveValue("chrome");
  await expect(rows.first()).toContainText("127.0.0.1");
  await filters.getByLabel("Source").selectOption("OAuth");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByText("No sign-in attempts match.")).toBeVisible();
});

test("the back office saves when opened at a host name other than APP_URL, and refuses other sites saying why", async ({
  browser,
  baseURL,
}) => {
  const otherHost = baseURL!.replace("127.0.0.1", "localhost");
  const page = await (await browser.newContext({ baseURL: otherHost })).newPage();
  await signInAsStaff(page);
  expect(new URL(page.url()).hostname).toBe("localhost");

  const name = `Elsewhere ${Date.now().toString(36)}`;
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Customer Groups" }).click();
  await page.getByRole("button", { name: "Create group" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a customer group" });
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByTestId("customer-groups").getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await page.getByRole("button", { name: `More options for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page
    .getByRole("dialog", { name: `Delete ${name}?` })
    .getByRole("button", { name: "Delete group" })
    .click();
  await expect(page.getByTestId("customer-groups").getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

  const crossSite = await page.request.post("/api/trpc/admin.customerGroups.create", {
    data: { json: { name: `${name} 2` } },
    headers: { origin: "http://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.json.message).toContain(
    `sent from a page at http://evil.example, but this request reached Roster as ${otherHost}`,
  );
});
