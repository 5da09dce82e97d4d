import { expect, test } from "@playwright/test";
import { confirmedCustomer } from "../support";

// Journeys through registration, the back office's mailbox and back: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("a user withdraws an optional consent and accepts it again; the required one cannot be withdrawn", async ({ browser }) => {
  const { page } = await confirmedCustomer(browser, "consents", { optionalConsents: ["Newsletter"] });
  await page.getByRole("link", { name: "Consents" }).click();
  const newsletter = page.getByRole("region", { name: "Newsletter" });
  const privacy = page.getByRole("region", { name: "Privacy policy" });
  await expect(newsletter).toContainText("Accepted");
  await expect(privacy).toContainText("cannot be withdrawn");
  await expect(privacy.getByRole("button")).toHaveCount(0);

  await newsletter.getByRole("button", { name: "Withdraw Newsletter" }).click();
  await expect(page.getByText("You withdrew “Newsletter”.")).toBeVisible();
  await expect(newsletter).toContainText("Not accepted");
  await expect(newsletter.getByRole("list", { name: "History of Newsletter" })).toContainText("withdrawn");

  await newsletter.getByRole("button", { name: "Accept Newsletter" }).click();
  await expect(newsletter.getByRole("list", { name: "History of Newsletter" }).getByRole("listitem")).toHaveCount(2);
});
