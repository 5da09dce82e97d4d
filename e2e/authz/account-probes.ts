import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "../support";
import { base, call, ids, ok, readers, sneakyRole, type UserRecord } from "./account-readers";

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

type Side = "holding" | "globex";
export type Target = { user: number; customer: number; records: Side; address: number; invitation: number; app: number; role: number };

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
export async function expectAllRefused(actor: Page, target: Target, forbidden: readonly string[]) {
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
