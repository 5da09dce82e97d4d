import { expect, type Browser, type Page } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff, uniqueEmail } from "../support";

/**
 * The account.spec.ts journeys' people and ids: a privileged staff reader and two company administrators, who set
 * up the records the probes aim at and read them back afterwards, and plain HTTP calls to the tRPC endpoint.
 */

export type Result = { status: number; body: { result?: { data: { json: unknown } }; error?: { json: { message: string } } } };

// The readers' sessions sit idle while another person signs in; a kept-alive connection the server closed
// meanwhile would fail the next request with ECONNRESET. A connection per request avoids that race.
const fresh = { connection: "close" };

export async function call(page: Page, baseURL: string, path: string, input: unknown, kind: "query" | "mutation"): Promise<Result> {
  const response =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: fresh })
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { ...fresh, origin: baseURL } });
  return { status: response.status(), body: await response.json() };
}

export async function ok<T>(page: Page, baseURL: string, path: string, input: unknown, kind: "query" | "mutation" = "query"): Promise<T> {
  const { status, body } = await call(page, baseURL, path, input, kind);
  expect(status, `${path} ${JSON.stringify(body.error?.json.message)}`).toBe(200);
  return body.result!.data.json as T;
}

export async function person(browser: Browser, email: string) {
  const page = await newPerson(browser);
  await signInAsCustomer(page, email);
  return page;
}

export type UserRecord = {
  id: number;
  version: number;
  enabled: boolean;
  firstName: string;
  lastName: string;
  email: string;
  websiteId: number | null;
  customer: { id: number };
  roles: { id: number }[];
};
export type Ids = {
  users: Record<"bob" | "eddie" | "wendy" | "gary", number>;
  customers: Record<"holding" | "east" | "west" | "globex", number>;
  buyerRole: number;
  orders: Record<"holding" | "globex", number>;
  quotes: Record<"holding" | "globex", number>;
  rfqs: Record<"holding" | "globex", number>;
  shoppingLists: Record<"holding" | "globex", number>;
  userAddresses: Record<"holding" | "globex", number>;
  addresses: Record<"holding" | "globex", number>;
  invitations: Record<"holding" | "globex", number>;
  apps: Record<"amanda" | "gina", number>;
  /** Company roles nobody holds (Acme Holding's, Acme West's, Globex's) and Acme East's Office manager, which Dana holds. */
  roles: Record<"holding" | "west" | "east" | "globex", number>;
};

export let readers: { staff: Page; amanda: Page; gina: Page };
export let ids: Ids;
export let base: string;
/** The label of every role a probe tries to create or copy. */
export const sneakyRole = "Sneaky role";

/** Signs the readers in and makes the records the probes aim at: setup, not a journey. */
export async function openReaders(browser: Browser, baseURL: string) {
  base = baseURL;
  const staff = await newPerson(browser);
  await signInAsStaff(staff);
  const [amanda, gina] = [await person(browser, "amanda.admin@acme.test"), await person(browser, "gina.globex@globex.test")];
  readers = { staff, amanda, gina };

  const userId = async (page: Page, email: string) =>
    (await ok<{ items: { id: number }[] }>(page, base, "account.users.list", { search: email })).items[0]!.id;
  const customers = await ok<{ id: number; name: string }[]>(amanda, base, "account.users.customerChoices", { purpose: "view" });
  const customerId = (name: string) => customers.find((c) => c.name === name)!.id;
  const globex = (await ok<{ customer: { id: number } }>(gina, base, "account.me.get", undefined)).customer.id;
  const roles = await ok<{ id: number; label: string }[]>(amanda, base, "account.users.roleChoices", {
    customerId: customerId("Acme Holding"),
  });
  const buyerRole = roles.find((r) => r.label === "Buyer")!.id;
  // A record the reader made themselves: in their company, but not the buyer's own.
  const recordOf = async (page: Page, list: "orders" | "quotes" | "rfqs" | "shoppingLists", email: string) =>
    (
      await ok<{ items: { id: number; customerUser: { email: string } | null }[] }>(page, base, `account.${list}.list`, { limit: 100 })
    ).items.find((o) => o.customerUser?.email === email)!.id;
  const records = async (list: "orders" | "quotes" | "rfqs" | "shoppingLists") => ({
    holding: await recordOf(amanda, list, "amanda.admin@acme.test"),
    globex: await recordOf(gina, list, "gina.globex@globex.test"),
  });
  const ownAddressOf = async (page: Page) =>
    (await ok<{ id: number; mine: boolean }[]>(page, base, "account.addresses.list", {})).find((a) => a.mine)!.id;
  const addressOf = async (page: Page) => (await ok<{ id: number }[]>(page, base, "account.companyAddresses.list", {}))[0]!.id;
  const invite = async (page: Page, customer: number) =>
    (
      await ok<{ id: number }>(
        page,
        base,
        "account.invitations.create",
        { email: uniqueEmail("authz.invite"), customerId: customer, roleIds: [buyerRole] },
        "mutation",
      )
    ).id;
  const app = async (page: Page) =>
    (await ok<{ application: { id: number } }>(page, base, "account.apiAccess.create", { name: "Authz probe" }, "mutation")).application.id;
  const suffix = Date.now().toString(36).slice(-5);
  const role = async (page: Page, label: string, customer?: number) =>
    (
      await ok<{ id: number }>(
        page,
        base,
        "account.roles.create",
        { label: `${label} ${suffix}`, customerId: customer, permissions: [{ permission: "order.view", level: "CUSTOMER" }] },
        "mutation",
      )
    ).id;
  const officeManager = (
    await ok<{ items: { id: number; label: string }[] }>(amanda, base, "account.roles.list", {
      label: "Office manager",
      owner: "customer",
      limit: 100,
    })
  ).items.find((r) => r.label === "Office manager")!.id;

  ids = {
    users: {
      bob: await userId(amanda, "bob.buyer@acme.test"),
      eddie: await userId(amanda, "eddie.buyer@acme.test"),
      wendy: await userId(amanda, "wendy.buyer@acme.test"),
      gary: await userId(gina, "gary.buyer@globex.test"),
    },
    customers: { holding: customerId("Acme Holding"), east: customerId("Acme East"), west: customerId("Acme West"), globex },
    buyerRole,
    orders: await records("orders"),
    quotes: await records("quotes"),
    rfqs: await records("rfqs"),
    shoppingLists: await records("shoppingLists"),
    userAddresses: { holding: await ownAddressOf(amanda), globex: await ownAddressOf(gina) },
    addresses: { holding: await addressOf(amanda), globex: await addressOf(gina) },
    invitations: { holding: await invite(amanda, customerId("Acme Holding")), globex: await invite(gina, globex) },
    apps: { amanda: await app(amanda), gina: await app(gina) },
    roles: {
      holding: await role(amanda, "Authz Holding"),
      west: await role(amanda, "Authz West", customerId("Acme West")),
      east: officeManager,
      globex: await role(gina, "Authz Globex"),
    },
  };
}

export async function closeReaders() {
  for (const page of Object.values(readers ?? {})) await page.context().close();
}
