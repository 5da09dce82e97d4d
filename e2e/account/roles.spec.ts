import { expect, test } from "@playwright/test";
import { newPerson, signInAsCustomer } from "../support";

const suffix = () => Date.now().toString(36).slice(-5);

test("an administrator edits the predefined Buyer role and gets a company copy with the company's users", async ({ browser }) => {
  test.slow();
  const label = `Acme buyer ${suffix()}`;
  const page = await newPerson(browser);
  await signInAsCustomer(page, "amanda.admin@acme.test");
  await page.getByRole("link", { name: "Roles" }).click();
  await page.getByTestId("roles-grid").getByRole("link", { name: "Buyer", exact: true }).click();
  await expect(page.getByTestId("role-users")).toContainText("bob.buyer@acme.test");
  await page.getByRole("link", { name: "Edit" }).click();

  await expect(page.getByTestId("copy-notice")).toContainText("Saving creates a copy of it for Acme Holding");
  await page.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await page.getByLabel("Share grid views").check();
  await page.getByRole("button", { name: "Save as company copy" }).click();

  await expect(page.getByRole("heading", { name: label })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("copy-created")).toContainText("moved from “Buyer” to it");
  await expect(page.getByTestId("role-details")).toContainText("Copied from");
  await expect(page.getByTestId("role-details")).toContainText("Acme Holding");
  const users = page.getByTestId("role-users");
  await expect(users).toContainText("bob.buyer@acme.test");
  await expect(users).not.toContainText("eddie.buyer@acme.test");

  // The original keeps everybody else (a subsidiary's buyers), but no longer Acme Holding's.
  await page.getByRole("link", { name: "Buyer", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Buyer", exact: true })).toBeVisible();
  await expect(page.getByTestId("role-users")).toContainText("eddie.buyer@acme.test");
  await expect(page.getByTestId("role-users")).not.toContainText("bob.buyer@acme.test");

  const bob = await newPerson(browser);
  await signInAsCustomer(bob, "bob.buyer@acme.test");
  await expect(bob.getByTestId("effective-permissions").locator('[data-permission="gridView.share"]')).toContainText(label);
});

test("a Department-level administrator cannot grant a Corporate level: the editor and the server say why", async ({ browser, baseURL }) => {
  const page = await newPerson(browser);
  await signInAsCustomer(page, "dana.department@acme.test");
  await page.goto("/account/roles");
  await page.getByTestId("roles-grid").getByRole("link", { name: "Administrator" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Administrator”" })).toBeVisible();

  // Levels above her own are offered disabled, with the reason; the role's Corporate cells are marked.
  const cell = page.getByLabel("Order: View", { exact: true });
  await expect(cell).toHaveValue("SUBTREE");
  await expect(cell.locator("option", { hasText: "Department" })).toBeEnabled();
  await expect(page.getByTestId("matrix-exceeding")).toContainText("above your own level");
  await page.getByRole("button", { name: "Save as company copy" }).click();
  const refusal = page.getByTestId("permissions-error");
  await expect(refusal).toContainText("You cannot give a role with more than you hold yourself");
  await expect(refusal).toContainText('"View customer user" at Corporate (you hold Department)');

  // Lowered to her own level, nothing is above it any more.
  await page.getByLabel("Set all record permissions").selectOption("SUBTREE");
  await expect(page.getByTestId("matrix-exceeding")).toHaveCount(0);
  await expect(page.getByLabel("Order: View", { exact: true })).toHaveValue("CUSTOMER");
  await expect(page.getByLabel("Customer user: View", { exact: true }).locator("option", { hasText: "Corporate" })).toBeDisabled();

  // A request made around the editor is refused the same way, and creates nothing.
  const label = `Corporate grab ${suffix()}`;
  const response = await page.request.post("/api/trpc/account.roles.create", {
    data: { json: { label, permissions: [{ permission: "order.view", level: "SUBTREE" }] } },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.json.message).toContain('"View order" at Corporate (you hold Department)');
  await page.goto(`/account/roles?label=${encodeURIComponent(label)}`);
  await expect(page.getByTestId("roles-grid")).toContainText("No roles match.");
});

test("a company administrator is told why a role cannot be deleted, and deletes an unused one", async ({ page }) => {
  const label = `Short lived ${suffix()}`;
  await signInAsCustomer(page, "gina.globex@globex.test");
  await page.goto("/account/roles");
  await page.getByTestId("roles-grid").getByRole("button", { name: "Actions for Administrator" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page.getByRole("dialog").getByTestId("delete-refusal")).toHaveText(
    '"Administrator" is a predefined role and cannot be deleted.',
  );
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("link", { name: "New role" }).click();
  await expect(page.getByRole("heading", { name: "New role" })).toBeVisible();
  await page.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await page.getByLabel("Set all order permissions").selectOption("OWN");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { name: label })).toBeVisible({ timeout: 30_000 });

  // Held by someone, it stays; once nobody holds it, it goes.
  await page.getByRole("button", { name: "Add users…" }).click();
  await page.getByRole("button", { name: "Add Gary Buyer" }).click();
  await expect(page.getByTestId("role-users")).toContainText("gary.buyer@globex.test");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page.getByRole("dialog").getByTestId("delete-refusal")).toHaveText(
    `"${label}" is assigned to 1 user; remove it from them first.`,
  );
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Remove the role from Gary Buyer" }).click();
  await expect(page.getByTestId("role-users")).not.toContainText("gary.buyer@globex.test");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page).toHaveURL(/\/account\/roles$/);
  await expect(page.getByTestId("roles-grid")).not.toContainText(label);
});
