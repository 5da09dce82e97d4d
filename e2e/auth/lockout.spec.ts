import { expect, test } from "@playwright/test";
import { confirmedCustomer, newPerson, signInAsCustomer, signInAsStaff } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("ten wrong passwords lock the account; a staff member sees and clears the lockout, and sign-in works again", async ({ browser }) => {
  const { page, email, password } = await confirmedCustomer(browser, "locked");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  const attempt = async (guess: string) => {
    // A fresh page each time, so each message seen is the answer to this attempt.
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(guess);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.getByTestId("sign-in-error");
  };
  for (let i = 1; i <= 10; i++) {
    await expect(await attempt(`wrong-guess-${i}`)).toContainText(i < 10 ? "The email or password is not correct." : "Too many failed attempts");
  }
  // Even the right password is refused while the lock holds.
  await expect(await attempt(password)).toContainText("Too many failed attempts");
  await expect(page.getByTestId("sign-in-help").getByRole("link", { name: "reset your password" })).toBeVisible();

  const staff = await newPerson(browser);
  await signInAsStaff(staff, "admin@roster.test");
  await staff.getByRole("link", { name: "Sign-in Attempts" }).click();
  await expect(staff.getByRole("heading", { name: "Sign-in Attempts" })).toBeVisible();
  const lockouts = staff.getByTestId("lockouts");
  await expect(lockouts.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText("Jo Journey");

  const filters = staff.getByRole("search", { name: "Filter attempts" });
  await filters.getByLabel("Email tried").fill(email);
  await filters.getByRole("button", { name: "Apply" }).click();
  const attempts = staff.getByTestId("sign-in-attempts").locator("tbody tr");
  await expect(attempts).toHaveCount(12);
  await expect(staff.getByTestId("grid-count")).toHaveText("12 attempts");
  await expect(attempts.first()).toContainText("Locked out");
  await expect(attempts.last()).toContainText("Signed in");

  // Ten to a page: the next page keeps the filter and the page size.
  const pager = staff.getByRole("navigation", { name: "Pages" });
  await pager.getByRole("link", { name: "10", exact: true }).click();
  await expect(attempts).toHaveCount(10);
  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(attempts).toHaveCount(2);
  await expect(attempts.last()).toContainText("Signed in");
  await expect(pager.locator("[aria-current]")).toHaveText("10");

  // The same attempts found by the account they matched, the browser and how they were made; a reload keeps the view.
  await filters.getByLabel("Email tried").fill("");
  await filters.getByLabel("User", { exact: true }).fill(email);
  await filters.getByLabel("Source").selectOption("Password");
  await filters.getByText("More filters").click();
  await filters.getByLabel("Browser (user agent)").fill("chrome");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByTestId("grid-count")).toHaveText("12 attempts");
  await expect(attempts).toHaveCount(10);
  await staff.reload();
  await expect(filters.getByLabel("User", { exact: true })).toHaveValue(email);
  await expect(filters.getByLabel("Browser (user agent)")).toHaveValue("chrome");
  await expect(staff.getByTestId("grid-count")).toHaveText("12 attempts");
  await filters.getByLabel("Source").selectOption("OAuth");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByText("No sign-in attempts match.")).toBeVisible();

  await staff.getByRole("button", { name: `Clear lockout of ${email}` }).click();
  await expect(staff.getByText(`${email} can sign in again.`)).toBeVisible();
  await expect(lockouts.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toHaveCount(0);

  await signInAsCustomer(page, email, password);
});
