import { expect, test, type Page } from "@playwright/test";
import { newPerson, signInAsStaff } from "../support";

/**
 * Raw requests to the customer procedures with low-privilege staff sessions: a sales manager's request about a
 * customer they do not represent is NOT_FOUND, read-only staff are FORBIDDEN, and the customer is unchanged.
 */
async function customerNamed(page: Page, search: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { search } }));
  const response = await page.request.get(`/api/trpc/admin.customers.list?input=${input}`);
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json.items[0] as { id: number; name: string; enabled: boolean; parent: { id: number } | null };
}

test("customer changes outside a staff member's reach are refused and change nothing", async ({ browser, baseURL }) => {
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  const initech = await customerNamed(admin, "Initech");
  const holding = await customerNamed(admin, "Acme Holding");
  const post = (page: Page, path: string, json: object) =>
    page.request.post(`/api/trpc/${path}`, { data: { json }, headers: { origin: baseURL! } });

  const sales = await newPerson(browser);
  await signInAsStaff(sales, "sales@roster.test");
  expect((await post(sales, "admin.customers.setEnabled", { id: initech.id, enabled: false })).status()).toBe(404);
  expect((await post(sales, "admin.customers.notes.create", { customerId: initech.id, body: "Not mine" })).status()).toBe(404);
  const readInitech = await sales.request.get(
    `/api/trpc/admin.customers.get?input=${encodeURIComponent(JSON.stringify({ json: { id: initech.id } }))}`,
  );
  expect(readInitech.status()).toBe(404);

  const viewer = await newPerson(browser);
  await signInAsStaff(viewer, "viewer@roster.test");
  expect((await post(viewer, "admin.customers.delete", { id: initech.id })).status()).toBe(403);
  expect(
    (
      await post(viewer, "admin.customers.update", {
        id: initech.id,
        version: 1,
        name: "Taken over",
        parentId: holding.id,
        groupId: null,
        salesRepIds: [],
        enabled: true,
      })
    ).status(),
  ).toBe(403);
  expect((await post(viewer, "admin.customerGroups.create", { name: "Viewer's group" })).status()).toBe(403);

  const after = await customerNamed(admin, "Initech");
  expect(after).toMatchObject({ id: initech.id, name: initech.name, enabled: true, parent: null });
});
