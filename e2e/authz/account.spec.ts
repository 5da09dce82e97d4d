import { expect, test } from "@playwright/test";
import { base, call, closeReaders, ids, openReaders, person } from "./account-readers";
import { expectAllRefused, type Target } from "./account-probes";

/**
 * The account procedures over raw HTTP, as four people: a buyer, a company administrator, an administrator of a
 * subsidiary and an administrator of another customer. Each sends every account.* procedure that takes an id
 * with ids from outside their scope (users, invitations, records, addresses, API applications, roles and role
 * assignments); each request is refused (a mass action skips every row), and reading the records back with
 * privileged sessions shows nothing changed.
 */

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async ({ browser, baseURL }) => {
  // Setup, not a journey: four sign-ins and some thirty reads and writes, which a busy CI machine can stretch past
  // the 60 s a journey gets.
  test.setTimeout(150_000);
  await openReaders(browser, baseURL!);
});

test.afterAll(closeReaders);

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
