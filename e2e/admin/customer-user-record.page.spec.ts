import { expect, test } from "@playwright/test";
import { newPerson, signInAsStaff } from "../support";
import { openCustomerUser } from "./customer-user-page";

/** A customer user's page: notes, OAuth applications, what read-only staff see, the emails sent to the user. */

// Journeys across the back office, the mailbox and the storefront: many pages each, on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("staff add, edit and delete a note on a customer user's page", async ({ page }) => {
  await signInAsStaff(page);
  await openCustomerUser(page, "ian.initech@initech.test");
  const notes = page.getByRole("region", { name: "Notes" });
  await notes.getByLabel("New note").fill("Asked for a volume discount on toner.");
  await notes.getByRole("button", { name: "Add note" }).click();
  const note = notes.getByTestId("note").filter({ hasText: "Asked for a volume discount on toner." });
  await expect(note).toContainText("Ada Admin");

  await note.getByRole("button", { name: "Edit note" }).click();
  await notes.getByLabel("Edit the note").fill("Asked for a volume discount on toner and paper.");
  await notes.getByRole("button", { name: "Save note" }).click();
  const edited = notes.getByTestId("note").filter({ hasText: "toner and paper" });
  await expect(edited).toBeVisible();
  await expect(edited).toContainText("edited");

  await edited.getByRole("button", { name: "Delete note" }).click();
  await page.getByRole("dialog", { name: "Delete this note?" }).getByRole("button", { name: "Delete note" }).click();
  await expect(notes.getByTestId("note").filter({ hasText: "toner" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "Notes" })).toContainText("No notes yet.");
});

test("staff create an OAuth application on a customer user's page; a script lists that user's orders with it", async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsStaff(page);
  await openCustomerUser(page, "eddie.buyer@acme.test");
  const oauth = page.getByRole("region", { name: "OAuth applications" });
  await oauth.getByLabel("Application name").fill("Eddie's ERP sync");
  await oauth.getByRole("button", { name: "Create application" }).click();
  const dialog = page.getByRole("dialog", { name: "Application created" });
  await expect(dialog.getByTestId("new-client-secret")).toHaveText(/^[\w-]{40,}$/);
  const clientId = (await dialog.getByTestId("new-client-id").textContent())!;
  await dialog.getByRole("button", { name: "Copy secret" }).click();
  await expect(page.getByText("Secret copied.")).toBeVisible();
  const clientSecret = await page.evaluate(() => navigator.clipboard.readText());
  expect(clientSecret).toBe(await dialog.getByTestId("new-client-secret").textContent());
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(oauth.getByTestId("oauth-applications")).toContainText("Eddie's ERP sync");

  // As curl would: client credentials for a bearer token, then the user's orders.
  const token = await request.post("/api/oauth/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
  });
  expect(token.status()).toBe(200);
  const { access_token } = await token.json();
  const orders = await request.get("/api/v1/orders", { headers: { authorization: `Bearer ${access_token}` } });
  expect(orders.status()).toBe(200);
  const body = (await orders.json()) as { items: { number: string; customerUser: { email: string } | null }[] };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((order) => order.customerUser?.email === "eddie.buyer@acme.test")).toBe(true);
  // The same orders the user's page lists.
  await page.reload();
  for (const order of body.items) await expect(page.getByTestId("orders")).toContainText(order.number);
});

test("read-only staff see a customer user's page without what they may not do", async ({ page }) => {
  await signInAsStaff(page, "viewer@roster.test");
  await openCustomerUser(page, "bob.buyer@acme.test");
  await expect(page.getByRole("region", { name: "General information" })).toContainText("Acme Holding");
  // Each permission names the role granting it and at which level (another journey may give Bob a company copy of Buyer).
  await expect(page.getByTestId("effective-permissions").getByRole("row", { name: /View order/ })).toContainText(
    /(Buyer|buyer).* \(User\)/,
  );
  await expect(page.getByTestId("orders")).toContainText("SO-");
  await expect(page.getByRole("region", { name: "Notes" })).toContainText("Prefers delivery before noon.");
  await expect(page.getByRole("region", { name: "Accepted consents" })).toContainText("Privacy policy");
  // No edit, no note or event forms, and no sections behind permissions they lack.
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add note" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Schedule event" })).toHaveCount(0);
  for (const section of ["OAuth applications", "Sign-in attempts"]) {
    await expect(page.getByRole("region", { name: section })).toHaveCount(0);
  }
  // The emails Bob was sent are part of his page; reading one is the mailbox's, which they do not hold.
  await expect(page.getByRole("region", { name: "Emails" })).toBeVisible();
  await expect(page.getByTestId("emails").getByRole("link")).toHaveCount(0);
});

test("a sales manager sees the emails sent to a user they represent, and only the mailbox's readers open one", async ({
  page,
  browser,
}) => {
  const email = "eddie.buyer@acme.test";
  await signInAsStaff(page, "sales@roster.test");
  await openCustomerUser(page, email);
  await page.getByTestId("customer-user-actions").getByRole("button", { name: "Send welcome email" }).click();
  await expect(page.getByText(`The welcome email was sent to ${email}.`)).toBeVisible();
  const newest = page.getByTestId("emails").locator("tbody tr").first();
  await expect(newest).toContainText("Welcome to Roster");
  await expect(newest).toContainText("welcome");
  await expect(newest).toContainText(email);
  await expect(newest.getByRole("link")).toHaveCount(0);

  // An administrator, who reads the mailbox, opens the same message from the user's page.
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  await openCustomerUser(admin, email);
  await admin.getByTestId("emails").locator("tbody tr").first().getByRole("link", { name: "Welcome to Roster" }).click();
  await expect(admin.getByRole("heading", { name: "Welcome to Roster" })).toBeVisible();
  await admin.context().close();
});
