import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller } from "../../../test/principals";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const address = (extra: Record<string, unknown> = {}) => ({
  label: "Depot",
  street: "5 Dock Lane",
  city: "Springfield",
  postalCode: "12399",
  countryCode: "us",
  isShipping: true,
  ...extra,
});

const ownerOf = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
const addressOf = (email: string) => db.customerUserAddress.findFirstOrThrow({ where: { customerUser: { email } } });

describe("account.addresses (one's own address book)", () => {
  it("lists only one's own addresses at the User level", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    const list = await bob.account.addresses.list({});
    expect(list.map((a) => [a.label, a.ownerName, a.mine])).toEqual([["Office", "Bob Buyer", true]]);
    // Asking for everyone changes nothing at the User level.
    expect(await bob.account.addresses.list({ everyone: true })).toHaveLength(1);
  });

  it("adds, edits and deletes, keeping one default of each type", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    const created = await bob.account.addresses.create(address({ isDefaultShipping: true }));
    expect(created).toMatchObject({ label: "Depot", countryCode: "US", isDefaultShipping: true, mine: true });
    const bobId = await ownerOf("bob.buyer@acme.test");
    const defaults = async () =>
      db.customerUserAddress.findMany({ where: { customerUserId: bobId, isDefaultShipping: true }, select: { id: true } });
    expect(await defaults()).toEqual([{ id: created.id }]);

    const office = (await bob.account.addresses.list({})).find((a) => a.label === "Office")!;
    expect(office.isDefaultShipping).toBe(false);
    const { updatedAt: _u, ownerName: _o, mine: _m, ...fields } = office;
    await bob.account.addresses.update({ ...fields, street: "11 Commerce Way", isDefaultShipping: true });
    expect(await defaults()).toEqual([{ id: office.id }]);
    expect((await db.customerUserAddress.findUniqueOrThrow({ where: { id: office.id } })).street).toBe("11 Commerce Way");

    await bob.account.addresses.delete({ id: created.id });
    expect(await db.customerUserAddress.count({ where: { id: created.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "CustomerUserAddress", entityId: String(created.id) } })).toBe(2);
  });

  it("answers NOT_FOUND for someone else's address and leaves it untouched", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    const theirs = await addressOf("amanda.admin@acme.test");
    await expect(bob.account.addresses.update({ ...address(), id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bob.account.addresses.delete({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.customerUserAddress.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ street: theirs.street });
  });

  it("lets a Corporate administrator see and edit colleagues' addresses in the subtree, never another company's", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const owners = (await amanda.account.addresses.list({ everyone: true })).map((a) => a.ownerName);
    expect(owners).toEqual(expect.arrayContaining(["Amanda Admin", "Bob Buyer", "Erin East", "Lara Logistics"]));
    expect(owners).not.toContain("Gina Globex");
    expect((await amanda.account.addresses.list({})).every((a) => a.mine)).toBe(true);

    const lara = await addressOf("lara.logistics@acme.test");
    await amanda.account.addresses.update({ ...address(), id: lara.id, label: "Dock 7" });
    expect((await db.customerUserAddress.findUniqueOrThrow({ where: { id: lara.id } })).label).toBe("Dock 7");
    const gina = await addressOf("gina.globex@globex.test");
    await expect(amanda.account.addresses.delete({ id: gina.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad input field by field", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    await expect(bob.account.addresses.create(address({ street: "", isShipping: false, countryCode: "Utopia" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.customerUserAddress.count({ where: { customerUser: { email: "bob.buyer@acme.test" } } })).toBe(1);
  });
});

describe("account.companyAddresses", () => {
  it("shows a buyer their own company's addresses and does not let them change them", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    expect((await bob.account.companyAddresses.list({})).map((a) => [a.label, a.ownerName])).toEqual([["Headquarters", "Acme Holding"]]);
    await expect(bob.account.companyAddresses.create(address())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reaches subsidiaries at Corporate level, adds to one's own company, and never reaches a parent", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    expect((await amanda.account.companyAddresses.list({})).map((a) => a.ownerName).sort()).toEqual(["Acme Holding", "Acme West"]);
    const created = await amanda.account.companyAddresses.create(address({ isBilling: true, isDefaultBilling: true }));
    const holding = await db.customer.findFirstOrThrow({ where: { name: "Acme Holding" } });
    expect(await db.customerAddress.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      customerId: holding.id,
      isDefaultBilling: true,
    });
    expect(await db.customerAddress.count({ where: { customerId: holding.id, isDefaultBilling: true } })).toBe(1);

    const walter = await customerCaller(db, "walter.west@acme.test");
    await expect(walter.account.companyAddresses.update({ ...address(), id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(walter.account.companyAddresses.delete({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await amanda.account.companyAddresses.delete({ id: created.id });
    expect(await db.customerAddress.count({ where: { id: created.id } })).toBe(0);
  });
});
