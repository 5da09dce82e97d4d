import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller, customerPrincipal } from "../../../test/principals";
import { roleFixtures } from "../../../test/fixtures/roles";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const { rows, roleId, customerId, grantsOf, holders, companyRole } = roleFixtures(() => db);

describe("account.roles.update", () => {
  it("edits the company's own role; its holders get the new grants on their next request", async () => {
    const role = await companyRole("Globex Industries", "Desk", { "order.view": "OWN" }, { holders: ["gary.buyer@globex.test"] });
    expect((await customerPrincipal(db, "gary.buyer@globex.test")).grants.get("rfq.view")).toBe("OWN");
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const saved = await gina.account.roles.update({
      id: role.id,
      version: 1,
      label: "Front desk",
      permissions: rows({ "order.view": "CUSTOMER", "rfq.view": "SUBTREE" }),
    });
    expect(saved).toEqual({ id: role.id, version: 2, copiedFrom: null, movedUsers: 0 });
    const gary = await customerPrincipal(db, "gary.buyer@globex.test");
    expect(gary.grants.get("order.view")).toBe("CUSTOMER");
    expect(gary.grants.get("rfq.view")).toBe("SUBTREE");
  });

  it("refuses editing a role the store manages, a stale version, and grants beyond the administrator's", async () => {
    const managed = await companyRole("Acme East", "Store managed", {}, { selfManaged: false });
    const dana = await customerCaller(db, "dana.department@acme.test");
    await expect(dana.account.roles.update({ id: managed.id, version: 1, label: "Mine now", permissions: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Store managed" is managed by the store\'s staff; ask them to change it.',
    });
    const own = await companyRole("Acme East", "East desk", { "order.view": "OWN" });
    await expect(dana.account.roles.update({ id: own.id, version: 7, label: "East desk", permissions: [] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      dana.account.roles.update({ id: own.id, version: 1, label: "East desk", permissions: rows({ "order.view": "SUBTREE" }) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"View order" at Corporate (you hold Department)'),
    });
    expect(await grantsOf(own.id)).toEqual({ "order.view": "OWN" });
  });

  it("turns an edit of a predefined role into a company copy and moves the company's users to it", async () => {
    const buyer = await roleId("ROLE_FRONTEND_BUYER");
    const holdingPath = (await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } })).path;
    const companyBuyers = (
      await db.customerUser.findMany({
        where: { customerId: await customerId("Acme Holding"), roles: { some: { roleId: buyer } } },
        select: { email: true },
      })
    )
      .map((u) => u.email)
      .sort();
    expect(companyBuyers).toContain("bob.buyer@acme.test");
    const others = (await holders(buyer)).filter((email) => !companyBuyers.includes(email));
    const grantsBefore = await grantsOf(buyer);

    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const saved = await amanda.account.roles.update({
      id: buyer,
      version: 1,
      label: "Buyer",
      permissions: rows({ ...grantsBefore, "quote.view": "CUSTOMER" }),
    });
    expect(saved).toMatchObject({ copiedFrom: { id: buyer, label: "Buyer" }, movedUsers: companyBuyers.length });
    const copy = await db.customerUserRole.findUniqueOrThrow({ where: { id: saved.id } });
    expect(copy).toMatchObject({ label: "Buyer", customerId: await customerId("Acme Holding"), sourceRoleId: buyer, selfManaged: true });
    expect(await holders(copy.id)).toEqual(companyBuyers);
    expect(await holders(buyer)).toEqual(others);
    expect(others).toContain("eddie.buyer@acme.test");
    // The predefined role itself is unchanged for everybody else.
    expect(await grantsOf(buyer)).toEqual(grantsBefore);
    expect((await customerPrincipal(db, "bob.buyer@acme.test")).grants.get("quote.view")).toBe("CUSTOMER");
    expect((await customerPrincipal(db, "eddie.buyer@acme.test")).grants.get("quote.view")).toBe("OWN");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.copy", entityId: String(copy.id) } });
    expect(audit).toMatchObject({ customerPath: holdingPath, before: { sourceRoleId: buyer } });
  });

  it("refuses copying a predefined role beyond the administrator's levels, and moves nobody", async () => {
    const administrator = await roleId("ROLE_FRONTEND_ADMINISTRATOR");
    const before = await holders(administrator);
    const dana = await customerCaller(db, "dana.department@acme.test");
    await expect(
      dana.account.roles.update({
        id: administrator,
        version: 1,
        label: "Administrator",
        permissions: rows(await grantsOf(administrator)),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"Edit customer user" at Corporate (you hold Department)'),
    });
    expect(await holders(administrator)).toEqual(before);
    expect(await db.customerUserRole.count({ where: { sourceRoleId: administrator } })).toBe(0);
  });
});

describe("account.roles.clone", () => {
  it("copies a role the administrator sees into a self-managed role of their company, held by nobody, audited", async () => {
    const office = await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER");
    const dana = await customerCaller(db, "dana.department@acme.test");
    for (const [source, label] of [
      [office, "Office manager copy"],
      [await roleId("ROLE_FRONTEND_BUYER"), "East buyer copy"],
    ] as const) {
      const clone = await dana.account.roles.clone({ id: source, label });
      const role = await db.customerUserRole.findUniqueOrThrow({ where: { id: clone.id } });
      expect(role).toMatchObject({
        label,
        customerId: await customerId("Acme East"),
        selfManaged: true,
        public: true,
        sourceRoleId: source,
      });
      expect(await grantsOf(clone.id)).toEqual(await grantsOf(source));
      expect(await holders(clone.id)).toEqual([]);
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUserRole.clone", entityId: String(clone.id) } });
      expect(event.before).toMatchObject({ sourceRoleId: source });
    }
  });

  it("copies for a subsidiary at Corporate level; a parent or another company is refused on the customer field", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const forWest = await amanda.account.roles.clone({
      id: await roleId("ROLE_FRONTEND_BUYER"),
      label: "West buyer",
      customerId: await customerId("Acme West"),
    });
    expect((await db.customerUserRole.findUniqueOrThrow({ where: { id: forWest.id } })).customerId).toBe(await customerId("Acme West"));

    const count = await db.customerUserRole.count();
    const dana = await customerCaller(db, "dana.department@acme.test");
    for (const [caller, customer] of [
      [dana, "Acme West"],
      [dana, "Acme Holding"],
      [amanda, "Globex Industries"],
    ] as const) {
      await expect(
        caller.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "Elsewhere", customerId: await customerId(customer) }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Choose your company or one of its subsidiaries.",
        cause: { fieldErrors: { customerId: ["Choose your company or one of its subsidiaries."] } },
      });
    }
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("refuses copying more than the administrator holds, naming each permission and level, and copies nothing", async () => {
    const strong = await companyRole("Acme East", "East strong", { "order.view": "SUBTREE", "quote.view": "OWN" });
    const dana = await customerCaller(db, "dana.department@acme.test");
    const count = await db.customerUserRole.count();
    await expect(dana.account.roles.clone({ id: strong.id, label: "Strong copy" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'You cannot copy a role with more than you hold yourself: "View order" at Corporate (you hold Department).',
    });
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_ADMINISTRATOR"), label: "Admin copy" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"Edit customer user" at Corporate (you hold Department)'),
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("refuses a label the company's roles have already, ignoring case", async () => {
    const dana = await customerCaller(db, "dana.department@acme.test");
    const count = await db.customerUserRole.count();
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "OFFICE MANAGER" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { label: ["This customer has a role with this label already."] } },
    });
    await expect(dana.account.roles.clone({ id: await roleId("ROLE_FRONTEND_BUYER"), label: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });

  it("is NOT_FOUND for another company's role and a parent company's", async () => {
    const holdingRole = await companyRole("Acme Holding", "Holding secret", {});
    const gina = await customerCaller(db, "gina.globex@globex.test");
    const walter = await customerCaller(db, "walter.west@acme.test");
    const count = await db.customerUserRole.count();
    await expect(
      gina.account.roles.clone({ id: await roleId("ROLE_FRONTEND_ACME_EAST_OFFICE_MANAGER"), label: "Borrowed" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Role not found." });
    await expect(walter.account.roles.clone({ id: holdingRole.id, label: "Borrowed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Role not found.",
    });
    expect(await db.customerUserRole.count()).toBe(count);
  });
});
