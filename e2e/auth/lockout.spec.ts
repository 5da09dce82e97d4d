import { expect, test } from "@playwright/test";
import { confirmedCustomer, newPerson, signInAsCustomer, signInAsStaff } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("ten wrong passwords lock the account; a staff member sees and clears the lockout, and sign-in works again", async ({ browser }) => {
  const { page, email, password } = await confirmedCustomer(browser, "locked");
  await page.getByRole("button", { name: "Sign out" }).click();
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

  await staff.getByRole("search", { name: "Filter attempts" }).getByLabel("Email").fill(email);
  await staff.getByRole("button", { name: "Filter" }).click();
  const attempts = staff.getByTestId("sign-in-attempts").locator("tbody tr");
  await expect(attempts).toHaveCount(12);
  await expect(attempts.first()).toContainText("Locked out");
  await expect(attempts.last()).toContainText("Signed in");

  await staff.getByRole("button", { name: `Clear lockout of ${email}` }).click();
  await expect(staff.getByText(`${email} can sign in again.`)).toBeVisible();
  await expect(lockouts.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toHaveCount(0);

  await signInAsCustomer(page, email, password);
});
