import { expect, test, type Page } from "@playwright/test";
import { emailLinks, newPerson, NEW_PASSWORD, signInAsCustomer, uniqueEmail } from "../support";

/**
 * Delegated user management in the storefront: a customer's administrator invites colleagues, adds users to the
 * company's subsidiaries and acts on several users at once, never on themselves.
 * (A buyer sees only their own orders while the administrator sees the company's: e2e/account/records.spec.ts.)
 */

// Several people, the back office's mailbox and many pages each, on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

/** Creates a user through the procedure the form uses, as the signed-in administrator. */
async function createUser(
  page: Page,
  baseURL: string,
  input: { email: string; firstName: string; lastName: string; customerId: number; roleIds: number[] },
) {
  const response = await page.request.post("/api/trpc/account.users.create", {
    data: { json: { enabled: true, websiteId: null, generatePassword: true, ...input } },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json.id as number;
}

async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json as T;
}

test("an administrator invites a colleague, who accepts from the mailbox link and signs in with the assigned role", async ({ browser }) => {
  const admin = await newPerson(browser);
  await signInAsCustomer(admin, "amanda.admin@acme.test");
  await admin.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Users" }).click();
  await admin.getByRole("link", { name: "Invite a colleague" }).click();

  const email = uniqueEmail("invited");
  const form = admin.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First name").fill("Ivy");
  await form.getByLabel("Last name").fill("Invited");
  await form.getByLabel("Customer").selectOption({ label: "Acme Holding" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Choose at least one role.")).toBeVisible();
  await form.getByRole("checkbox", { name: "Buyer Predefined", exact: true }).check();
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const row = admin.locator(`tr[data-invitation="${email}"]`);
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Buyer");

  const [link] = await emailLinks(browser, email, "Amanda Admin invites you to Acme Holding");
  const colleague = await newPerson(browser);
  await colleague.goto(link!);
  await expect(colleague.getByRole("heading", { name: "Join Acme Holding" })).toBeVisible();
  await expect(colleague.getByLabel("Email")).toHaveValue(email);
  // The consents registration asks for are asked here too: the mandatory one first refused when left out.
  await colleague.getByLabel(/^Password/).fill(NEW_PASSWORD);
  await colleague.getByRole("button", { name: /accept|create/i }).click();
  await expect(colleague.getByText("Accept “Privacy policy”")).toBeVisible();
  await colleague.getByLabel(/^Password/).fill(NEW_PASSWORD);
  await colleague.getByLabel("Privacy policy").check();
  await colleague.getByLabel("Newsletter").check();
  await colleague.getByRole("button", { name: /accept|create/i }).click();
  await expect(colleague.getByTestId("account-name")).toHaveText("Ivy Invited", { timeout: 30_000 });
  await colleague.getByRole("link", { name: "Consents" }).click();
  await expect(colleague.getByRole("region", { name: "Privacy policy" })).toContainText("Accepted");
  await expect(colleague.getByRole("region", { name: "Newsletter" })).toContainText("Accepted");

  // A fresh session with the password just chosen: the invited role is what they hold.
  const later = await newPerson(browser);
  await signInAsCustomer(later, email, NEW_PASSWORD);
  await expect(later.getByText("Buyer").first()).toBeVisible();
  const nav = later.getByRole("navigation", { name: "Account" });
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Invitations" })).toHaveCount(0);

  // The link was single-use; the administrator sees the invitation accepted.
  await colleague.goto(link!);
  await expect(colleague.getByTestId("invitation-invalid")).toBeVisible();
  await admin.reload();
  await expect(row).toContainText("Accepted");
});

test("the parent company's administrator adds a user to a subsidiary; a sibling's administrator cannot see them", async ({ browser }) => {
  const admin = await newPerson(browser);
  await signInAsCustomer(admin, "amanda.admin@acme.test");
  await admin.goto("/account/users");
  await admin.getByRole("link", { name: "Add a user" }).click();

  const email = uniqueEmail("east.new");
  const form = admin.getByRole("form", { name: "New user" });
  await form.getByLabel("First name").fill("Esme");
  await form.getByLabel("Last name").fill("Eastwood");
  await form.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await form.getByLabel("Customer").selectOption({ label: "Acme East (part of Acme Holding)" });
  await form.getByRole("checkbox", { name: "Buyer Predefined", exact: true }).check();
  await form.getByRole("button", { name: "Add user" }).click();

  await expect(admin.getByRole("heading", { name: "Esme Eastwood" })).toBeVisible();
  await expect(admin.getByText("Acme East (part of Acme Holding)")).toBeVisible();
  await expect(admin.getByTestId("user-roles")).toHaveText("Buyer");
  await expect(admin.getByTestId("effective-permissions")).toContainText("View order");
  const userUrl = admin.url();

  await admin.goto(`/account/users?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`tr[data-user="${email}"]`);
  await expect(row).toContainText("Acme East");
  await expect(row.getByTestId("user-status")).toContainText("Confirmed");

  const sibling = await newPerson(browser);
  await signInAsCustomer(sibling, "walter.west@acme.test");
  const response = await sibling.goto(userUrl);
  expect(response?.status()).toBe(404);
  await sibling.goto(`/account/users?q=${encodeURIComponent(email)}`);
  await expect(sibling.getByText("No users match.")).toBeVisible();
});

test("mass-disabling a selection that includes yourself disables the others and says why you were skipped", async ({
  browser,
  baseURL,
}) => {
  const admin = await newPerson(browser);
  await signInAsCustomer(admin, "walter.west@acme.test");
  const me = await query<{ customer: { id: number } }>(admin, "account.me.get", undefined);
  const roles = await query<{ id: number; label: string }[]>(admin, "account.users.roleChoices", { customerId: me.customer.id });
  const buyer = roles.find((r) => r.label === "Buyer")!.id;
  const tag = uniqueEmail("mass").split("@")[0]!.replace(/\W/g, "");
  const emails = [`${tag}.one@example.test`, `${tag}.two@example.test`];
  for (const [i, email] of emails.entries())
    await createUser(admin, baseURL!, {
      email,
      firstName: "Mass",
      lastName: `Target ${i + 1}`,
      customerId: me.customer.id,
      roleIds: [buyer],
    });

  await admin.goto(`/account/users?customer=${me.customer.id}&sort=created&dir=desc`);
  for (const email of emails) await admin.locator(`tr[data-user="${email}"]`).getByRole("checkbox").check();
  await admin.locator('tr[data-user="walter.west@acme.test"]').getByRole("checkbox").check();
  await expect(admin.getByTestId("selected-count")).toHaveText("3 selected");
  await admin.getByRole("toolbar", { name: "Selected users" }).getByRole("button", { name: "Disable" }).click();

  const report = admin.getByTestId("mass-result");
  await expect(report).toContainText("2 rows disabled. 1 skipped:");
  await expect(report).toContainText("Walter West: You cannot disable yourself.");
  for (const email of emails) await expect(admin.locator(`tr[data-user="${email}"]`).getByTestId("user-status")).toContainText("Disabled");
  await expect(admin.locator('tr[data-user="walter.west@acme.test"]').getByTestId("user-status")).toContainText("Enabled");
  await expect(admin.getByTestId("account-name")).toHaveText("Walter West");
});

test("a buyer sees their colleagues but cannot manage them", async ({ page }) => {
  await signInAsCustomer(page, "bob.buyer@acme.test");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByText("Showing your company's users.")).toBeVisible();
  await expect(page.locator('tr[data-user="amanda.admin@acme.test"]')).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a user" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Invite a colleague" })).toHaveCount(0);
  await expect(page.getByRole("toolbar", { name: "Selected users" })).toHaveCount(0);
  await page.getByRole("button", { name: "Actions for Amanda Admin" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["View"]);
  // Subsidiaries are beyond a Department-level view.
  await page.goto("/account/users?q=eddie.buyer");
  await expect(page.getByText("No users match.")).toBeVisible();
  expect((await page.goto("/account/users/new"))?.status()).toBe(404);
});

test("a Department-level administrator hands out only what they hold and leaves stronger colleagues alone", async ({ page }) => {
  await signInAsCustomer(page, "dana.department@acme.test");
  await page.goto("/account/users/new");
  const form = page.getByRole("form", { name: "New user" });
  await expect(form.getByLabel("Customer").locator("option")).toHaveText(["Choose…", "Acme East"]);
  const administrator = form.getByRole("checkbox", { name: "Administrator Predefined", exact: true });
  await expect(administrator).toBeDisabled();
  await expect(administrator).toHaveAccessibleDescription(/^Needs more than you hold: View customer, /);
  await expect(form.getByRole("checkbox", { name: "Buyer Predefined", exact: true })).toBeEnabled();

  await page.goto("/account/users?q=erin.east");
  await page.getByRole("link", { name: "Erin East" }).click();
  await expect(page.getByTestId("user-stronger")).toContainText("Only someone who holds them can change this user.");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable" })).toHaveCount(0);

  // The parent company is beyond a Department level.
  await page.goto("/account/users?q=amanda.admin");
  await expect(page.getByText("No users match.")).toBeVisible();
});
