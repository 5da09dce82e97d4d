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

test("staff notes about a company never reach its audit log, only the back office's", async ({ browser, baseURL }) => {
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  const input = encodeURIComponent(JSON.stringify({ json: { search: "Globex Industries", limit: 10 } }));
  const globex = (await (await staff.request.get(`/api/trpc/admin.customers.list?input=${input}`)).json()).result.data.json.items[0]
    .id as number;
  const body = `credit risk, do not extend terms (${Date.now().toString(36)})`;
  const created = await staff.request.post("/api/trpc/admin.customers.notes.create", {
    data: { json: { customerId: globex, body } },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(200);
  await staff.goto("/admin/audit?action=note.");
  await expect(staff.getByTestId("audit-log")).toContainText(body);

  const gina = await newPerson(browser);
  await signInAsCustomer(gina, "gina.globex@globex.test");
  await gina.goto("/account/audit");
  await expect(gina.getByTestId("audit-log")).toBeVisible();
  await expect(gina.getByTestId("audit-log")).not.toContainText("credit risk");
});
