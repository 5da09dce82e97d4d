import { expect, test } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff } from "../support";

test("a user disabled while signed in is signed out on their next page", async ({ browser }) => {
  const customer = await newPerson(browser);
  await signInAsCustomer(customer, "wendy.buyer@acme.test");

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.getByLabel("Search by name or email").fill("wendy.buyer");
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByRole("button", { name: "Disable Wendy Buyer" }).click();
  await expect(staff.getByRole("button", { name: "Enable Wendy Buyer" })).toBeVisible();

  await customer.reload();
  await expect(customer).toHaveURL(/\/login\?ended=disabled/);
  await expect(customer.getByTestId("sign-in-notice")).toHaveText("Your account has been disabled, so you were signed out.");

  // Enabling again does not bring the old session back: it was revoked, not paused.
  await staff.getByRole("button", { name: "Enable Wendy Buyer" }).click();
  await expect(staff.getByRole("button", { name: "Disable Wendy Buyer" })).toBeVisible();
  await customer.goto("/account");
  await expect(customer).toHaveURL(/\/login/);
});
