import { expect, test } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff } from "../support";

/**
 * Raw requests to /api/trpc: the boundary holds without the UI. Each refusal is checked to have changed
 * nothing by reading the record back with a privileged session.
 */
const mutationUrl = "/api/trpc/admin.customerUsers.setEnabled";
const body = (id: number, enabled: boolean) => ({ json: { id, enabled } });

async function enabledState(page: import("@playwright/test").Page, search: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { search, limit: 10 } }));
  const response = await page.request.get(`/api/trpc/admin.customerUsers.list?input=${input}`);
  expect(response.status()).toBe(200);
  const data = await response.json();
  return data.result.data.json.items[0] as { id: number; enabled: boolean };
}

test("staff mutations refuse anonymous callers, customer sessions and other origins, and change nothing", async ({ browser, baseURL }) => {
  const admin = await newPerson(browser);
  await signInAsStaff(admin);
  const target = await enabledState(admin, "gary.buyer@globex.test");
  expect(target.enabled).toBe(true);

  const anonymous = await newPerson(browser);
  const anon = await anonymous.request.post(mutationUrl, { data: body(target.id, false), headers: { origin: baseURL! } });
  expect(anon.status()).toBe(401);

  const customer = await newPerson(browser);
  await signInAsCustomer(customer, "gina.globex@globex.test");
  const asCustomer = await customer.request.post(mutationUrl, { data: body(target.id, false), headers: { origin: baseURL! } });
  expect(asCustomer.status()).toBe(403);

  const crossSite = await admin.request.post(mutationUrl, { data: body(target.id, false), headers: { origin: "http://evil.example" } });
  expect(crossSite.status()).toBe(403);

  expect((await enabledState(admin, "gary.buyer@globex.test")).enabled).toBe(true);
});

test("bad input is a 400 with field errors, never a 500", async ({ page, baseURL }) => {
  await signInAsStaff(page);
  const response = await page.request.post(mutationUrl, {
    data: { json: { id: "seven", enabled: "maybe" } },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(400);
  const error = (await response.json()).error.json;
  expect(error.message).toBe("Some fields need your attention.");
  expect(Object.keys(error.data.fieldErrors).sort()).toEqual(["enabled", "id"]);
});
