import { expect, test, type Page } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff, uniqueEmail } from "../support";

/** The identity procedures over HTTP, without the pages: refusals hold and change nothing. */

// Two sessions and several requests each, on a machine shared with other builds.
test.slow();

async function companyAddressCount(page: Page) {
  const response = await page.request.get(
    `/api/trpc/account.companyAddresses.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()).result.data.json as unknown[]).length;
}

test("a buyer cannot add company addresses, and nobody signed out can edit a profile", async ({ browser, baseURL }) => {
  const buyer = await newPerson(browser);
  await signInAsCustomer(buyer, "gary.buyer@globex.test");
  const before = await companyAddressCount(buyer);
  const address = { street: "1 Sneaky Road", city: "Nowhere", postalCode: "1", countryCode: "DE", isShipping: true };
  const refused = await buyer.request.post("/api/trpc/account.companyAddresses.create", {
    data: { json: address },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(403);
  expect(await companyAddressCount(buyer)).toBe(before);

  const anonymous = await newPerson(browser);
  const update = await anonymous.request.post("/api/trpc/account.profile.update", {
    data: { json: { version: 1, firstName: "X", lastName: "Y" } },
    headers: { origin: baseURL! },
  });
  expect(update.status()).toBe(401);
});

test("registration from another site is refused and creates nothing", async ({ browser }) => {
  const email = uniqueEmail("crosssite");
  const visitor = await newPerson(browser);
  const form = { companyName: "Evil", firstName: "E", lastName: "Vil", email, password: "Evil-pass-2026", consentIds: [1] };
  const response = await visitor.request.post("/api/trpc/auth.register", {
    data: { json: form },
    headers: { origin: "http://evil.example" },
  });
  expect(response.status()).toBe(403);

  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  const input = encodeURIComponent(JSON.stringify({ json: { search: email, limit: 10 } }));
  const list = await staff.request.get(`/api/trpc/admin.customerUsers.list?input=${input}`);
  expect((await list.json()).result.data.json.items).toHaveLength(0);
});
