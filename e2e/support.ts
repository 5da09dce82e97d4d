import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../server/seed/demo";

export { DEMO_PASSWORD };

export async function signInAsStaff(page: Page, email = "admin@roster.test", password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in hashes a password and renders a whole page: give it room on a busy machine.
  await expect(page.getByTestId("staff-name")).toBeVisible({ timeout: 30_000 });
}

export async function signInAsCustomer(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible({ timeout: 30_000 });
}

/** A page in a browser context of its own: its own cookies, as a second person at another computer. */
export async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** A password that meets the rules, for accounts the journeys create. */
export const NEW_PASSWORD = "Journey-pass-2026";

/** An address no other journey (or earlier run) uses. */
export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Fills and sends the registration form; waits for the answer the visitor sees. */
export async function registerViaPage(
  page: Page,
  person: { email: string; firstName?: string; lastName?: string; company?: string; password?: string; optionalConsents?: string[] },
) {
  await page.goto("/register");
  await page.getByLabel("Company name").fill(person.company ?? "Journey Supplies");
  await page.getByLabel("First name").fill(person.firstName ?? "Jo");
  await page.getByLabel("Last name").fill(person.lastName ?? "Journey");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel(/^Password/).fill(person.password ?? NEW_PASSWORD);
  await page.getByLabel("Repeat the password").fill(person.password ?? NEW_PASSWORD);
  await page.getByLabel("Privacy policy").check();
  for (const consent of person.optionalConsents ?? []) await page.getByLabel(consent).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("registration-done")).toBeVisible();
}

/** Opens the newest email to `to` with this subject in the back office's mailbox (as staff, in a context of its own). */
async function openEmail(browser: Browser, to: string, subject: string) {
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.goto(`/admin/mailbox?to=${encodeURIComponent(to)}`);
  await staff.getByRole("link", { name: subject }).first().click();
  await expect(staff.getByRole("heading", { name: subject })).toBeVisible();
  return staff;
}

/** Checks that an email to `to` with this subject was written. */
export async function expectEmail(browser: Browser, to: string, subject: string) {
  const staff = await openEmail(browser, to, subject);
  await staff.context().close();
}

/** The links of the newest email to `to` with this subject, read in the back office's mailbox. */
export async function emailLinks(browser: Browser, to: string, subject: string) {
  const staff = await openEmail(browser, to, subject);
  const links = staff.getByTestId("email-links").getByRole("link");
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  await staff.context().close();
  return hrefs;
}

/** A new storefront account, registered and confirmed through the pages and the confirmation email. */
export async function confirmedCustomer(browser: Browser, prefix: string, options: { optionalConsents?: string[]; company?: string } = {}) {
  const page = await newPerson(browser);
  const email = uniqueEmail(prefix);
  await registerViaPage(page, { email, optionalConsents: options.optionalConsents, company: options.company });
  const [confirm] = await emailLinks(browser, email, "Please confirm your email address");
  await page.goto(confirm!);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByTestId("sign-in-notice")).toHaveText("Your email address is confirmed. You can sign in now.");
  await signInAsCustomer(page, email, NEW_PASSWORD);
  return { page, email, password: NEW_PASSWORD };
}

/**
 * In the back office's Customer Users grid (as `staff`): finds the user by a search, opens their row's "More
 * options" menu and picks `action`; `confirm` names the button of the confirmation dialog to press, if it asks.
 */
export async function customerUserAction(staff: Page, search: string, name: string, action: string, confirm?: string) {
  await staff.goto(`/admin/customer-users?q=${encodeURIComponent(search)}`);
  await staff.getByRole("button", { name: `More options for ${name}` }).click();
  await staff.getByRole("menuitem", { name: action, exact: true }).click();
  if (confirm) await staff.getByRole("dialog").getByRole("button", { name: confirm, exact: true }).click();
}

/** Picks a customer in the Customer Users grid's customer filter (typing part of its name) and, unless told not to, applies it. */
export async function chooseCustomerFilter(staff: Page, name: string, apply = true) {
  if (!/\/admin\/customer-users/.test(staff.url())) await staff.goto("/admin/customer-users");
  const picker = staff.getByRole("combobox", { name: "Customer" });
  await picker.fill(name.slice(0, 8));
  await staff
    .getByRole("option", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .first()
    .click();
  await expect(picker).toHaveValue(name);
  if (apply) {
    await staff.getByRole("button", { name: "Apply" }).click();
    await expect(staff).toHaveURL(/customer=\d+/);
  }
}
