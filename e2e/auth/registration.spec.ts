import { expect, test } from "@playwright/test";
import { NEW_PASSWORD, confirmedCustomer, emailLinks, newPerson, registerViaPage, signInAsCustomer, uniqueEmail } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("a newcomer registers, confirms the address from the email, and signs in to their own company", async ({ browser }) => {
  const page = await newPerson(browser);
  const email = uniqueEmail("newcomer");
  await registerViaPage(page, { email, company: "Newcomer Trading", firstName: "Nina", lastName: "Newcomer" });
  await expect(page.getByTestId("registration-done")).toContainText(`we sent a confirmation link to ${email}`);

  // Not confirmed yet: sign-in is refused, and the message offers the confirmation email again.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Please confirm your email address first");
  await expect(page.getByTestId("sign-in-help").getByRole("link", { name: "Send the confirmation email again" })).toBeVisible();

  const [link] = await emailLinks(browser, email, "Please confirm your email address");
  expect(link).toContain("/confirm?token=");
  await page.goto(link!);
  await expect(page.getByTestId("link-email")).toHaveText(email);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/login\?notice=confirmed$/);
  await signInAsCustomer(page, email, NEW_PASSWORD);
  await expect(page.getByTestId("me-name")).toHaveText("Nina Newcomer");
  await expect(page.getByTestId("me-customer")).toHaveText("Newcomer Trading");

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByTestId("invalid-link")).toBeVisible();
});

test("registering an email that already has an account looks exactly like registering a new one", async ({ browser }) => {
  const existing = await confirmedCustomer(browser, "taken");
  const visitor = await newPerson(browser);
  const fresh = uniqueEmail("fresh");
  await registerViaPage(visitor, { email: fresh });
  const newAnswer = (await visitor.getByTestId("registration-done").innerText()).replace(fresh, "EMAIL");

  await registerViaPage(visitor, { email: existing.email, company: "Impostor Inc" });
  const takenAnswer = (await visitor.getByTestId("registration-done").innerText()).replace(existing.email, "EMAIL");
  expect(takenAnswer).toBe(newAnswer);

  // The real owner hears about it, and their account is unchanged.
  const links = await emailLinks(browser, existing.email, "Someone tried to register with your email address");
  expect(links.some((href) => href.endsWith("/forgot-password"))).toBe(true);
  await existing.page.reload();
  await expect(existing.page.getByTestId("me-customer")).toHaveText("Journey Supplies");
});

test("bad registration input is refused field by field", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByLabel("Repeat the password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your company's name.")).toBeVisible();
  await expect(page.getByText("Enter your first name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expect(page.getByText("Accept “Privacy policy” to register.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("registration-done")).toHaveCount(0);
});

test("the confirmation email can be sent again, and only the newest link works", async ({ browser }) => {
  const page = await newPerson(browser);
  const email = uniqueEmail("again");
  await registerViaPage(page, { email });
  const [first] = await emailLinks(browser, email, "Please confirm your email address");

  await page.goto("/login");
  await page.getByRole("link", { name: "Didn't get the confirmation email?" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the confirmation email" }).click();
  await expect(page.getByTestId("request-done")).toContainText(email);
  const [second] = await emailLinks(browser, email, "Please confirm your email address");
  expect(second).not.toBe(first);

  await page.goto(first!);
  await expect(page.getByTestId("invalid-link")).toBeVisible();
  await page.goto(second!);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByTestId("sign-in-notice")).toContainText("confirmed");
});
