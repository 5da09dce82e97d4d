import { beforeAll, describe, expect, it } from "vitest";
import { createCustomerNode } from "../../../services/customers/paths";
import { db, fx, admin, sales, userByEmail, setupCustomerUserRecord } from "../../../test/fixtures/customerUserRecord";

/** Viewing a customer user and the form's choices: admin.customerUsers.{get,consents,formOptions,customerChoices,roleChoices}. */
beforeAll(setupCustomerUserRecord);

// ------------------------------------------------------------------------------------ get and choices

describe("admin.customerUsers.get, consents and the form's choices", () => {
  it("shows the whole record to staff who reach it, and is NOT_FOUND otherwise", async () => {
    const bob = await userByEmail("bob.buyer@acme.test");
    const record = await (await sales()).admin.customerUsers.get({ id: bob.id });
    expect(record).toMatchObject({
      id: bob.id,
      email: "bob.buyer@acme.test",
      customer: { id: fx.holding, name: "Acme Holding" },
      website: { id: fx.store, name: "Roster Store" },
      owner: { firstName: "Sam", lastName: "Sales" },
      localization: { code: "en" },
    });
    expect(record.roles.map((r) => r.label)).toContain("Buyer");
    const gary = await userByEmail("gary.buyer@globex.test");
    await expect((await sales()).admin.customerUsers.get({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await sales()).admin.customerUsers.consents({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists accepted consents with their dates, withdrawn ones marked", async () => {
    const bob = await userByEmail("bob.buyer@acme.test");
    const newsletter = await db.consentAcceptance.findFirstOrThrow({ where: { customerUserId: bob.id, consent: { title: "Newsletter" } } });
    await db.consentAcceptance.update({ where: { id: newsletter.id }, data: { withdrawnAt: new Date() } });
    const consents = await (await admin()).admin.customerUsers.consents({ id: bob.id });
    expect(consents.map((c) => [c.consent.title, c.withdrawnAt !== null])).toEqual(
      expect.arrayContaining([
        ["Privacy policy", false],
        ["Newsletter", true],
      ]),
    );
  });

  it("offers the predefined roles and the customer's own, and refuses customers out of scope", async () => {
    const roles = await (await admin()).admin.customerUsers.roleChoices({ customerId: fx.holding });
    expect(roles.map((r) => r.label)).toEqual(["Administrator", "Buyer", "Department administrator", "Purchaser", "User clerk"]);
    expect(roles.every((r) => r.assignable)).toBe(true);
    expect((await (await admin()).admin.customerUsers.roleChoices({ customerId: null })).map((r) => r.label)).toEqual([
      "Administrator",
      "Buyer",
    ]);
    await expect((await sales()).admin.customerUsers.roleChoices({ customerId: fx.globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers the customers within reach, by purpose", async () => {
    const names = async (caller: Awaited<ReturnType<typeof admin>>, purpose: "create" | "edit" | "subsidiary", search = "") =>
      (await caller.admin.customerUsers.customerChoices({ purpose, search })).map((c) => c.name);
    // A subsidiary made after the seed is offered like the seeded ones (this file's tests run on their own database).
    await createCustomerNode(db, { name: "Acme West Retail", parentId: fx.west });
    // Acme Holding, Acme East, and any subsidiaries under them (which take their representative).
    const represented = await names(await sales(), "create");
    expect(represented).toEqual(expect.arrayContaining(["Acme East", "Acme Holding"]));
    expect(represented.some((name) => /Globex|Initech|Umbrella|Acme West/.test(name))).toBe(false);
    expect(await names(await sales(), "subsidiary")).toEqual([]);
    expect(await names(await admin(), "subsidiary", "west")).toEqual(["Acme West", "Acme West Logistics", "Acme West Retail"]);
    const east = (await (await admin()).admin.customerUsers.customerChoices({ search: "acme east" }))[0];
    expect(east).toMatchObject({ name: "Acme East", ancestry: ["Acme Holding"], salesRepresentativeIds: [fx.sam] });
  });

  it("gives the websites with their localizations and the staff who can represent users", async () => {
    const options = await (await admin()).admin.customerUsers.formOptions();
    expect(options.websites.map((w) => [w.name, w.localizations.map((l) => l.code)])).toEqual([
      ["Roster Store", ["en", "de"]],
      ["Roster Wholesale", ["en"]],
    ]);
    expect(options.staff.map((s) => s.email)).toEqual(expect.arrayContaining(["admin@roster.test", "sales@roster.test"]));
  });
});
