import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { customerCaller, customerPrincipal, staffCaller } from "../../test/principals";
import { likeLiteral } from "../../services/kit/filters";
import { signInCustomerUser } from "../../services/identity/signIn";
import { createCustomerNode } from "../../services/customers/paths";

/**
 * Every search box and text filter matches what was typed, `%` and `_` included: Prisma puts the value into a LIKE
 * pattern unescaped, so without likeLiteral a lone "%" would match every row. Each list is shown to have rows, then
 * to find none for "%", "_" and "\" (no demo record holds them); the last test finds a record that does.
 */

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

type Rows = unknown[] | { items: unknown[] };
const rowsOf = (result: Rows) => (Array.isArray(result) ? result : result.items);
const admin = () => staffCaller(db, "admin@roster.test");

/** The list has rows without the filter, and none for a lone wildcard. */
async function wildcardsMatchThemselves(list: (text: string | undefined) => Promise<Rows>) {
  expect(rowsOf(await list(undefined)).length).toBeGreaterThan(0);
  for (const wildcard of ["%", "_", "\\"]) expect(rowsOf(await list(wildcard))).toEqual([]);
}

describe("likeLiteral", () => {
  it("escapes the LIKE wildcards and the escape character, and nothing else", () => {
    expect(likeLiteral("50%_off\\now")).toBe("50\\%\\_off\\\\now");
    expect(likeLiteral("Acme West")).toBe("Acme West");
  });
});

describe("a wildcard typed into a search matches only itself", () => {
  it("customers (grid and parent picker), customer groups, staff, staff roles and customer user roles", async () => {
    const caller = await admin();
    await wildcardsMatchThemselves((search) => caller.admin.customers.list({ search }));
    await wildcardsMatchThemselves((search) => caller.admin.customers.pick({ search: search ?? "" }));
    await wildcardsMatchThemselves((search) => caller.admin.customerGroups.list({ search }));
    await wildcardsMatchThemselves((q) => caller.admin.staffUsers.list({ q }));
    await wildcardsMatchThemselves((q) => caller.admin.staffRoles.list({ q }));
    await wildcardsMatchThemselves((label) => caller.admin.customerUserRoles.list({ label }));
    await wildcardsMatchThemselves((customer) => caller.admin.customerUserRoles.list({ customer }));
    await wildcardsMatchThemselves((search) => caller.admin.customerUserRoles.customerOptions({ search }));
    const buyer = await db.customerUserRole.findFirstOrThrow({ where: { customerId: null, label: "Buyer" } });
    await wildcardsMatchThemselves((search) => caller.admin.customerUserRoles.users({ roleId: buyer.id, search }));
    await wildcardsMatchThemselves((search) => caller.admin.customerUserRoles.candidates({ roleId: buyer.id, search }));
  });

  it("the mailbox, sign-in attempts and the audit log", async () => {
    const caller = await admin();
    await signInCustomerUser(db, { email: "nobody@roster.test", password: "wrong-password", ip: "198.51.100.7", userAgent: "Mozilla/5.0" });
    await caller.admin.customerUsers.sendWelcome({
      id: (await db.customerUser.findFirstOrThrow({ where: { email: "ian.initech@initech.test" } })).id,
    });
    await wildcardsMatchThemselves((to) => caller.admin.mailbox.list({ to }));
    await wildcardsMatchThemselves((email) => caller.admin.loginAttempts.list({ email }));
    await wildcardsMatchThemselves((user) => caller.admin.loginAttempts.list({ user }));
    await wildcardsMatchThemselves((ip) => caller.admin.loginAttempts.list({ ip }));
    await wildcardsMatchThemselves((userAgent) => caller.admin.loginAttempts.list({ userAgent }));
    await wildcardsMatchThemselves((action) => caller.admin.audit.list({ action }));
  });

  it("a company administrator's users, invitations and records", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const { customerId } = await customerPrincipal(db, "amanda.admin@acme.test");
    const buyer = await db.customerUserRole.findFirstOrThrow({ where: { customerId: null, label: "Buyer" } });
    await amanda.account.invitations.create({ email: "new.buyer@acme.test", customerId, roleIds: [buyer.id] });
    await wildcardsMatchThemselves((search) => amanda.account.users.list({ search }));
    await wildcardsMatchThemselves((search) => amanda.account.invitations.list({ search }));
    await wildcardsMatchThemselves((search) => amanda.account.orders.list({ search }));
    await wildcardsMatchThemselves((search) => amanda.account.quotes.list({ search }));
    await wildcardsMatchThemselves((search) => amanda.account.rfqs.list({ search }));
    await wildcardsMatchThemselves((search) => amanda.account.shoppingLists.list({ search }));
  });

  it("and finds the record whose name holds it", async () => {
    const caller = await admin();
    const depot = await createCustomerNode(db, { name: "Acme_West 100% Depot" });
    expect(rowsOf(await caller.admin.customers.list({ search: "acme_west" })).map((c) => (c as { id: number }).id)).toEqual([depot.id]);
    expect((await caller.admin.customers.pick({ search: "100%" })).map((c) => c.id)).toEqual([depot.id]);
  });
});
