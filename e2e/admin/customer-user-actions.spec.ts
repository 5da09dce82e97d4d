import { expect, test } from "@playwright/test";
import {
  DEMO_PASSWORD,
  chooseCustomerFilter,
  customerUserAction,
  emailLinks,
  expectEmail,
  newPerson,
  signInAsCustomer,
  signInAsStaff,
} from "../support";

// Each journey crosses the back office, the mailbox and the storefront: many pages on a shared machine.
test.describe.configure({ timeout: 180_000 });

async function signInRefused(page: import("@playwright/test").Page, email: string, password: string, message: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText(message);
}

test("a forced password reset signs the user out and refuses them until they set a new password from the emailed link", async ({
  browser,
}) => {
  const email = "hugo.keller.8@example.test";
  const customer = await newPerson(browser);
  await signInAsCustomer(customer, email);

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await customerUserAction(staff, email, "Hugo Keller", "Reset password");
  const dialog = staff.getByRole("dialog", { name: "Reset the password of Hugo Keller?" });
  await expect(dialog).toContainText(email);
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(staff.getByText(`Hugo Keller must choose a new password; the link was sent to ${email}.`)).toBeVisible();
  await expect(staff.getByTestId("customer-users").getByRole("row", { name: /hugo\.keller/ })).toContainText("Reset");

  await customer.reload();
  await expect(customer).toHaveURL(/\/login\?ended=password-reset/);
  await signInRefused(
    customer,
    email,
    DEMO_PASSWORD,
    "Your password has to be reset. Use the link in the email we sent you, or ask for a new one.",
  );

  const [link] = await emailLinks(browser, email, "Your password must be reset");
  await customer.goto(link!);
  await expect(customer.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const chosen = "Fresh-after-reset-2027";
  await customer.getByLabel(/^New password/).fill(chosen);
  await customer.getByLabel("Repeat the new password").fill(chosen);
  await customer.getByRole("button", { name: "Save the new password" }).click();
  await expect(customer.getByTestId("sign-in-notice")).toHaveText("Your password has been changed. Sign in with your new password.");
  await signInAsCustomer(customer, email, chosen);

  await staff.reload();
  await expect(staff.getByTestId("customer-users").getByRole("row", { name: /hugo\.keller/ })).toContainText("Active");
});

test("staff confirm an unconfirmed user, who is welcomed and can sign in", async ({ browser }) => {
  const email = "lukas.jansen.32@example.test";
  const visitor = await newPerson(browser);
  await signInRefused(visitor, email, DEMO_PASSWORD, "Please confirm your email address first: follow the link in the email we sent you.");

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.goto("/admin/customer-users?confirmed=no");
  await expect(staff.getByTestId("customer-users").getByRole("row", { name: /lukas\.jansen\.32/ })).toContainText("Unconfirmed");
  // A confirmed user's menu has nothing to confirm.
  await staff.goto("/admin/customer-users?q=gina.globex");
  await staff.getByRole("button", { name: "More options for Gina Globex" }).click();
  await expect(staff.getByRole("menuitem", { name: "Disable" })).toBeVisible();
  await expect(staff.getByRole("menuitem", { name: "Confirm", exact: true })).toHaveCount(0);

  await customerUserAction(staff, email, "Lukas Jansen", "Resend confirmation email");
  await expect(staff.getByText(`A new confirmation link was sent to ${email}.`)).toBeVisible();
  await expectEmail(browser, email, "Please confirm your email address");

  await staff.getByRole("button", { name: "More options for Lukas Jansen" }).click();
  await staff.getByRole("menuitem", { name: "Confirm", exact: true }).click();
  await expect(staff.getByText(`Lukas Jansen is confirmed; the welcome email is on its way to ${email}.`)).toBeVisible();
  await expect(staff.getByTestId("customer-users").getByRole("row", { name: /lukas\.jansen\.32/ })).toContainText("Confirmed");
  await staff.getByRole("button", { name: "More options for Lukas Jansen" }).click();
  await expect(staff.getByRole("menuitem", { name: "Confirm", exact: true })).toHaveCount(0);
  await expect(staff.getByRole("menuitem", { name: "Resend confirmation email" })).toHaveCount(0);

  await expectEmail(browser, email, "Welcome to Roster");
  await signInAsCustomer(visitor, email);
});

test("mass-disabling selected users skips the one the rules protect and says why", async ({ page }) => {
  await signInAsStaff(page);
  await chooseCustomerFilter(page, "Umbrella Supplies");
  const grid = page.getByTestId("customer-users");
  // Umbrella Supplies: Alice Dubois is the only one who can manage its users.
  for (const name of ["Alice Dubois", "Greta Weber", "Noah Miller"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await expect(page.getByTestId("mass-actions")).toContainText("3 selected");
  await page.getByRole("button", { name: "Disable selected" }).click();
  await page.getByRole("dialog", { name: "Disable 3 selected users?" }).getByRole("button", { name: "Disable" }).click();

  const report = page.getByTestId("mass-result");
  await expect(report).toContainText("2 rows disabled. 1 skipped:");
  await expect(report).toContainText(
    "Alice Dubois <alice.dubois.21@example.test>: Umbrella Supplies must keep at least one enabled user who can manage its users. Give another user that permission first.",
  );
  await expect(grid.getByRole("row", { name: /greta\.weber\.7/ })).toContainText("Disabled");
  await expect(grid.getByRole("row", { name: /noah\.miller\.14/ })).toContainText("Disabled");
  await expect(grid.getByRole("row", { name: /alice\.dubois\.21/ })).toContainText("Enabled");
  await expect(page.getByTestId("mass-actions")).toContainText("Select rows for mass actions");
});

test("deleting a user who placed orders is refused in the dialog, which names what must stay", async ({ page }) => {
  await signInAsStaff(page);
  await customerUserAction(page, "bob.buyer", "Bob Buyer", "Delete");
  const dialog = page.getByRole("dialog", { name: "Delete Bob Buyer?" });
  await expect(dialog.getByTestId("delete-refusal")).toContainText(
    "Bob Buyer owns 3 orders, 1 quote, 1 request for quote and 2 shopping lists of Acme Holding",
  );
  await expect(dialog.getByRole("button", { name: "Delete" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: "bob.buyer@acme.test" })).toBeVisible();
});
