import { expect, test, type Page } from "@playwright/test";
import { newPerson, NEW_PASSWORD, signInAsCustomer, signInAsStaff, uniqueEmail } from "../support";

/**
 * The role picker tells same-named roles apart: a company's copy of a predefined role keeps its label (editing a
 * predefined role in the storefront makes one), and each choice says which one it is.
 */

async function call<T>(page: Page, baseURL: string, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const response =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json as T;
}

test("a company role named like a predefined one is told apart from it when adding a user", async ({ browser, baseURL }) => {
  // A customer of its own, with its own "Buyer" and an administrator: no other journey's picker shows the copy.
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  const name = `Twin Roles ${Date.now().toString(36)}`;
  const customer = await call<{ id: number }>(staff, baseURL!, "admin.customers.create", { name, parentId: null, groupId: null });
  await call(staff, baseURL!, "admin.customerUserRoles.create", {
    label: "Buyer",
    customerId: customer.id,
    selfManaged: true,
    public: false,
    permissions: [{ permission: "order.view", level: "OWN" }],
  });
  const choices = await call<{ id: number; label: string; predefined: boolean }[]>(
    staff,
    baseURL!,
    "admin.customerUsers.roleChoices",
    { customerId: customer.id },
    "query",
  );
  const email = uniqueEmail("twin.admin");
  await call(staff, baseURL!, "admin.customerUsers.create", {
    enabled: true,
    firstName: "Tess",
    lastName: "Twin",
    email,
    customerId: customer.id,
    websiteId: null,
    roleIds: [choices.find((role) => role.predefined && role.label === "Administrator")!.id],
    generatePassword: false,
    password: NEW_PASSWORD,
  });

  const admin = await newPerson(browser);
  await signInAsCustomer(admin, email, NEW_PASSWORD);
  await admin.goto("/account/users/new");
  const form = admin.getByRole("form", { name: "New user" });
  await expect(form.getByRole("checkbox", { name: /^Buyer/ })).toHaveCount(2);
  await expect(form.getByRole("checkbox", { name: "Buyer Predefined", exact: true })).toBeVisible();
  await form.getByRole("checkbox", { name: "Buyer Company role", exact: true }).check();
  await expect(form.getByRole("checkbox", { name: "Buyer Predefined", exact: true })).not.toBeChecked();
});
