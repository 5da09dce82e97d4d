import { expect, test } from "@playwright/test";
import { NEW_PASSWORD, confirmedCustomer, emailLinks, expectEmail, newPerson, signInAsCustomer, uniqueEmail } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("a user edits their profile: name, birthday, phone and language", async ({ browser }) => {
  const { page } = await confirmedCustomer(browser, "profile");
  await page.getByRole("link", { name: "Profile" }).click();
  const details = page.getByRole("form", { name: "Personal details" });
  await details.getByLabel("Prefix").fill("Dr.");
  await details.getByLabel("First name").fill("Josephine");
  await details.getByLabel("Birthday").fill("1985-06-15");
  await details.getByLabel("Phone").fill("+49 30 1234567");
  await details.getByLabel("Preferred language").selectOption({ label: "Deutsch" });
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await expect(page.getByTestId("account-name")).toHaveText("Josephine Journey");

  await page.reload();
  await expect(details.getByLabel("Prefix")).toHaveValue("Dr.");
  await expect(details.getByLabel("Birthday")).toHaveValue("1985-06-15");
  await expect(details.getByLabel("Phone")).toHaveValue("+49 30 1234567");
  await expect(details.getByLabel("Preferred language")).toHaveValue(/\d+/);
  await expect(details.getByLabel("Preferred language").locator("option:checked")).toHaveText("Deutsch");

  // A birthday in the future is refused next to the field.
  await details.getByLabel("Birthday").fill(`${new Date().getFullYear() + 1}-01-01`);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("A birthday cannot be in the future.")).toBeVisible();
});

test("a user changes their email address, which applies once the new address confirms it", async ({ browser }) => {
  const { page, email } = await confirmedCustomer(browser, "mover");
  const next = uniqueEmail("moved");
  await page.goto("/account/profile");
  const change = page.getByRole("form", { name: "Change email address" });
  await change.getByLabel("New email address").fill(next);
  await change.getByLabel("Current password").fill(NEW_PASSWORD);
  await change.getByRole("button", { name: "Change email address" }).click();
  await expect(page.getByTestId("pending-email")).toContainText(next);
  await expect(page.getByTestId("profile-email")).toHaveText(email);

  // The old address is told; the new one gets the link.
  await expectEmail(browser, email, "A change of your email address was requested");
  const [link] = await emailLinks(browser, next, "Confirm your new email address");
  await page.goto(link!);
  await expect(page.getByTestId("link-email")).toHaveText(next);
  await page.getByRole("button", { name: "Use this email address" }).click();
  await expect(page.getByTestId("profile-notice")).toHaveText(`Your email address is now ${next}.`);
  await expect(page.getByTestId("profile-email")).toHaveText(next);
  await expect(page.getByTestId("pending-email")).toHaveCount(0);

  // The session stayed; the new address signs in from now on.
  const elsewhere = await newPerson(browser);
  await signInAsCustomer(elsewhere, next, NEW_PASSWORD);
});

test("changing the password ends the other sessions and keeps this one", async ({ browser }) => {
  const { page, email } = await confirmedCustomer(browser, "rotator");
  const other = await newPerson(browser);
  await signInAsCustomer(other, email, NEW_PASSWORD);

  await page.goto("/account/profile");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password-1");
  await form.getByLabel(/^New password/).fill("Rotated-pass-2026");
  await form.getByLabel("Repeat the new password").fill("Rotated-pass-2026");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("profile-notice")).toHaveText("Your password has been changed. Your other sessions have ended.");
  await page.goto("/account");
  await expect(page.getByTestId("account-name")).toBeVisible();
  await other.reload();
  await expect(other).toHaveURL(/\/login\?ended=revoked/);
});
