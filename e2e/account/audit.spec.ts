import { expect, test } from "@playwright/test";
import { customerUserAction, newPerson, signInAsCustomer, signInAsStaff } from "../support";

test("a company administrator sees in the audit log what staff changed in their company", async ({ browser }) => {
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  await customerUserAction(staff, "alice.schmidt.1@example.test", "Alice Schmidt", "Disable", "Disable");
  await expect(staff.getByText("Alice Schmidt is now disabled.")).toBeVisible();
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
