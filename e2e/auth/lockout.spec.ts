import { expect, test, type Page } from "@playwright/test";
import { NEW_PASSWORD, confirmedCustomer, emailLinks, newPerson, signInAsCustomer, signInAsStaff } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

/** One sign-in from a fresh page, so the message seen is the answer to this attempt. */
async function attempt(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page.getByTestId("sign-in-error");
}

/** Ten wrong passwords from a browser of someone else (at the same address: every journey runs from 127.0.0.1). */
async function guessTenTimes(page: Page, email: string) {
  for (let i = 1; i <= 10; i++) {
    await expect(await attempt(page, email, `wrong-guess-${i}`)).toContainText(
      i < 10 ? "The email or password is not correct." : "from your network address",
    );
  }
}

test("wrong passwords hold the guesser's address for the account, not the owner's browser; staff see and clear the hold", async ({
  browser,
}) => {
  const { page: owner, email, password } = await confirmedCustomer(browser, "locked");
  await owner.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(owner).toHaveURL(/\/login/);

  const guesser = await newPerson(browser);
  await guessTenTimes(guesser, email);
  // Even the right password is refused there, with a way in for the owner.
  await expect(await attempt(guesser, email, password)).toContainText("The account itself is not locked");
  await expect(guesser.getByTestId("sign-in-help").getByRole("link", { name: "email me a sign-in link" })).toBeVisible();
  // The owner's own browser signed in before: the hold does not reach it.
  await signInAsCustomer(owner, email, password);

  const staff = await newPerson(browser);
  await signInAsStaff(staff, "admin@roster.test");
  await staff.getByRole("link", { name: "Sign-in Attempts" }).click();
  await expect(staff.getByRole("heading", { name: "Sign-in Attempts" })).toBeVisible();
  const lockouts = staff.getByTestId("lockouts");
  const hold = lockouts.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(hold).toContainText("An address, for this account");
  await expect(hold).toContainText("from 127.0.0.1");
  await expect(hold).toContainText("Jo Journey");

  const filters = staff.getByRole("search", { name: "Filter attempts" });
  await filters.getByLabel("Email tried").fill(email);
  await filters.getByRole("button", { name: "Apply" }).click();
  const attempts = staff.getByTestId("sign-in-attempts").locator("tbody tr");
  await expect(staff.getByTestId("grid-count")).toHaveText("13 attempts");
  await expect(attempts.first()).toContainText("Signed in");
  await expect(attempts.nth(1)).toContainText("Locked out");

  // Ten to a page: the next page keeps the filter and the page size.
  const pager = staff.getByRole("navigation", { name: "Pages" });
  await pager.getByRole("link", { name: "10", exact: true }).click();
  await expect(attempts).toHaveCount(10);
  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(attempts).toHaveCount(3);
  await expect(attempts.last()).toContainText("Signed in");
  await expect(pager.locator("[aria-current]")).toHaveText("10");

  await staff.getByRole("button", { name: `Clear lockout of ${email}` }).click();
  await expect(staff.getByText(`${email} can sign in again.`)).toBeVisible();
  await expect(hold).toHaveCount(0);

  await signInAsCustomer(guesser, email, password);
});

test("the owner on a browser new to a held address signs in with a link by email", async ({ browser }) => {
  const { page: first, email } = await confirmedCustomer(browser, "linked");
  await first.context().close();
  await guessTenTimes(await newPerson(browser), email);

  const owner = await newPerson(browser);
  await attempt(owner, email, NEW_PASSWORD);
  await owner.getByTestId("sign-in-help").getByRole("link", { name: "email me a sign-in link" }).click();
  await expect(owner.getByRole("heading", { name: "Sign in with a link" })).toBeVisible();
  await owner.getByLabel("Email").fill(email);
  await owner.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(owner.getByTestId("request-done")).toContainText(`If ${email} belongs to an account that may sign in`);

  const [link] = await emailLinks(browser, email, "Your sign-in link");
  await owner.goto(link!);
  await expect(owner.getByTestId("link-email")).toHaveText(email);
  await owner.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(owner.getByTestId("account-name")).toHaveText("Jo Journey");

  // The link worked once; and this browser is now one the account knows, so the held address lets it in.
  await owner.goto(link!);
  await expect(owner.getByTestId("invalid-link")).toBeVisible();
  await owner.goto("/account");
  await owner.getByRole("button", { name: "Sign out", exact: true }).click();
  await signInAsCustomer(owner, email, NEW_PASSWORD);
});
