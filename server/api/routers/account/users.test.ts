import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller, customerPrincipal } from "../../../test/principals";
import { bumpAuthzEpoch, type CustomerPrincipal } from "../../../authz/access";
import { customerCatalogue } from "../../../authz/permissions";
import { enabledWithoutRoleMessage, type CreateCustomerUserInput, type UpdateCustomerUserInput } from "../../../schemas/customerUser";
import { createCustomerNode } from "../../../services/customers/paths";
import { editInputOf } from "../../../test/attack";

/**
 * account.users: a customer's administrator manages the users their level reaches — their own customer
 * (Department) or their customer and its subsidiaries (Corporate) — never a parent company, never another
 * customer, and never beyond what they hold. Every refusal leaves the database as it was.
 */
let db: PrismaClient;
const fx = {} as {
  store: number;
  en: number;
  holding: number;
  east: number;
  west: number;
  logistics: number;
  globex: number;
  administrator: number;
  buyer: number;
  deptAdmin: number;
  westRole: number;
};
let dora: CustomerPrincipal;

beforeAll(async () => {
  db = await createTestDb();
  const customer = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;
  const role = async (code: string) => (await db.customerUserRole.findUniqueOrThrow({ where: { code } })).id;
  Object.assign(fx, {
    store: (await db.website.findUniqueOrThrow({ where: { code: "default" } })).id,
    en: (await db.localization.findUniqueOrThrow({ where: { code: "en" } })).id,
    holding: await customer("Acme Holding"),
    east: await customer("Acme East"),
    west: await customer("Acme West"),
    logistics: await customer("Acme West Logistics"),
    globex: await customer("Globex Industries"),
    administrator: await role("ROLE_FRONTEND_ADMINISTRATOR"),
    buyer: await role("ROLE_FRONTEND_BUYER"),
  });
  // A Department-level administrator of Acme Holding: manages its users only, and holds less than the Administrator.
  const deptGrants = customerCatalogue.map((info) => ({
    permission: info.key,
    level: info.kind === "capability" ? ("GRANTED" as const) : ("CUSTOMER" as const),
  }));
  fx.deptAdmin = (
    await db.customerUserRole.create({
      data: {
        code: "USERS_TEST_DEPT_ADMIN",
        label: "Office manager",
        customerId: fx.holding,
        permissions: { createMany: { data: deptGrants } },
      },
    })
  ).id;
  fx.westRole = (
    await db.customerUserRole.create({
      data: {
        code: "USERS_TEST_WEST_PICKER",
        label: "Picker",
        customerId: fx.west,
        permissions: { create: { permission: "order.view", level: "OWN" } },
      },
    })
  ).id;
  const holding = await db.customer.findUniqueOrThrow({ where: { id: fx.holding } });
  await db.customerUser.create({
    data: {
      email: "dora.office@acme.test",
      firstName: "Dora",
      lastName: "Office",
      confirmedAt: new Date(),
      customerId: holding.id,
      customerPath: holding.path,
      websiteId: fx.store,
      roles: { create: { roleId: fx.deptAdmin } },
    },
  });
  await bumpAuthzEpoch(db);
  dora = await customerPrincipal(db, "dora.office@acme.test");
});

const as = (email: string) => customerCaller(db, email);
const idOf = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
const pathOf = async (customerId: number) => (await db.customer.findUniqueOrThrow({ where: { id: customerId } })).path;
let counter = 0;
const freshEmail = (prefix = "nina") => `${prefix}.${++counter}@users.test`;

/** Everything a write would touch: a refusal must leave it exactly as it was. */
async function footprint() {
  const [users, assignments, audits, emails, addresses, epoch] = await Promise.all([
    db.customerUser.findMany({
      select: { id: true, email: true, enabled: true, version: true, sessionVersion: true, customerId: true, firstName: true },
      orderBy: { id: "asc" },
    }),
    db.customerUserRoleAssignment.findMany({
      select: { customerUserId: true, roleId: true },
      orderBy: [{ customerUserId: "asc" }, { roleId: "asc" }],
    }),
    db.auditEvent.count(),
    db.emailMessage.count(),
    db.customerUserAddress.count(),
    db.counter.findUniqueOrThrow({ where: { name: "authz" } }),
  ]);
  return { users, assignments, audits, emails, addresses, epoch: epoch.value };
}

/** Runs a call that must be refused with `code` (and a message matching `message`), and checks nothing changed. */
async function refused(call: () => Promise<unknown>, code: string, message?: string | RegExp) {
  const before = await footprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error, "the call should have been refused").not.toBeNull();
  expect(error!.code).toBe(code);
  if (message !== undefined) expect(error!.message).toMatch(message);
  expect(await footprint()).toEqual(before);
  return error!;
}

function newUser(overrides: Partial<CreateCustomerUserInput> = {}): CreateCustomerUserInput {
  return {
    enabled: true,
    firstName: "Nina",
    lastName: "New",
    email: freshEmail(),
    customerId: fx.holding,
    websiteId: fx.store,
    localizationId: fx.en,
    roleIds: [fx.buyer],
    generatePassword: true,
    sendWelcomeEmail: false,
    ...overrides,
  };
}

/** What the storefront's edit form sends for a user as they are now (addresses left out: they stay). */
const editOf = (email: string, overrides: Partial<UpdateCustomerUserInput> = {}) => editInputOf(db, email, overrides);

// --------------------------------------------------------------------------------------------- list

describe("account.users.list", () => {
  /** Every row, page by page (`limit` rows a page). */
  const all = async (email: string, input: Parameters<Awaited<ReturnType<typeof as>>["account"]["users"]["list"]>[0] = {}, limit = 10) => {
    const caller = await as(email);
    const rows: { id: number; email: string; lastName: string; customer: { id: number; name: string } }[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.account.users.list({ ...input, limit, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  };

  it("reaches a Corporate administrator's company and all its subsidiaries, and no one else", async () => {
    const rows = await all("amanda.admin@acme.test");
    const expected = await db.customerUser.count({ where: { customerPath: { startsWith: await pathOf(fx.holding) } } });
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r.customer.name))).toEqual(new Set(["Acme Holding", "Acme East", "Acme West", "Acme West Logistics"]));
    const page = await (await as("amanda.admin@acme.test")).account.users.list({ limit: 10 });
    expect(page.count).toEqual({ value: expected, capped: false });
  });

  it("never reaches a subsidiary administrator's parent company, nor a sibling", async () => {
    const rows = await all("walter.west@acme.test");
    expect(new Set(rows.map((r) => r.customer.name))).toEqual(new Set(["Acme West", "Acme West Logistics"]));
    expect(rows.map((r) => r.email)).not.toContain("amanda.admin@acme.test");
    // Asking for the parent by filter lists nothing rather than widening the scope.
    expect(await all("walter.west@acme.test", { customerId: fx.holding })).toEqual([]);
  });

  it("keeps a Department-level viewer to their own customer, and another customer's administrator to theirs", async () => {
    const bob = await all("bob.buyer@acme.test");
    expect(new Set(bob.map((r) => r.customer.name))).toEqual(new Set(["Acme Holding"]));
    const gina = await all("gina.globex@globex.test");
    expect(new Set(gina.map((r) => r.customer.name))).toEqual(new Set(["Globex Industries"]));
    expect(await all("gina.globex@globex.test", { customerId: fx.holding })).toEqual([]);
  });

  it("filters by customer, enabled, confirmed, password status, role and search", async () => {
    const caller = await as("amanda.admin@acme.test");
    const list = (input: Parameters<typeof caller.account.users.list>[0]) =>
      caller.account.users.list({ limit: 100, ...input }).then((p) => p.items);
    expect((await list({ customerId: fx.east })).every((u) => u.customer.id === fx.east)).toBe(true);
    const disabled = await list({ enabled: false });
    expect(disabled.map((u) => u.email)).toContain("carl.disabled@acme.test");
    expect(disabled.every((u) => !u.enabled)).toBe(true);
    const unconfirmed = await list({ confirmed: false });
    expect(unconfirmed.map((u) => u.email)).toContain("una.unconfirmed@acme.test");
    expect(unconfirmed.every((u) => !u.confirmed)).toBe(true);
    // Dora was created without a password; a forced reset shows as such.
    const noPassword = await list({ passwordStatus: "NONE" });
    expect(noPassword.map((u) => u.email)).toContain("dora.office@acme.test");
    expect(noPassword.every((u) => u.passwordStatus === "NONE")).toBe(true);
    await db.customerUser.update({ where: { email: "eddie.buyer@acme.test" }, data: { authStatus: "RESET" } });
    const reset = await list({ passwordStatus: "RESET" });
    expect(reset.map((u) => u.email)).toContain("eddie.buyer@acme.test");
    expect(reset.every((u) => u.passwordStatus === "RESET")).toBe(true);
    expect((await list({ passwordStatus: "ACTIVE" })).map((u) => u.email)).not.toContain("eddie.buyer@acme.test");
    await db.customerUser.update({ where: { email: "eddie.buyer@acme.test" }, data: { authStatus: "ACTIVE" } });
    const admins = await list({ roleId: fx.administrator });
    expect(admins.map((u) => u.email)).toEqual(
      expect.arrayContaining(["amanda.admin@acme.test", "erin.east@acme.test", "walter.west@acme.test"]),
    );
    expect(admins.every((u) => u.roles.some((r) => r.id === fx.administrator))).toBe(true);
    expect((await list({ search: "WALTER" })).map((u) => u.email)).toEqual(["walter.west@acme.test"]);
    expect(await list({ search: "@globex" })).toEqual([]);
  });

  it("sorts by name, email, customer and creation, both ways, paging without gaps or repeats", async () => {
    const scope = { customerPath: { startsWith: await pathOf(fx.holding) } };
    const columns = { name: "lastName", email: "email", customer: "customerPath", created: "createdAt" } as const;
    for (const [sort, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      for (const dir of ["asc", "desc"] as const) {
        const expected = await db.customerUser.findMany({ where: scope, select: { id: true }, orderBy: [{ [column]: dir }, { id: dir }] });
        const rows = await all("amanda.admin@acme.test", { sort, dir }, 25);
        expect(
          rows.map((r) => r.id),
          `${sort} ${dir}`,
        ).toEqual(expected.map((r) => r.id));
      }
    }
    // By customer, each company's users come together, the parent company first.
    const byCustomer = await all("amanda.admin@acme.test", { sort: "customer" }, 25);
    const runs = byCustomer.map((r) => r.customer.name).filter((name, i, names) => names[i - 1] !== name);
    expect(runs).toHaveLength(4);
    expect(runs[0]).toBe("Acme Holding");
  });

  it("refuses a forged cursor as bad input", async () => {
    const caller = await as("amanda.admin@acme.test");
    await expect(caller.account.users.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

// ----------------------------------------------------------------------------------- get and explain

describe("account.users.get and effectivePermissions", () => {
  it("shows a user in scope without the back office's fields", async () => {
    const user = await (await as("amanda.admin@acme.test")).account.users.get({ id: await idOf("eddie.buyer@acme.test") });
    expect(user).toMatchObject({
      email: "eddie.buyer@acme.test",
      customer: { name: "Acme East", parent: { name: "Acme Holding" } },
      roles: [{ label: "Buyer" }],
    });
    expect(user).toMatchObject({ hasPassword: true });
    expect(user).not.toHaveProperty("owner");
    expect(user).not.toHaveProperty("salesRepresentatives");
    expect(user).not.toHaveProperty("passwordHash");
    const dora = await (await as("amanda.admin@acme.test")).account.users.get({ id: await idOf("dora.office@acme.test") });
    expect(dora.hasPassword).toBe(false);
  });

  it("is NOT_FOUND for another customer's user and for a parent company's user", async () => {
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.get({ id: await idOf("bob.buyer@acme.test") }),
      "NOT_FOUND",
      "Customer user not found.",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.get({ id: await idOf("amanda.admin@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.effectivePermissions({ id: await idOf("erin.east@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.get({ id: await idOf("eddie.buyer@acme.test") }),
      "NOT_FOUND",
    );
  });

  it("explains a user's effective permissions with the roles that grant them", async () => {
    const rows = await (await as("amanda.admin@acme.test")).account.users.effectivePermissions({ id: await idOf("dora.office@acme.test") });
    expect(rows.find((r) => r.key === "customerUser.edit")).toMatchObject({
      level: "CUSTOMER",
      sources: [{ roleLabel: "Office manager", level: "CUSTOMER" }],
    });
  });
});

// ------------------------------------------------------------------------------------ form choices

describe("the form's choices", () => {
  it("gives the websites with their localizations, default first, and never the store's staff", async () => {
    for (const email of ["walter.west@acme.test", "bob.buyer@acme.test"]) {
      const options = await (await as(email)).account.users.formOptions();
      expect(options.websites.map((w) => [w.name, w.isDefault, w.localizations.map((l) => [l.code, l.isDefault])])).toEqual([
        [
          "Roster Store",
          true,
          [
            ["en", true],
            ["de", false],
          ],
        ],
        ["Roster Wholesale", false, [["en", true]]],
      ]);
      expect(options.staff).toEqual([]);
    }
  });

  it("offers only customers in scope to add users to", async () => {
    const names = async (email: string) =>
      (await (await as(email)).account.users.customerChoices({ purpose: "create" })).map((c) => c.name).sort();
    expect(await names("walter.west@acme.test")).toEqual(["Acme West", "Acme West Logistics"]);
    expect(await names("dora.office@acme.test")).toEqual(["Acme Holding"]);
    expect(await names("bob.buyer@acme.test")).toEqual([]);
    // For a list's customer filter: the customers whose users they see.
    const seen = async (email: string) =>
      (await (await as(email)).account.users.customerChoices({ purpose: "view" })).map((c) => c.name).sort();
    expect(await seen("bob.buyer@acme.test")).toEqual(["Acme Holding"]);
    expect(await seen("walter.west@acme.test")).toEqual(["Acme West", "Acme West Logistics"]);
  });

  it("offers the predefined public roles and the company's own, those above the actor marked with the reason", async () => {
    const roles = await callerFor(db, dora).account.users.roleChoices({ customerId: fx.holding });
    expect(roles.map((r) => r.label)).toEqual(["Administrator", "Buyer", "Office manager"]);
    expect(roles.find((r) => r.label === "Administrator")).toMatchObject({
      assignable: false,
      exceeds: expect.arrayContaining(["Edit customer user"]),
    });
    expect(roles.find((r) => r.label === "Buyer")).toMatchObject({ assignable: true });
    const west = await (await as("walter.west@acme.test")).account.users.roleChoices({ customerId: fx.west });
    expect(west.map((r) => r.label)).toEqual(["Administrator", "Buyer", "Picker"]);
    await refused(async () => (await as("walter.west@acme.test")).account.users.roleChoices({ customerId: fx.holding }), "NOT_FOUND");
  });
});

// ------------------------------------------------------------------------------------------- create

describe("account.users.create", () => {
  it("adds a confirmed user to a subsidiary of the administrator's company, with the chosen roles", async () => {
    const input = newUser({ customerId: fx.east, roleIds: [fx.buyer], sendWelcomeEmail: true });
    const { id } = await (await as("amanda.admin@acme.test")).account.users.create(input);
    const user = await db.customerUser.findUniqueOrThrow({ where: { id }, include: { roles: true } });
    expect(user).toMatchObject({ customerId: fx.east, customerPath: await pathOf(fx.east), enabled: true, email: input.email });
    expect(user.confirmedAt).not.toBeNull();
    expect(user.roles.map((r) => r.roleId)).toEqual([fx.buyer]);
    expect(await db.emailMessage.count({ where: { toEmail: input.email } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUser.create", entityId: String(id) } });
    expect(audit.actorCustomerUserId).toBe(await idOf("amanda.admin@acme.test"));
  });

  it("is NOT_FOUND for a customer outside scope: a parent company, another customer", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: fx.holding })),
      "NOT_FOUND",
      "Customer not found.",
    );
    await refused(async () => (await as("gina.globex@globex.test")).account.users.create(newUser({ customerId: fx.holding })), "NOT_FOUND");
    await refused(async () => callerFor(db, dora).account.users.create(newUser({ customerId: fx.east })), "NOT_FOUND");
  });

  it("refuses a buyer, whose roles only let them view colleagues, with FORBIDDEN", async () => {
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.create(newUser()),
      "FORBIDDEN",
      'Your roles do not grant "Create customer user".',
    );
  });

  it("hands out only roles within the administrator's own grants, naming the permission that exceeds them", async () => {
    const error = await refused(() => callerFor(db, dora).account.users.create(newUser({ roleIds: [fx.administrator] })), "FORBIDDEN");
    expect(error.message).toMatch(/^You cannot assign roles with more than you hold yourself: /);
    expect(error.message).toContain('"View customer user" at Corporate (you hold Department)');
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: fx.logistics, roleIds: [fx.deptAdmin] })),
      "BAD_REQUEST",
      "Some chosen roles are not available to this customer.",
    );
  });

  it("refuses an enabled user without a role, and sales representatives chosen by a customer user", async () => {
    const amanda = await as("amanda.admin@acme.test");
    await refused(() => amanda.account.users.create(newUser({ roleIds: [] })), "BAD_REQUEST", enabledWithoutRoleMessage);
    const hasSam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
    await refused(
      () => amanda.account.users.create(newUser({ salesRepresentativeIds: [hasSam.id] })),
      "FORBIDDEN",
      "Only staff choose sales representatives.",
    );
  });
});

// ------------------------------------------------------------------------------------------- update

describe("account.users.update", () => {
  it("saves an edit within scope, bumps the version, and leaves the address book alone when it is left out", async () => {
    const caller = await as("walter.west@acme.test");
    const addresses = await db.customerUserAddress.count({ where: { customerUser: { email: "lara.logistics@acme.test" } } });
    expect(addresses).toBeGreaterThan(0);
    const input = await editOf("lara.logistics@acme.test", { firstName: "Larissa", roleIds: [fx.buyer] });
    const saved = await caller.account.users.update(input);
    expect(saved.version).toBe(input.version + 1);
    const user = await db.customerUser.findUniqueOrThrow({ where: { email: "lara.logistics@acme.test" } });
    expect(user.firstName).toBe("Larissa");
    expect(await db.customerUserAddress.count({ where: { customerUserId: user.id } })).toBe(addresses);
  });

  it("is NOT_FOUND for a parent company's or another customer's user, and FORBIDDEN for a buyer", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.update(await editOf("bob.buyer@acme.test", { firstName: "Robert" })),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.update(await editOf("bob.buyer@acme.test", { firstName: "Robert" })),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.update(await editOf("carl.disabled@acme.test", { firstName: "Carlos" })),
      "FORBIDDEN",
      'Your roles do not grant "Edit customer user".',
    );
  });

  it("never lets an administrator edit a user who holds more, nor hand out more", async () => {
    const amanda = await editOf("amanda.admin@acme.test", { firstName: "Mandy" });
    await refused(
      () => callerFor(db, dora).account.users.update(amanda),
      "FORBIDDEN",
      /^You cannot edit a user with more than you hold yourself: /,
    );
    const bob = await editOf("bob.buyer@acme.test", { roleIds: [fx.buyer, fx.administrator] });
    await refused(
      () => callerFor(db, dora).account.users.update(bob),
      "FORBIDDEN",
      /"Edit customer user" at Corporate \(you hold Department\)/,
    );
  });

  it("refuses yourself disabled, an enabled user without a role, and a company left without a manager", async () => {
    const gina = await as("gina.globex@globex.test");
    await refused(
      async () => gina.account.users.update(await editOf("gina.globex@globex.test", { enabled: false })),
      "BAD_REQUEST",
      "You cannot disable yourself.",
    );
    await refused(
      async () => gina.account.users.update(await editOf("gary.buyer@globex.test", { roleIds: [] })),
      "BAD_REQUEST",
      enabledWithoutRoleMessage,
    );
    await refused(
      async () => gina.account.users.update(await editOf("gina.globex@globex.test", { roleIds: [fx.buyer] })),
      "BAD_REQUEST",
      "Globex Industries must keep at least one enabled user who can manage its users. Give another user that permission first.",
    );
  });

  it("refuses a save over a newer change with CONFLICT", async () => {
    const caller = await as("amanda.admin@acme.test");
    const stale = await editOf("wendy.buyer@acme.test", { firstName: "Wendolyn" });
    await caller.account.users.update(await editOf("wendy.buyer@acme.test", { phone: "+1 555 0100" }));
    await refused(() => caller.account.users.update(stale), "CONFLICT", /changed by someone else/);
  });
});

// ------------------------------------------------------------------------------- enable and disable

describe("account.users.setEnabled", () => {
  it("disables a user in scope, ending their sessions, and enables them again", async () => {
    const caller = await as("amanda.admin@acme.test");
    const id = await idOf("eddie.buyer@acme.test");
    const before = await db.customerUser.findUniqueOrThrow({ where: { id } });
    await expect(caller.account.users.setEnabled({ id, enabled: false })).resolves.toEqual({ id, enabled: false });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await caller.account.users.setEnabled({ id, enabled: true });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
  });

  it("refuses yourself, users out of scope, a buyer, and users who hold more", async () => {
    const amandaId = await idOf("amanda.admin@acme.test");
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.setEnabled({ id: amandaId, enabled: false }),
      "BAD_REQUEST",
      "You cannot disable yourself.",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.setEnabled({ id: await idOf("bob.buyer@acme.test"), enabled: false }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.setEnabled({ id: await idOf("bob.buyer@acme.test"), enabled: false }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.setEnabled({ id: await idOf("carl.disabled@acme.test"), enabled: true }),
      "FORBIDDEN",
    );
    await refused(
      () => callerFor(db, dora).account.users.setEnabled({ id: amandaId, enabled: false }),
      "FORBIDDEN",
      /^You cannot disable a user with more than you hold yourself: /,
    );
  });

  it("refuses to enable a user without a role", async () => {
    const holding = await db.customer.findUniqueOrThrow({ where: { id: fx.holding } });
    const roleless = await db.customerUser.create({
      data: {
        email: freshEmail("roleless"),
        firstName: "Rolf",
        lastName: "Less",
        enabled: false,
        customerId: holding.id,
        customerPath: holding.path,
      },
    });
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.setEnabled({ id: roleless.id, enabled: true }),
      "BAD_REQUEST",
      "At least one role must be assigned before the user can be enabled.",
    );
  });
});

// ------------------------------------------------------------------------------------------- delete

describe("account.users.delete", () => {
  it("deletes a user in scope who placed nothing; one who placed an order keeps their account, the order its owner", async () => {
    const caller = await as("walter.west@acme.test");
    const { id } = await caller.account.users.create(newUser({ customerId: fx.logistics }));
    await expect(caller.account.users.delete({ id })).resolves.toEqual({ id });
    expect(await db.customerUser.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "customerUser.delete", entityId: String(id) } })).toBe(1);

    const { id: buyer } = await caller.account.users.create(newUser({ customerId: fx.logistics }));
    const logistics = await db.customer.findUniqueOrThrow({ where: { id: fx.logistics } });
    const order = await db.order.create({
      data: {
        number: `SO-DEL-${buyer}`,
        customerUserId: buyer,
        customerId: logistics.id,
        customerPath: logistics.path,
        currency: "USD",
        subtotal: "10.00",
        total: "10.80",
      },
    });
    await refused(
      async () => caller.account.users.delete({ id: buyer }),
      "BAD_REQUEST",
      /owns 1 order of Acme West Logistics, which must keep who placed them/,
    );
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).customerUserId).toBe(buyer);
  });

  it("refuses yourself, users out of scope, a buyer, and users who hold more", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.delete({ id: await idOf("walter.west@acme.test") }),
      "BAD_REQUEST",
      "You cannot delete yourself.",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.delete({ id: await idOf("amanda.admin@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.delete({ id: await idOf("eddie.buyer@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.delete({ id: await idOf("carl.disabled@acme.test") }),
      "FORBIDDEN",
      'Your roles do not grant "Delete customer user".',
    );
    await refused(
      async () => callerFor(db, dora).account.users.delete({ id: await idOf("amanda.admin@acme.test") }),
      "FORBIDDEN",
      /^You cannot delete a user with more than you hold yourself: /,
    );
  });
});

// -------------------------------------------------------------------------------------- mass actions

describe("account.users.massSetEnabled and massDelete", () => {
  it("skips the actor and rows out of reach, says why, and does the rest", async () => {
    const caller = await as("amanda.admin@acme.test");
    const [amanda, wendy, gary] = await Promise.all(
      ["amanda.admin@acme.test", "wendy.buyer@acme.test", "gary.buyer@globex.test"].map(idOf),
    );
    const result = await caller.account.users.massSetEnabled({ ids: [amanda!, wendy!, gary!], enabled: false });
    expect(result.done).toEqual([wendy]);
    expect(result.skipped).toEqual([
      { id: amanda, label: "Amanda Admin", reason: "You cannot disable yourself." },
      { id: gary, label: `User #${gary}`, reason: "Customer user not found." },
    ]);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: wendy } })).enabled).toBe(false);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: gary } })).enabled).toBe(true);
    await caller.account.users.massSetEnabled({ ids: [wendy!], enabled: true });
  });

  it("deletes what the rules allow and keeps the actor and stronger users", async () => {
    const { id: doomed } = await (await as("amanda.admin@acme.test")).account.users.create(newUser());
    const amanda = await idOf("amanda.admin@acme.test");
    const result = await callerFor(db, dora).account.users.massDelete({ ids: [doomed, dora.id, amanda] });
    expect(result.done).toEqual([doomed]);
    expect(result.skipped.map((s) => [s.label, s.reason.split(":")[0]])).toEqual([
      ["Dora Office", "You cannot delete yourself."],
      ["Amanda Admin", "You cannot delete a user with more than you hold yourself"],
    ]);
    expect(await db.customerUser.count({ where: { id: { in: [dora.id, amanda] } } })).toBe(2);
  });

  it("refuses a buyer outright, and bad input field by field", async () => {
    await refused(
      async () =>
        (await as("bob.buyer@acme.test")).account.users.massSetEnabled({ ids: [await idOf("carl.disabled@acme.test")], enabled: true }),
      "FORBIDDEN",
    );
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.massDelete({ ids: [] }),
      "BAD_REQUEST",
      /Select at least one row/,
    );
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.massSetEnabled({ ids: [1], enabled: "yes" as unknown as boolean }),
      "BAD_REQUEST",
    );
  });
});

// A subsidiary created under West stays below Walter: his Corporate level reaches it at once.
describe("a new subsidiary", () => {
  it("is within a Corporate administrator's reach as soon as it exists", async () => {
    const depot = await createCustomerNode(db, { name: "Acme West Depot", parentId: fx.west });
    const { id } = await (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: depot.id }));
    expect((await (await as("walter.west@acme.test")).account.users.get({ id })).customer.name).toBe("Acme West Depot");
    await refused(async () => callerFor(db, dora).account.users.get({ id }), "NOT_FOUND");
  });
});
