import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../../../test/principals";
import { createCustomerNode } from "../../../services/customers/paths";
import { db, fx, dora, as, idOf, pathOf, refused, newUser, setupAccountUsers } from "../../../test/fixtures/accountUsers";

/**
 * account.users: a customer's administrator sees the users their level reaches — their own customer (Department)
 * or their customer and its subsidiaries (Corporate) — never a parent company, never another customer: the list,
 * one user, and what the user forms offer.
 */
beforeAll(setupAccountUsers);

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

describe("a new subsidiary", () => {
  it("is within a Corporate administrator's reach as soon as it exists", async () => {
    const depot = await createCustomerNode(db, { name: "Acme West Depot", parentId: fx.west });
    const { id } = await (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: depot.id }));
    expect((await (await as("walter.west@acme.test")).account.users.get({ id })).customer.name).toBe("Acme West Depot");
    await refused(async () => callerFor(db, dora).account.users.get({ id }), "NOT_FOUND");
  });
});
