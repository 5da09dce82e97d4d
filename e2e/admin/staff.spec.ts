import { expect, test, type Page } from "@playwright/test";
import { NEW_PASSWORD, emailLinks, newPerson, signInAsStaff, uniqueEmail } from "../support";

// Journeys across two people, the mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("an administrator builds a role for represented customers and a staff member who sets a password from the email and sees only what the role grants", async ({
  browser,
}) => {
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  const suffix = Date.now().toString(36);
  const label = `Key desk ${suffix}`;
  const email = uniqueEmail("desk");
  const name = `Desmond Desk${suffix}`;

  // The role: limited to represented customers, two permissions.
  await admin.goto("/admin/staff-roles");
  await admin.getByRole("link", { name: "New role" }).click();
  await expect(admin.getByRole("heading", { name: "New staff role" })).toBeVisible();
  await admin.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await admin.getByLabel("Customers they represent").check();
  const editor = admin.getByTestId("permission-editor");
  await editor.locator('[data-permission="customerUser.view"]').getByRole("checkbox").check();
  await editor.locator('[data-permission="loginAttempt.view"]').getByRole("checkbox").check();
  await admin.getByRole("button", { name: "Create role" }).click();
  await expect(admin.getByRole("heading", { name: label })).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByLabel("Customers they represent")).toBeChecked();

  // The staff member, with that role only.
  await admin.goto("/admin/staff/new");
  await admin.getByLabel("First name").fill("Desmond");
  await admin.getByLabel("Last name").fill(`Desk${suffix}`);
  await admin.getByRole("textbox", { name: "Email" }).fill(email);
  await admin.getByRole("checkbox", { name: label, exact: true }).check();
  await admin.getByRole("button", { name: "Create and send the link" }).click();
  await expect(admin.getByRole("heading", { name })).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByText("No password yet")).toBeVisible();

  // They represent one customer, Initech (set on the customer).
  await admin.goto("/admin/customers?q=Initech");
  await admin.getByTestId("customers").getByRole("link", { name: "Initech", exact: true }).click();
  await admin.getByRole("link", { name: "Edit", exact: true }).click();
  await admin.getByLabel(name).check();
  await admin.getByRole("button", { name: "Save customer" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Initech" })).toBeVisible({ timeout: 30_000 });
  await admin.goto(`/admin/staff?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByTestId("represents")).toHaveText("Initech");

  // They choose a password from the link in the email, once.
  const [link] = await emailLinks(browser, email, "Your Roster back-office account");
  expect(link).toContain("/admin/set-password?token=");
  const desk = await newPerson(browser);
  await desk.goto(link!);
  await expect(desk.getByTestId("link-email")).toHaveText(email);
  await desk.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await desk.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await desk.getByRole("button", { name: "Save the new password" }).click();
  await expect(desk.getByTestId("sign-in-notice")).toHaveText("Your password is saved. Sign in with your email and the new password.", {
    timeout: 30_000,
  });
  await desk.goto(link!);
  await expect(desk.getByTestId("invalid-link")).toBeVisible();

  // Signed in, they see only what the role grants: the users of the customer they represent, and sign-in attempts.
  await signInAsStaff(desk, email, NEW_PASSWORD);
  await expect(desk).toHaveURL(/\/admin\/customer-users/);
  const menu = desk.getByRole("navigation", { name: "Back office" });
  await expect(menu.getByRole("link")).toHaveText(["Customer Users", "Sign-in Attempts"]);
  await expect(desk.getByRole("cell", { name: "ian.initech@initech.test" })).toBeVisible();
  await expect(desk.getByRole("cell", { name: "amanda.admin@acme.test" })).toHaveCount(0);
  await desk.goto("/admin/staff");
  await expect(desk.getByTestId("no-access")).toContainText("You need the permission “View staff users”");
  await desk.goto("/admin/settings");
  await expect(desk.getByTestId("no-access")).toContainText("You need the permission “View settings”");

  // Disabled, they are signed out on their next page.
  await admin.goto(`/admin/staff?q=${encodeURIComponent(email)}`);
  await admin.getByRole("button", { name: `Actions for ${name}` }).click();
  await admin.getByRole("menuitem", { name: "Disable" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(toast(admin, `${name} is now disabled.`)).toBeVisible();
  await desk.goto("/admin/customer-users");
  await expect(desk.getByTestId("sign-in-notice")).toHaveText("Your account has been disabled, so you were signed out.");
});

test("a staff member cannot grant what they do not hold, and is told which permission stands in the way", async ({ page }) => {
  await signInAsStaff(page, "people@roster.test");
  await expect(page.getByRole("navigation", { name: "Back office" }).getByRole("link")).toHaveText(["Staff", "Staff Roles"]);

  // A role with a permission they lack: marked in the editor, refused on save with the reason.
  await page.goto("/admin/staff-roles/new");
  await page.getByRole("textbox", { name: "Label", exact: true }).fill(`Auditors ${Date.now().toString(36)}`);
  const audit = page.getByTestId("permission-editor").locator('[data-permission="audit.view"]');
  await expect(audit).toContainText("You do not hold this permission");
  await audit.getByRole("checkbox").check();
  await page.getByTestId("permission-editor").locator('[data-permission="staffUser.view"]').getByRole("checkbox").check();
  await expect(page.getByTestId("beyond-editor")).toHaveText("1 chosen permission beyond your own: saving will be refused.");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(
    toast(page, 'You cannot create a staff role with more than you hold yourself: "View the audit log" (you do not hold it).'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/staff-roles\/new$/);

  // A staff member with a role beyond theirs: refused with each permission named.
  await page.goto("/admin/staff/new");
  await page.getByLabel("First name").fill("Eve");
  await page.getByLabel("Last name").fill("Escalate");
  await page.getByRole("textbox", { name: "Email" }).fill(uniqueEmail("eve"));
  await page.getByRole("checkbox", { name: "Administrator", exact: true }).check();
  await page.getByRole("button", { name: "Create and send the link" }).click();
  await expect(
    toast(page, /^You cannot create a staff member with more than you hold yourself: .*"View the audit log" \(you do not hold it\)/),
  ).toBeVisible();

  // An administrator's account is not theirs to change.
  await page.goto("/admin/staff?q=admin%40roster.test");
  await page.getByRole("link", { name: "Ada Admin" }).click();
  await expect(page.getByTestId("beyond-you")).toContainText("You cannot change this account: Ada Admin holds more than you do:");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
});
