import { describe, expect, it } from "vitest";
import { loadCustomerPrincipal } from "../../../authz/access";
import { signInCustomerUser } from "../../../services/identity/signIn";
import { createCustomerNode } from "../../../services/customers/paths";
import { DEMO_PASSWORD } from "../../../seed/demo";
import { address, admin, customer, db, idOf, sales, staffWith } from "../../../test/fixtures/customers";

/** admin.customers, lifecycle: disabling and enabling (sessions and sign-in), and deleting. */
describe("admin.customers.setEnabled", () => {
  const state = (customerId: number) =>
    db.customerUser.findMany({
      where: { customerId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        enabled: true,
        confirmedAt: true,
        authStatus: true,
        version: true,
        updatedAt: true,
        sessionVersion: true,
        roles: { select: { roleId: true } },
      },
    });

  it("disabling ends every session of the customer's users and refuses their sign-in; enabling lets them sign in again, and nothing else about them changes", async () => {
    const globex = await idOf("Globex Industries");
    const before = await state(globex);
    const gina = before.find(Boolean)!;
    expect(await (await admin()).admin.customers.setEnabled({ id: globex, enabled: false })).toEqual({
      id: globex,
      enabled: false,
      signedOut: before.length,
    });

    const session = { uid: gina.id, sv: gina.sessionVersion };
    expect(await loadCustomerPrincipal(db, session)).toEqual({ ended: "customer-disabled" });
    const signIn = () => signInCustomerUser(db, { email: "gina.globex@globex.test", password: DEMO_PASSWORD, ip: null, userAgent: null });
    expect(await signIn()).toEqual({ ok: false, reason: "customer-disabled" });
    expect(await db.loginAttempt.findFirstOrThrow({ where: { email: "gina.globex@globex.test" }, orderBy: { id: "desc" } })).toMatchObject({
      result: "CUSTOMER_DISABLED",
    });

    await (await admin()).admin.customers.setEnabled({ id: globex, enabled: true });
    const after = await state(globex);
    expect(after.map(({ sessionVersion: _sv, ...rest }) => rest)).toEqual(before.map(({ sessionVersion: _sv, ...rest }) => rest));
    expect(after.map((u) => u.sessionVersion)).toEqual(before.map((u) => u.sessionVersion + 1));
    // The old session stays ended (revoked, not paused); a new sign-in works.
    expect(await loadCustomerPrincipal(db, session)).toEqual({ ended: "revoked" });
    expect(await signIn()).toMatchObject({ ok: true, userId: gina.id });
    const audit = await db.auditEvent.findMany({
      where: { entityType: "Customer", entityId: String(globex) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).slice(-2)).toEqual(["customer.disable", "customer.enable"]);
  });

  it("does not disable the subsidiaries of a disabled parent", async () => {
    const west = await idOf("Acme West");
    const lara = await db.customerUser.findUniqueOrThrow({ where: { email: "lara.logistics@acme.test" } });
    await (await admin()).admin.customers.setEnabled({ id: west, enabled: false });
    try {
      expect(await loadCustomerPrincipal(db, { uid: lara.id, sv: lara.sessionVersion })).toMatchObject({ realm: "customer", id: lara.id });
      expect((await customer("Acme West Logistics")).enabled).toBe(true);
    } finally {
      await (await admin()).admin.customers.setEnabled({ id: west, enabled: true });
    }
  });

  it("saving the form disabled does the same", async () => {
    const solo = await createCustomerNode(db, { name: "Form Disabled Co" });
    const user = await db.customerUser.create({
      data: { email: "solo@form.test", firstName: "S", lastName: "O", customerId: solo.id, customerPath: solo.path },
    });
    const c = await db.customer.findUniqueOrThrow({ where: { id: solo.id } });
    const result = await (
      await admin()
    ).admin.customers.update({
      id: c.id,
      version: c.version,
      name: c.name,
      parentId: null,
      groupId: null,
      salesRepIds: [],
      enabled: false,
    });
    expect(result.signedOut).toBe(1);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("is NOT_FOUND for a sales manager outside their customers", async () => {
    const globex = await idOf("Globex Industries");
    await expect((await sales()).admin.customers.setEnabled({ id: globex, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await customer("Globex Industries")).enabled).toBe(true);
  });
});

describe("admin.customers.delete", () => {
  it("refuses while the customer has users, subsidiaries or records, naming them, and deletes nothing", async () => {
    const holding = await customer("Acme Holding");
    const counts = {
      users: await db.customerUser.count({ where: { customerId: holding.id } }),
      orders: await db.order.count({ where: { customerId: holding.id } }),
    };
    await expect((await admin()).admin.customers.delete({ id: holding.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Acme Holding cannot be deleted while it has ${counts.users} users, 2 subsidiaries, ${counts.orders} orders, 2 quotes, 2 requests for quote and 4 shopping lists. Move or delete them first, or disable the customer instead.`,
    });
    const umbrella = await idOf("Umbrella Supplies");
    await expect((await admin()).admin.customers.delete({ id: umbrella })).rejects.toMatchObject({
      message: `Umbrella Supplies cannot be deleted while it has ${await db.customerUser.count({ where: { customerId: umbrella } })} users. Move or delete them first, or disable the customer instead.`,
    });
    expect(await db.customer.findUnique({ where: { id: holding.id } })).not.toBeNull();
  });

  it("refuses while one of its roles is in use", async () => {
    const empty = await createCustomerNode(db, { name: "Role Owner Co" });
    const role = await db.customerUserRole.create({ data: { code: "ROLE_OWNER_CO", label: "Borrowed", customerId: empty.id } });
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    await db.customerUserRoleAssignment.create({ data: { customerUserId: bob.id, roleId: role.id } });
    await expect((await admin()).admin.customers.delete({ id: empty.id })).rejects.toMatchObject({
      message: "Role Owner Co cannot be deleted while it has 1 role in use. Move or delete them first, or disable the customer instead.",
    });
    await db.customerUserRoleAssignment.delete({ where: { customerUserId_roleId: { customerUserId: bob.id, roleId: role.id } } });
    await (await admin()).admin.customers.delete({ id: empty.id });
    expect(await db.customerUserRole.findUnique({ where: { id: role.id } })).toBeNull();
  });

  it("deletes a customer nothing depends on, with its addresses and notes, and records it", async () => {
    const caller = await admin();
    const { id } = await caller.admin.customers.create({
      name: "Short Lived",
      parentId: await idOf("Initech"),
      groupId: null,
      addresses: [address()],
    });
    await caller.admin.customers.notes.create({ customerId: id, body: "Trial account." });
    expect(await caller.admin.customers.delete({ id })).toEqual({ id });
    expect(await db.customer.findUnique({ where: { id } })).toBeNull();
    expect(await db.customerAddress.count({ where: { customerId: id } })).toBe(0);
    expect(await db.note.count({ where: { customerId: id } })).toBe(0);
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { entityType: "Customer", entityId: String(id), action: "customer.delete" } }),
    ).toMatchObject({ before: { name: "Short Lived" } });
    await expect(caller.admin.customers.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is NOT_FOUND for staff whose delete grant does not reach the customer", async () => {
    const caller = await staffWith("sales@roster.test", [["customer.delete", "REPRESENTED"]]);
    const solo = await createCustomerNode(db, { name: "Not Sam's" });
    await expect(caller.admin.customers.delete({ id: solo.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.customer.findUnique({ where: { id: solo.id } })).not.toBeNull();
  });
});
