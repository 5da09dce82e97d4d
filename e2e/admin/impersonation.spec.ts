import { expect, test } from "@playwright/test";
import { newPerson, signInAsStaff } from "../support";

// Back office, storefront and back again, then the audit log as a second staff member.
test.describe.configure({ timeout: 180_000 });

test("a sales manager signs in as a customer user with a reason, acts on their behalf under a banner, and every change names them", async ({
  browser,
}) => {
  const email = "ines.moreau.9@example.test";
  const sam = await newPerson(browser);
  await signInAsStaff(sam, "sales@roster.test");
  await sam.goto(`/admin/customer-users?q=${encodeURIComponent(email)}`);
  await sam.getByRole("link", { name: email }).click();
  await expect(sam.getByRole("heading", { level: 1, name: "Ines Moreau" })).toBeVisible();
  const userPage = sam.url();
  const userId = userPage.split("/").at(-1)!;

  await sam.getByTestId("customer-user-actions").getByRole("link", { name: "Sign in as this user" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: "Sign in as Ines Moreau" })).toBeVisible();
  // No reason, no storefront.
  const form = sam.getByRole("form", { name: "Sign in as this user" });
  await form.getByRole("button", { name: "Sign in as this user" }).click();
  await expect(form.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await expect(sam).toHaveURL(/\/impersonate$/);

  const reason = "Ticket #4411: cannot find last week's order";
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Sign in as this user" }).click();
  const banner = sam.getByTestId("impersonation-banner");
  await expect(banner).toContainText("Sam Sales, you are signed in as Ines Moreau");
  await expect(banner).toContainText(reason);
  await expect(sam.getByTestId("account-name")).toHaveText("Ines Moreau");
  // The session is theirs only through the banner: no sign-out that would leave the impersonation running.
  await expect(sam.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);

  // Their password and email address stay theirs to change; the rest of the profile is editable on their behalf.
  await sam.getByRole("link", { name: "Profile" }).click();
  await expect(sam.getByRole("form", { name: "Change email address" })).toHaveCount(0);
  await expect(sam.getByRole("form", { name: "Change password" })).toHaveCount(0);
  const details = sam.getByRole("form", { name: "Personal details" });
  await details.getByLabel("Phone").fill("+49 30 4411 0000");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(sam.getByText("Your profile is saved.")).toBeVisible();

  await banner.getByRole("button", { name: "End and return to the back office" }).click();
  await expect(sam).toHaveURL(userPage);
  await expect(sam.getByTestId("impersonation-banner")).toHaveCount(0);
  // The storefront session ended with the impersonation.
  await sam.goto("/account");
  await expect(sam).toHaveURL(/\/login/);

  // What an administrator reads in the audit log: who really acted, as whom, and why.
  const ada = await newPerson(browser);
  await signInAsStaff(ada);
  await ada.goto(userPage);
  await ada.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Change history" }).click();
  await expect(ada).toHaveURL(new RegExp(`/admin/audit\\?entityType=CustomerUser&entityId=${userId}$`));
  const log = ada.getByTestId("audit-log");
  const action = (name: string) => log.getByRole("row").filter({ has: ada.getByRole("cell", { name, exact: true }) });
  const started = action("customerUser.impersonate");
  await expect(started).toContainText("Sam Sales");
  await expect(started).toContainText(reason);
  await expect(log.getByRole("row").filter({ hasText: "+49 30 4411 0000" })).toContainText("Sam Sales as Ines Moreau");
  await expect(action("customerUser.impersonate.end")).toHaveCount(1);
  // The filters say what the list shows, and each record leads to its page.
  await expect(ada.getByRole("search", { name: "Filter the audit log" }).getByLabel("Record type")).toHaveValue("CustomerUser");
  await started.getByRole("link", { name: `CustomerUser #${userId}` }).click();
  await expect(ada).toHaveURL(userPage);
});

test("signed in as a company administrator, staff see their API applications but cannot create or change them", async ({ browser }) => {
  const ada = await newPerson(browser);
  await signInAsStaff(ada);
  await ada.goto(`/admin/customer-users?q=${encodeURIComponent("erin.east@acme.test")}`);
  await ada.getByRole("link", { name: "erin.east@acme.test" }).click();
  await ada.getByTestId("customer-user-actions").getByRole("link", { name: "Sign in as this user" }).click();
  const form = ada.getByRole("form", { name: "Sign in as this user" });
  await form.getByLabel("Reason").fill("Ticket #4502: the ERP integration stopped");
  await form.getByRole("button", { name: "Sign in as this user" }).click();
  await expect(ada.getByTestId("impersonation-banner")).toContainText("signed in as Erin East");

  await ada.getByRole("link", { name: "API access" }).click();
  await expect(ada.getByTestId("oauth-read-only")).toHaveText(
    "API credentials stay Erin East's own to create and change: you see them on their behalf.",
  );
  await expect(ada.getByRole("button", { name: "Create application" })).toHaveCount(0);
  await expect(ada.getByLabel("Application name")).toHaveCount(0);
  await ada.getByTestId("impersonation-banner").getByRole("button", { name: "End and return to the back office" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "Erin East" })).toBeVisible();
});

test("staff without the permission are not offered to sign in as anyone, and the page says what it takes", async ({ browser }) => {
  const vera = await newPerson(browser);
  await signInAsStaff(vera, "viewer@roster.test");
  await vera.goto(`/admin/customer-users?q=${encodeURIComponent("ines.moreau.9@example.test")}`);
  await vera.getByRole("link", { name: "ines.moreau.9@example.test" }).click();
  await expect(vera.getByRole("heading", { level: 1, name: "Ines Moreau" })).toBeVisible();
  await expect(vera.getByRole("link", { name: "Sign in as this user" })).toHaveCount(0);
  await vera.goto(`${vera.url()}/impersonate`);
  await expect(vera.getByTestId("no-access")).toContainText("You need the permission");
  await expect(vera.getByRole("form", { name: "Sign in as this user" })).toHaveCount(0);
});
