import { expect, test } from "@playwright/test";
import { customerUserAction, newPerson, signInAsCustomer, signInAsStaff } from "../support";

test("a user disabled from the grid while signed in is signed out on their next page", async ({ browser }) => {
  const customer = await newPerson(browser);
  await signInAsCustomer(customer, "wendy.buyer@acme.test");

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await customerUserAction(staff, "wendy.buyer", "Wendy Buyer", "Disable");
  // Disabling asks first, saying what it does.
  const dialog = staff.getByRole("dialog", { name: "Disable Wendy Buyer?" });
  await expect(dialog).toContainText("signed out at once");
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(staff.getByText("Wendy Buyer is now disabled.")).toBeVisible();
  await expect(staff.getByTestId("customer-users").getByRole("row", { name: /wendy\.buyer/ })).toContainText("Disabled");

  await customer.reload();
  await expect(customer).toHaveURL(/\/login\?ended=disabled/);
  await expect(customer.getByTestId("sign-in-notice")).toHaveText("Your account has been disabled, so you were signed out.");

  // Enabling again does not bring the old session back: it was revoked, not paused.
  await customerUserAction(staff, "wendy.buyer", "Wendy Buyer", "Enable");
  await expect(staff.getByText("Wendy Buyer is now enabled.")).toBeVisible();
  await customer.goto("/account");
  await expect(customer).toHaveURL(/\/login/);
});
