import { expect, test } from "@playwright/test";
import { signInAsCustomer } from "../support";

test("a company administrator creates an API application, calls the API with its token, and deactivating it stops the token", async ({
  page,
  request,
}) => {
  await signInAsCustomer(page, "gina.globex@globex.test");
  await page.getByRole("link", { name: "API access" }).click();
  await page.getByLabel("Application name").fill("Warehouse sync");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByTestId("new-client-secret")).toHaveText(/^[\w-]{40,}$/);
  const clientId = (await page.getByTestId("new-client-id").textContent())!;
  const clientSecret = (await page.getByTestId("new-client-secret").textContent())!;
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("oauth-applications")).toContainText("Warehouse sync");

  // As a script would: client credentials → bearer token → the API.
  const tokenResponse = await request.post("/api/oauth/token", {
    form: { grant_type: "client_credentials" },
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
  });
  expect(tokenResponse.status()).toBe(200);
  const { access_token } = await tokenResponse.json();
  const orders = await request.get("/api/v1/orders", { headers: { authorization: `Bearer ${access_token}` } });
  expect(orders.status()).toBe(200);
  const body = await orders.json();
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((o: { customer: { name: string } }) => o.customer.name === "Globex Industries")).toBe(true);

  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("oauth-applications")).toContainText("Deactivated");
  const refused = await request.get("/api/v1/orders", { headers: { authorization: `Bearer ${access_token}` } });
  expect(refused.status()).toBe(401);
});

test("the OpenAPI document is published", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.paths["/orders"].get).toBeDefined();
});
