import { expect, test } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff } from "../support";

test("a company administrator sees in the audit log what staff changed in their company", async ({ browser }) => {
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await staff.getByLabel("Search by name or email").fill("alice.schmidt.1@example.test");
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByRole("button", { name: "Disable Alice Schmidt" }).click();
  await expect(staff.getByRole("button", { name: "Enable Alice Schmidt" })).toBeVisible();
  await staff.goto("/admin/audit?action=customerUser.disable");
  await expect(staff.getByTestId("audit-log")).toContainText("Ada Admin");

  const admin = await newPerson(browser);
  await signInAsCustomer(admin, "amanda.admin@acme.test");
  await admin.getByRole("link", { name: "Audit log" }).click();
  const log = admin.getByTestId("audit-log");
  await expect(log).toContainText("customerUser.disable");
  await expect(log).toContainText("enabled: true → false");
  await expect(log).not.toContainText("Ada Admin");

  const buyer = await newPerson(browser);
  await signInAsCustomer(buyer, "bob.buyer@acme.test");
  await expect(buyer.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});
