import { expect, test, type Page } from "@playwright/test";
import { emailLinks, newPerson, signInAsCustomer, signInAsStaff, uniqueEmail } from "../support";
import { openCustomerUser } from "./customer-user-page";

/** The customer-user form: the reference guide's create journey, its rules, an edit conflict, roles per customer. */

// Journeys across the back office, the mailbox and the storefront: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

/** The create form's parts, as the user sees them. */
const form = (page: Page) => ({
  general: page.getByRole("region", { name: "General" }),
  customer: page.getByRole("region", { name: "Customer and website" }),
  addresses: page.getByRole("region", { name: "Addresses" }),
  roles: page.getByRole("region", { name: "Roles" }),
});

/** Picks a customer by name; `parent` tells it from others whose names start alike (an option names the ancestry). */
async function pickCustomer(page: Page, label: string, name: string, parent?: string) {
  await page.getByRole("combobox", { name: label }).fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name}${parent ? ` ${parent}` : ""}`) }).click();
  await expect(page.getByRole("combobox", { name: label })).toHaveValue(name);
}

test("staff creates a customer user as the guide says; the user chooses a password from the welcome email and signs in", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("greta");
  await signInAsStaff(page);
  // 1-2. Customers > Customer Users, Create Customer User.
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Customer Users" }).click();
  await page.getByRole("link", { name: "Create Customer User" }).click();
  await expect(page.getByRole("heading", { name: "Create Customer User" })).toBeVisible();
  const { general, customer, addresses, roles } = form(page);

  // 3-4. Enabled; name and personal information.
  await general.getByLabel("Enabled", { exact: true }).check();
  await general.getByLabel("Prefix").fill("Ms.");
  await general.getByLabel("First name").fill("Greta");
  await general.getByLabel("Middle name").fill("Maria");
  await general.getByLabel("Last name").fill("Gruber");
  await general.getByLabel("Suffix").fill("MBA");
  await general.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await general.getByLabel("Birthday").fill("1988-05-17");
  await general.getByLabel("Phone").fill("+49 30 1234567");

  // 5-7. The customer; its sales representative applies by default.
  await pickCustomer(page, "Customer", "Acme East");
  await expect(customer.getByLabel("Sam Sales")).toBeChecked();

  // 8. Generate Password and Send Welcome Email.
  await general.getByLabel("Generate Password").check();
  await expect(general.getByLabel("Password", { exact: true })).toHaveCount(0);
  await general.getByLabel("Send Welcome Email").check();

  // 9-10. Website, then its preferred localization, asked again when the website changes.
  await customer.getByLabel("Website").selectOption({ label: "Roster Wholesale" });
  await expect(customer.getByLabel("Preferred Localization")).toHaveCount(0);
  await customer.getByLabel("Website").selectOption({ label: "Roster Store" });
  await expect(customer.getByLabel("Preferred Localization")).toHaveValue("");
  await customer.getByLabel("Preferred Localization").selectOption({ label: "Deutsch" });

  // 11. A billing and shipping address.
  await addresses.getByRole("button", { name: "Add address" }).click();
  const address = addresses.getByRole("group", { name: "Address 1" });
  await address.getByRole("textbox", { name: "Street", exact: true }).fill("Friedrichstraße 10");
  await address.getByLabel("Postal code").fill("10117");
  await address.getByLabel("City").fill("Berlin");
  await address.getByLabel("Country").selectOption({ label: "Germany" });
  await address.getByLabel("Billing", { exact: true }).check();
  await address.getByLabel("Shipping", { exact: true }).check();
  await expect(address.getByLabel("Default billing address")).toBeChecked();
  await expect(address.getByLabel("Default shipping address")).toBeChecked();

  // 12. Roles: the predefined ones and Acme East's own.
  await roles.getByLabel("Buyer").check();

  // 13. Save, top right.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ms. Greta Maria Gruber MBA", exact: true })).toBeVisible({ timeout: 30_000 });
  const badges = page.getByTestId("status-badges");
  await expect(badges).toContainText("Enabled");
  await expect(badges).toContainText("Confirmed");
  await expect(page.getByRole("region", { name: "General information" })).toContainText("Sam Sales");
  await expect(page.getByRole("region", { name: "Additional information" })).toContainText("Deutsch");
  await expect(page.getByTestId("addresses")).toContainText("Friedrichstraße 10");
  await expect(page.getByTestId("roles")).toHaveText("Buyer");
  await expect(page.getByTestId("emails")).toContainText("Willkommen bei Roster");

  // The welcome email (in German) carries a single-use link to choose a password, never a password.
  const [link] = await emailLinks(browser, email, "Willkommen bei Roster");
  expect(link).toContain("/reset-password?token=");
  const greta = await newPerson(browser);
  await greta.goto(link!);
  await expect(greta.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  const chosen = "Greta-chose-2026";
  await greta.getByLabel(/^New password/).fill(chosen);
  await greta.getByLabel("Repeat the new password").fill(chosen);
  await greta.getByRole("button", { name: "Save the new password" }).click();
  await expect(greta.getByTestId("sign-in-notice")).toBeVisible();
  await signInAsCustomer(greta, email, chosen);
  await expect(greta.getByTestId("account-name")).toContainText("Greta");
});

test("an enabled user without a role is refused with the guide's message; a disabled one saves without", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/admin/customer-users/new");
  const { general, roles } = form(page);
  await general.getByLabel("First name").fill("Rolf");
  await general.getByLabel("Last name").fill("Roleless");
  await general.getByRole("textbox", { name: "Email", exact: true }).fill(uniqueEmail("rolf"));
  await general.getByLabel("Generate Password").check();
  await pickCustomer(page, "Customer", "Initech");
  await page.getByLabel("Preferred Localization").selectOption({ label: "English" });
  await expect(roles.getByLabel("Buyer")).not.toBeChecked();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(roles.getByTestId("roleIds-error")).toHaveText("At least one role must be assigned if the Enabled check box is selected.");
  await expect(page).toHaveURL(/\/admin\/customer-users\/new$/);

  await general.getByLabel("Enabled", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rolf Roleless", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("status-badges")).toContainText("Disabled");
  await expect(page.getByTestId("roles")).toContainText("No roles");
});

test("a save over someone else's newer change is refused, and what was typed stays", async ({ page, browser }) => {
  const email = "lara.logistics@acme.test";
  await signInAsStaff(page);
  await openCustomerUser(page, email);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: /^Edit / })).toBeVisible();

  // Someone else, at another computer, saves first.
  const other = await newPerson(browser);
  await signInAsStaff(other);
  await other.goto(page.url());
  await other.getByRole("region", { name: "General" }).getByLabel("Phone").fill("+1 555 0199");
  await other.getByLabel("Preferred Localization").selectOption({ label: "English" });
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Lara Logistics", exact: true })).toBeVisible({ timeout: 30_000 });

  const { general } = form(page);
  await general.getByLabel("Middle name").fill("Typed-by-me");
  await page.getByLabel("Preferred Localization").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("form-problem")).toContainText("This record was changed by someone else since you opened it.");
  await expect(general.getByLabel("Middle name")).toHaveValue("Typed-by-me");
  await expect(page.getByLabel("Preferred Localization")).toHaveValue(/\d+/);
  await expect(page).toHaveURL(/\/edit$/);

  // The other person's change is what was saved.
  await other.reload();
  await expect(other.getByRole("region", { name: "General information" })).toContainText("+1 555 0199");
  await expect(other.getByRole("region", { name: "General information" })).not.toContainText("Typed-by-me");
});

test("the roles offered follow the chosen customer; a new subsidiary created in place under a parent holds the new user", async ({
  page,
}) => {
  const suffix = Date.now().toString(36).slice(-5);
  const initechRole = `Initech clerk ${suffix}`;
  const subsidiary = `Acme West Depot ${suffix}`;
  const email = uniqueEmail("sven");
  await signInAsStaff(page);

  // Initech gets a role of its own; Acme East has the demo's Office manager.
  await page.goto("/admin/customer-user-roles/new");
  await page.getByRole("textbox", { name: "Label", exact: true }).fill(initechRole);
  await page.getByLabel("Find a customer by name").fill("Initech");
  const roleCustomer = page.getByLabel("Customer", { exact: true });
  await expect(roleCustomer.locator("option", { hasText: "Initech" })).toHaveCount(1);
  await roleCustomer.selectOption({ label: "Initech" });
  await page.getByLabel("Order: View").selectOption("OWN");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { name: initechRole })).toBeVisible({ timeout: 30_000 });

  await page.goto("/admin/customer-users/new");
  const { general, roles } = form(page);
  await pickCustomer(page, "Customer", "Acme East");
  await expect(roles.getByLabel(/^Office manager/)).toBeVisible();
  await expect(roles.getByLabel(new RegExp(`^${initechRole}`))).toHaveCount(0);
  await roles.getByLabel(/^Office manager/).check();

  // Another customer: its roles replace the first one's, and the role chosen from the first is dropped.
  await pickCustomer(page, "Customer", "Initech");
  await expect(roles.getByLabel(new RegExp(`^${initechRole}`))).toBeVisible();
  await expect(roles.getByLabel(/^Office manager/)).toHaveCount(0);
  await expect(roles.getByLabel(/^Buyer/)).toBeVisible();

  // 6. A new subsidiary in place, under a chosen parent: only the predefined roles apply to it.
  await page.getByRole("radiogroup", { name: "Customer" }).getByLabel("New subsidiary of a customer").check();
  await page.getByLabel("New customer name").fill(subsidiary);
  await pickCustomer(page, "Parent customer", "Acme West", "Acme Holding");
  await expect(roles.getByLabel(new RegExp(`^${initechRole}`))).toHaveCount(0);
  await roles.getByLabel(/^Buyer/).check();
  await general.getByLabel("First name").fill("Sven");
  await general.getByLabel("Last name").fill("Subsidiary");
  await general.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await general.getByLabel("Generate Password").check();
  await page.getByLabel("Preferred Localization").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sven Subsidiary", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "General information" })).toContainText(`${subsidiary} (subsidiary of Acme West)`);
  await expect(page.getByTestId("roles")).toHaveText("Buyer");

  // The new customer exists under Acme West, with the user in it.
  await page.goto(`/admin/customers?q=${encodeURIComponent(subsidiary)}`);
  await page.getByTestId("customers").getByRole("link", { name: subsidiary, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: subsidiary })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Parent companies" })).toContainText("Acme West");
  await expect(page.getByTestId("customer-users")).toContainText(email);
});
