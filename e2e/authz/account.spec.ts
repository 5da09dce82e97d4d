import { expect, test, type Browser, type Page } from "@playwright/test";
import { newPerson, signInAsCustomer, signInAsStaff, uniqueEmail } from "../support";

/**
 * The account procedures over raw HTTP, as four people: a buyer, a company administrator, an administrator of a
 * subsidiary and an administrator of another customer. Each sends every account.* procedure that takes an id
 * with ids from outside their scope (users, invitations, records, addresses, API applications, roles and role
 * assignments); each request is refused (a mass action skips every row), and reading the records back with
 * privileged sessions shows nothing changed.
 */

test.describe.configure({ mode: "serial", timeout: 240_000 });

type Result = { status: number; body: { result?: { data: { json: unknown } }; error?: { json: { message: string } } } };

// The readers' sessions sit idle while another person signs in; a kept-alive connection the server closed
// meanwhile would fail the next request with ECONNRESET. A connection per request avoids that race.
const fresh = { connection: "close" };

async function call(page: Page, baseURL: string, path: string, input: unknown, kind: "query" | "mutation"): Promise<Result> {
  const response =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: fresh })
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { ...fresh, origin: baseURL } });
  return { status: response.status(), body: await response.json() };
}

async function ok<T>(page: Page, baseURL: string, path: string, input: unknown, kind: "query" | "mutation" = "query"): Promise<T> {
  const { status, body } = await call(page, baseURL, path, input, kind);
  expect(status, `${path} ${JSON.stringify(body.error?.json.message)}`).toBe(200);
  return body.result!.data.json as T;
}

async function person(browser: Browser, email: string) {
  const page = await newPerson(browser);
  await signInAsCustomer(page, email);
  return page;
}

type UserRecord = {
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
type Ids = {
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

let readers: { staff: Page; amanda: Page; gina: Page };
let ids: Ids;
let base: string;
/** The label of every role a probe tries to create or copy. */
const sneakyRole = "Sneaky role";

/** What a refused request could have changed, read back by people who may see it. */
async function state() {
  // Sign-in statistics (and the row's updatedAt with them) move whenever another journey signs the user in; the
  // probes must change nothing else, and `version` shows any edit.
  const user = async (id: number) => {
    const {
      lastLoginAt: _at,
      loginCount: _count,
      updatedAt: _updated,
      ...record
    } = await ok<UserRecord & { lastLoginAt: unknown; loginCount: unknown; updatedAt: unknown }>(
      readers.staff,
      base,
      "admin.customerUsers.get",
      { id },
    );
    return record;
  };
  const invitations = async (page: Page) =>
    (
      await ok<{ items: { id: number; status: string; sentCount: number; expiresAt: string }[] }>(page, base, "account.invitations.list", {
        limit: 100,
      })
    ).items.filter((i) => Object.values(ids.invitations).includes(i.id));
  const addresses = async (page: Page) => [
    ...(await ok<{ id: number; street: string }[]>(page, base, "account.companyAddresses.list", {})),
    ...(await ok<{ id: number; street: string }[]>(page, base, "account.addresses.list", { everyone: true })),
  ];
  const apps = (page: Page) => ok<{ id: number; active: boolean }[]>(page, base, "account.apiAccess.list", undefined);
  const role = async (id: number) => ({
    role: await ok<unknown>(readers.staff, base, "admin.customerUserRoles.get", { id }),
    holders: (
      await ok<{ items: { id: number }[] }>(readers.staff, base, "admin.customerUserRoles.users", { roleId: id, limit: 100 })
    ).items.map((u) => u.id),
  });
  const made = async (label: string) =>
    (await ok<{ items: unknown[] }>(readers.staff, base, "admin.customerUserRoles.list", { label, limit: 100 })).items;
  return {
    users: await Promise.all(Object.values(ids.users).map(user)),
    invitations: [...(await invitations(readers.amanda)), ...(await invitations(readers.gina))],
    addresses: [...(await addresses(readers.amanda)), ...(await addresses(readers.gina))],
    apps: [...(await apps(readers.amanda)), ...(await apps(readers.gina))],
    roles: await Promise.all(Object.values(ids.roles).map(role)),
    /** Roles the probes would have created or copied. */
    madeRoles: await made(sneakyRole),
  };
}

test.beforeAll(async ({ browser, baseURL }) => {
  // Setup, not a journey: four sign-ins and some thirty reads and writes, which a busy CI machine can stretch past
  // the 60 s a journey gets.
  test.setTimeout(150_000);
  base = baseURL!;
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
});

test.afterAll(async () => {
  for (const page of Object.values(readers ?? {})) await page.context().close();
});

type Side = "holding" | "globex";
type Target = { user: number; customer: number; records: Side; address: number; invitation: number; app: number; role: number };

/**
 * Every account procedure that takes an id, aimed at `target` (records outside the caller's scope). Consents take
 * an id too, but every customer shares them: there is no other customer's consent to aim at.
 */
async function probes(target: Target) {
  const user = await ok<UserRecord>(readers.staff, base, "admin.customerUsers.get", { id: target.user });
  const update = {
    id: user.id,
    version: user.version,
    enabled: false,
    firstName: "Hijacked",
    lastName: user.lastName,
    email: user.email,
    birthday: "",
    phone: "",
    customerId: user.customer.id,
    websiteId: user.websiteId,
    roleIds: user.roles.map((r) => r.id),
  };
  const create = {
    enabled: true,
    firstName: "Sneaky",
    lastName: "Insider",
    email: uniqueEmail("authz.create"),
    customerId: target.customer,
    websiteId: null,
    roleIds: [ids.buyerRole],
    generatePassword: true,
  };
  const address = { street: "1 Hijack Road", city: "Nowhere", postalCode: "00000", countryCode: "US", isShipping: true };
  const userAddress = ids.userAddresses[target.records];
  const holders = (
    await ok<{ items: { id: number }[] }>(readers.staff, base, "admin.customerUserRoles.users", { roleId: target.role, limit: 100 })
  ).items.map((u) => u.id);
  const roleUpdate = {
    id: target.role,
    version: 1,
    label: "Hijacked role",
    permissions: [{ permission: "customerUser.edit", level: "SUBTREE" }],
  };
  return [
    ["account.users.get", { id: target.user }, "query"],
    ["account.users.effectivePermissions", { id: target.user }, "query"],
    ["account.users.roleChoices", { customerId: target.customer }, "query"],
    ["account.users.create", create, "mutation"],
    ["account.users.update", update, "mutation"],
    ["account.users.setEnabled", { id: target.user, enabled: false }, "mutation"],
    ["account.users.delete", { id: target.user }, "mutation"],
    [
      "account.invitations.create",
      { email: uniqueEmail("authz.invite"), customerId: target.customer, roleIds: [ids.buyerRole] },
      "mutation",
    ],
    ["account.invitations.resend", { id: target.invitation }, "mutation"],
    ["account.invitations.revoke", { id: target.invitation }, "mutation"],
    ["account.orders.get", { id: ids.orders[target.records] }, "query"],
    ["account.quotes.get", { id: ids.quotes[target.records] }, "query"],
    ["account.rfqs.get", { id: ids.rfqs[target.records] }, "query"],
    ["account.shoppingLists.get", { id: ids.shoppingLists[target.records] }, "query"],
    ["account.addresses.update", { ...address, id: userAddress }, "mutation"],
    ["account.addresses.delete", { id: userAddress }, "mutation"],
    ["account.companyAddresses.update", { ...address, id: target.address }, "mutation"],
    ["account.companyAddresses.delete", { id: target.address }, "mutation"],
    ["account.apiAccess.setActive", { id: target.app, active: false }, "mutation"],
    ["account.apiAccess.delete", { id: target.app }, "mutation"],
    ["account.roles.get", { id: target.role }, "query"],
    ["account.roles.users", { roleId: target.role }, "query"],
    ["account.roles.candidates", { roleId: target.role }, "query"],
    ["account.roles.update", roleUpdate, "mutation"],
    ["account.roles.clone", { id: target.role, label: sneakyRole }, "mutation"],
    ["account.roles.delete", { id: target.role }, "mutation"],
    ["account.roles.addUsers", { roleId: target.role, userIds: [target.user] }, "mutation"],
    ["account.roles.removeUsers", { roleId: target.role, userIds: holders.length ? holders : [target.user] }, "mutation"],
    // A role everyone sees, given to or taken from a user out of scope.
    ["account.roles.addUsers", { roleId: ids.buyerRole, userIds: [target.user] }, "mutation"],
    ["account.roles.removeUsers", { roleId: ids.buyerRole, userIds: [target.user] }, "mutation"],
  ] as const;
}

/**
 * Sends every probe as `actor` and expects each refused: NOT_FOUND (404) when the permission is held but the
 * record is out of scope, FORBIDDEN (403) where `forbidden` says the actor lacks the permission altogether.
 * Mass actions answer 200 with every row skipped. Nothing may change.
 */
async function expectAllRefused(actor: Page, target: Target, forbidden: readonly string[]) {
  const before = await state();
  for (const [path, input, kind] of await probes(target)) {
    const { status, body } = await call(actor, base, path, input, kind);
    expect(status, `${path}: ${body.error?.json.message ?? "answered"}`).toBe(forbidden.includes(path) ? 403 : 404);
  }
  for (const path of ["account.users.massSetEnabled", "account.users.massDelete"] as const) {
    const input = path === "account.users.massDelete" ? { ids: [target.user] } : { ids: [target.user], enabled: false };
    const { status, body } = await call(actor, base, path, input, "mutation");
    if (forbidden.includes(path)) {
      expect(status, path).toBe(403);
    } else {
      expect(status, path).toBe(200);
      expect(body.result!.data.json).toEqual({
        done: [],
        skipped: [{ id: target.user, label: `User #${target.user}`, reason: "Customer user not found." }],
      });
    }
  }
  // Building a role for a customer out of reach is bad input (the customer field says why), or not allowed at all.
  for (const [path, input] of [
    ["account.roles.create", { label: sneakyRole, customerId: target.customer, permissions: [] }],
    ["account.roles.clone", { id: ids.buyerRole, label: sneakyRole, customerId: target.customer }],
  ] as const) {
    const { status, body } = await call(actor, base, path, input, "mutation");
    expect(status, `${path}: ${body.error?.json.message ?? "answered"}`).toBe(forbidden.includes(path) ? 403 : 400);
  }
  // Lists filtered by an out-of-scope id list nothing rather than widen the scope.
  for (const list of [
    "account.orders.list",
    "account.quotes.list",
    "account.rfqs.list",
    "account.shoppingLists.list",
    "account.users.list",
  ]) {
    expect((await ok<{ items: unknown[] }>(actor, base, list, { customerId: target.customer })).items, list).toEqual([]);
  }
  expect(await state()).toEqual(before);
}

test("a buyer reaches no colleague's record beyond their own company, and may change none", async ({ browser }) => {
  const bob = await person(browser, "bob.buyer@acme.test");
  const target: Target = {
    user: ids.users.eddie,
    customer: ids.customers.east,
    records: "globex",
    address: ids.addresses.globex,
    invitation: ids.invitations.holding,
    app: ids.apps.amanda,
    role: ids.roles.east,
  };
  await expectAllRefused(bob, target, [
    "account.users.create",
    "account.users.update",
    "account.users.setEnabled",
    "account.users.delete",
    "account.users.massSetEnabled",
    "account.users.massDelete",
    "account.invitations.create",
    "account.invitations.resend",
    "account.invitations.revoke",
    "account.companyAddresses.update",
    "account.companyAddresses.delete",
    "account.apiAccess.setActive",
    "account.apiAccess.delete",
    // A buyer holds no customerUserRole.* permission.
    "account.roles.get",
    "account.roles.users",
    "account.roles.candidates",
    "account.roles.update",
    "account.roles.clone",
    "account.roles.delete",
    "account.roles.addUsers",
    "account.roles.removeUsers",
    "account.roles.create",
  ]);
  // Even in their own company: viewing a colleague is allowed, changing them is not.
  expect((await call(bob, base, "account.users.get", { id: ids.users.bob }, "query")).status).toBe(200);
  expect((await call(bob, base, "account.users.setEnabled", { id: ids.users.bob, enabled: false }, "mutation")).status).toBe(403);
  expect((await call(bob, base, "account.orders.get", { id: ids.orders.holding }, "query")).status).toBe(404);
  await bob.context().close();
});

test("a company administrator reaches nothing of another customer", async ({ browser }) => {
  const amanda = await person(browser, "amanda.admin@acme.test");
  await expectAllRefused(
    amanda,
    {
      user: ids.users.gary,
      customer: ids.customers.globex,
      records: "globex",
      address: ids.addresses.globex,
      invitation: ids.invitations.globex,
      app: ids.apps.gina,
      role: ids.roles.globex,
    },
    [],
  );
  await amanda.context().close();
});

test("a subsidiary's administrator reaches neither the parent company nor a sibling", async ({ browser }) => {
  const walter = await person(browser, "walter.west@acme.test");
  const parent: Target = {
    user: ids.users.bob,
    customer: ids.customers.holding,
    records: "holding",
    address: ids.addresses.holding,
    invitation: ids.invitations.holding,
    app: ids.apps.amanda,
    role: ids.roles.holding,
  };
  await expectAllRefused(walter, parent, []);
  await expectAllRefused(walter, { ...parent, user: ids.users.eddie, customer: ids.customers.east, role: ids.roles.east }, []);
  await walter.context().close();
});

test("another customer's administrator reaches nothing of Acme", async ({ browser }) => {
  const gina = await person(browser, "gina.globex@globex.test");
  await expectAllRefused(
    gina,
    {
      user: ids.users.wendy,
      customer: ids.customers.west,
      records: "holding",
      address: ids.addresses.holding,
      invitation: ids.invitations.holding,
      app: ids.apps.amanda,
      role: ids.roles.west,
    },
    [],
  );
  await gina.context().close();
});
