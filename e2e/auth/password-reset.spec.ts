import { expect, test } from "@playwright/test";
import { NEW_PASSWORD, confirmedCustomer, emailLinks, newPerson, signInAsCustomer } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("a forgotten password is reset from the emailed link, and every old session ends", async ({ browser }) => {
  const { page: oldSession, email } = await confirmedCustomer(browser, "forgetful");

  const page = await newPerson(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("request-done")).toContainText(`If an account exists for ${email}`);

  const [link] = await emailLinks(browser, email, "Reset your password");
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByTestId("link-email")).toHaveText(email);
  const chosen = "Fresh-start-2027";
  await page.getByLabel(/^New password/).fill(chosen);
  await page.getByLabel("Repeat the new password").fill(chosen);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("sign-in-notice")).toHaveText("Your password has been changed. Sign in with your new password.");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");
  await signInAsCustomer(page, email, chosen);

  // The browser that was signed in before the reset is signed out on its next page.
  await oldSession.reload();
  await expect(oldSession).toHaveURL(/\/login\?ended=revoked/);

  // The link was used up.
  await page.goto(link!);
  await expect(page.getByTestId("invalid-link")).toBeVisible();
});

test("asking for a reset of an unknown address looks the same", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody.at.all@example.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("request-done")).toContainText("If an account exists for nobody.at.all@example.test");
});
