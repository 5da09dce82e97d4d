import { expect, test } from "@playwright/test";
import { confirmedCustomer, newPerson, signInAsCustomer, signInAsStaff } from "../support";

test("disabling a customer signs out its users with the reason and refuses their sign-in; enabling lets them sign in again", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const company = `Paused Trading ${Date.now().toString(36)}`;
  const customer = await confirmedCustomer(browser, "paused", { company });

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.goto(`/admin/customers?q=${encodeURIComponent(company)}`);
  await staff.getByTestId("customers").getByRole("link", { name: company }).click();
  await staff.getByRole("button", { name: "Disable", exact: true }).click();
  const dialog = staff.getByRole("dialog", { name: `Disable ${company}?` });
  await expect(dialog).toContainText("Its 1 user will be signed out at once");
  await expect(dialog).toContainText("Its subsidiaries are not affected");
  await dialog.getByRole("button", { name: "Disable customer" }).click();
  await expect(staff.getByTestId("customer-disabled")).toBeVisible();

  // The user's very next page: signed out, told why.
  await customer.page.goto("/account/profile");
  await expect(customer.page).toHaveURL(/\/login\?ended=customer-disabled/);
  await expect(customer.page.getByTestId("sign-in-notice")).toHaveText("Your company's account has been disabled, so you were signed out.");
  await customer.page.getByLabel("Email").fill(customer.email);
  await customer.page.getByLabel("Password").fill(customer.password);
  await customer.page.getByRole("button", { name: "Sign in" }).click();
  await expect(customer.page.getByTestId("sign-in-error")).toHaveText("Your company's account is disabled. Please contact us.");

  await staff.getByRole("button", { name: "Enable", exact: true }).click();
  await staff
    .getByRole("dialog", { name: `Enable ${company}?` })
    .getByRole("button", { name: "Enable customer" })
    .click();
  await expect(staff.getByTestId("customer-disabled")).toHaveCount(0);

  await signInAsCustomer(customer.page, customer.email, customer.password);
  await expect(customer.page).toHaveURL(/\/account/);
});
