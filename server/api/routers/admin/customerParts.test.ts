import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";

/** A customer's addresses and notes in the back office. */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const admin = () => staffCaller(db, "admin@roster.test");
const sales = () => staffCaller(db, "sales@roster.test");
const idOf = async (name: string) => (await db.customer.findFirstOrThrow({ where: { name } })).id;
const address = {
  label: "Dock 4",
  street: "4 Pier Road",
  city: "Hamburg",
  postalCode: "20457",
  countryCode: "DE",
  isBilling: false,
  isShipping: true,
};

describe("admin.customers.addresses", () => {
  it("adds, edits and deletes a customer's address; a new default takes over from the old one", async () => {
    const caller = await admin();
    const west = await idOf("Acme West");
    const warehouse = await db.customerAddress.findFirstOrThrow({ where: { customerId: west, label: "Warehouse" } });
    expect(warehouse.isDefaultShipping).toBe(true);

    const created = await caller.admin.customers.addresses.create({ ...address, customerId: west, isDefaultShipping: true });
    expect(created).toMatchObject({ label: "Dock 4", isDefaultShipping: true });
    expect((await db.customerAddress.findUniqueOrThrow({ where: { id: warehouse.id } })).isDefaultShipping).toBe(false);

    const updated = await caller.admin.customers.addresses.update({ ...address, id: created.id, city: "Bremen" });
    expect(updated).toMatchObject({ city: "Bremen", isDefaultShipping: false });
    await caller.admin.customers.addresses.delete({ id: created.id });
    expect(await db.customerAddress.findUnique({ where: { id: created.id } })).toBeNull();
    const actions = await db.auditEvent.findMany({
      where: { entityType: "CustomerAddress", entityId: String(created.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["customerAddress.create", "customerAddress.update", "customerAddress.delete"]);
  });

  it("refuses an address without a type with field errors, adding nothing", async () => {
    const holding = await idOf("Acme Holding");
    const count = await db.customerAddress.count();
    await expect(
      (await admin()).admin.customers.addresses.create({ ...address, customerId: holding, isShipping: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.customerAddress.count()).toBe(count);
  });

  it("is NOT_FOUND for a sales manager outside their customers, changing nothing", async () => {
    const globex = await idOf("Globex Industries");
    const office = await db.customerAddress.findFirstOrThrow({ where: { customerId: globex } });
    await expect((await sales()).admin.customers.addresses.create({ ...address, customerId: globex })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect((await sales()).admin.customers.addresses.update({ ...address, id: office.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect((await sales()).admin.customers.addresses.delete({ id: office.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.customerAddress.findUniqueOrThrow({ where: { id: office.id } })).toEqual(office);
  });
});

describe("admin.customers.notes", () => {
  it("lists, adds, edits and deletes notes on a customer, newest first, with their author", async () => {
    const caller = await sales();
    const holding = await idOf("Acme Holding");
    const seeded = await caller.admin.customers.notes.list({ id: holding });
    expect(seeded.items.map((n) => n.body)).toEqual(["Annual contract renews in March."]);
    expect(seeded.nextCursor).toBeNull();

    const note = await caller.admin.customers.notes.create({ customerId: holding, body: "  Wants quarterly invoices.  " });
    expect(note).toMatchObject({ body: "Wants quarterly invoices.", author: { firstName: "Sam" } });
    expect((await caller.admin.customers.notes.list({ id: holding })).items[0]!.id).toBe(note.id);
    expect(await (await admin()).admin.customers.notes.update({ id: note.id, body: "Wants monthly invoices." })).toMatchObject({
      body: "Wants monthly invoices.",
      author: { firstName: "Sam" },
    });
    await caller.admin.customers.notes.delete({ id: note.id });
    expect(await db.note.findUnique({ where: { id: note.id } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Note", entityId: String(note.id), action: "note.delete" } });
    expect(audit.before).toEqual({ body: "Wants monthly invoices." });
  });

  it("pages through every note of a customer, newest first, without gaps or repeats", async () => {
    const caller = await admin();
    const initech = await idOf("Initech");
    const written = [];
    for (let i = 1; i <= 7; i++) written.push((await caller.admin.customers.notes.create({ customerId: initech, body: `Call ${i}` })).id);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.admin.customers.notes.list({ id: initech, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await db.note.findMany({ where: { customerId: initech }, select: { id: true }, orderBy: { id: "desc" } });
    expect(seen).toEqual(all.map((n) => n.id));
    expect(seen.slice(0, 7)).toEqual(written.toReversed());
  });

  it("refuses a page size over 100", async () => {
    await expect((await admin()).admin.customers.notes.list({ id: await idOf("Initech"), limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses an empty note", async () => {
    await expect((await admin()).admin.customers.notes.create({ customerId: await idOf("Initech"), body: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is NOT_FOUND for a sales manager outside their customers, and for notes about customer users", async () => {
    const globex = await idOf("Globex Industries");
    const theirs = await db.note.create({ data: { customerId: globex, body: "Globex only." } });
    const userNote = await db.note.findFirstOrThrow({ where: { customerUserId: { not: null } } });
    await expect((await sales()).admin.customers.notes.list({ id: globex })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await sales()).admin.customers.notes.create({ customerId: globex, body: "Mine" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect((await sales()).admin.customers.notes.update({ id: theirs.id, body: "Changed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect((await sales()).admin.customers.notes.delete({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await admin()).admin.customers.notes.delete({ id: userNote.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.note.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ body: "Globex only." });
  });
});
