import { expect, test, type Browser, type Page } from "@playwright/test";
import { NEW_PASSWORD, confirmedCustomer, newPerson, signInAsCustomer, signInAsStaff } from "../support";

// Several browsers signing in, each a password hash and a whole page, on a shared machine.
test.describe.configure({ timeout: 120_000 });

/** A second browser holding a copy of this page's cookies, as someone who copied them would. */
async function copyOf(browser: Browser, page: Page) {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  return context.newPage();
}

test("a back-office cookie copied before signing out no longer works afterwards; the other browser stays signed in", async ({
  browser,
}) => {
  const laptop = await newPerson(browser);
  await signInAsStaff(laptop, "viewer@roster.test");
  const phone = await newPerson(browser);
  await signInAsStaff(phone, "viewer@roster.test");
  const copy = await copyOf(browser, laptop);
  await copy.goto("/admin");
  await expect(copy.getByTestId("staff-name")).toHaveText("Vera Viewer");

  await laptop.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptop).toHaveURL(/\/admin\/login/);
  await copy.goto("/admin");
  await expect(copy).toHaveURL(/\/admin\/login\?ended=revoked/);
  await expect(copy.getByTestId("sign-in-notice")).toHaveText("Your session has ended. Please sign in again.");
  await phone.goto("/admin");
  await expect(phone.getByTestId("staff-name")).toHaveText("Vera Viewer");
});

test("a storefront cookie copied before signing out no longer works; signing out everywhere ends every browser", async ({ browser }) => {
  // An account of this journey's own: signing out everywhere must not end other journeys' sessions.
  test.setTimeout(180_000);
  const { page: laptop, email } = await confirmedCustomer(browser, "sessions");
  const phone = await newPerson(browser);
  await signInAsCustomer(phone, email, NEW_PASSWORD);
  const laptopCopy = await copyOf(browser, laptop);
  const phoneCopy = await copyOf(browser, phone);

  await laptop.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await laptopCopy.goto("/account");
  await expect(laptopCopy).toHaveURL(/\/login\?ended=revoked/);
  await phone.reload();
  await expect(phone.getByTestId("account-name")).toHaveText("Jo Journey");

  await phone.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(phone.getByTestId("sign-in-notice")).toHaveText("You are signed out on every device.");
  await phoneCopy.goto("/account");
  await expect(phoneCopy).toHaveURL(/\/login\?ended=revoked/);
});
