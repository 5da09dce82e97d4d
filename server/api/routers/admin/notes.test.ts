import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";

let db: PrismaClient;
let bob: number;
let gary: number;
beforeAll(async () => {
  db = await createTestDb();
  bob = (await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } })).id;
  gary = (await db.customerUser.findUniqueOrThrow({ where: { email: "gary.buyer@globex.test" } })).id;
});

const admin = () => staffCaller(db, "admin@roster.test");
const sales = () => staffCaller(db, "sales@roster.test");
const viewer = () => staffCaller(db, "viewer@roster.test");

async function unchanged(attempt: () => Promise<unknown>, code: string) {
  const [notes, events, audits] = [await db.note.findMany({ orderBy: { id: "asc" } }), await db.calendarEvent.count(), await db.auditEvent.count()];
  await expect(attempt()).rejects.toMatchObject({ code });
  expect(await db.note.findMany({ orderBy: { id: "asc" } })).toEqual(notes);
  expect([await db.calendarEvent.count(), await db.auditEvent.count()]).toEqual([events, audits]);
}

describe("admin.notes", () => {
  it("lists a user's notes newest first, with their authors, for staff who see the user", async () => {
    const page = await (await viewer()).admin.notes.list({ customerUserId: bob });
    expect(page.items).toMatchObject([{ body: "Prefers delivery before noon. Asked about net-60 terms.", author: { firstName: "Sam" } }]);
  });

  it("adds, edits and deletes a note, each recorded in the audit log", async () => {
    const caller = await sales();
    const note = await caller.admin.notes.create({ customerUserId: bob, body: "  Called about the March invoice.  " });
    expect(note).toMatchObject({ body: "Called about the March invoice.", author: { firstName: "Sam", lastName: "Sales" } });
    expect((await caller.admin.notes.list({ customerUserId: bob })).items[0]?.id).toBe(note.id);
    const edited = await caller.admin.notes.update({ id: note.id, body: "Called about the April invoice." });
    expect(edited.body).toBe("Called about the April invoice.");
    await caller.admin.notes.delete({ id: note.id });
    expect(await db.note.count({ where: { id: note.id } })).toBe(0);
    const actions = await db.auditEvent.findMany({ where: { entityType: "Note", entityId: String(note.id) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["note.create", "note.update", "note.delete"]);
  });

  it("refuses an empty note and changes nothing", async () => {
    await unchanged(async () => (await admin()).admin.notes.create({ customerUserId: bob, body: "   " }), "BAD_REQUEST");
  });

  it("is NOT_FOUND for a sales manager on another customer's user and their notes", async () => {
    const caller = await sales();
    const garyNote = await db.note.create({ data: { customerUserId: gary, body: "Globex only." } });
    await expect(caller.admin.notes.list({ customerUserId: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unchanged(() => caller.admin.notes.create({ customerUserId: gary, body: "Sneaky." }), "NOT_FOUND");
    await unchanged(() => caller.admin.notes.update({ id: garyNote.id, body: "Changed." }), "NOT_FOUND");
    await unchanged(() => caller.admin.notes.delete({ id: garyNote.id }), "NOT_FOUND");
  });
});

describe("admin.calendarEvents", () => {
  it("schedules an event and lists it with who scheduled it", async () => {
    const caller = await sales();
    const startAt = new Date(Date.now() + 3 * 86_400_000);
    const event = await caller.admin.calendarEvents.create({ customerUserId: bob, title: "Site visit", description: "Bring samples.", startAt, endAt: new Date(startAt.getTime() + 3_600_000) });
    const page = await (await viewer()).admin.calendarEvents.list({ customerUserId: bob });
    expect(page.items[0]).toMatchObject({ id: event.id, title: "Site visit", description: "Bring samples.", createdBy: { firstName: "Sam" } });
    expect(page.items.map((e) => e.title)).toContain("Quarterly review call");
  });

  it("refuses an event ending before it starts, and one for a user out of scope", async () => {
    const startAt = new Date(Date.now() + 86_400_000);
    await unchanged(async () => (await admin()).admin.calendarEvents.create({ customerUserId: bob, title: "Backwards", startAt, endAt: new Date(startAt.getTime() - 1) }), "BAD_REQUEST");
    await unchanged(async () => (await sales()).admin.calendarEvents.create({ customerUserId: gary, title: "Out of scope", startAt }), "NOT_FOUND");
    await expect((await sales()).admin.calendarEvents.list({ customerUserId: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.records and the mailbox, for one customer user's page", () => {
  it("lists the records the user created, within the staff member's scope", async () => {
    const caller = await sales();
    for (const list of [caller.admin.records.orders, caller.admin.records.quotes, caller.admin.records.rfqs, caller.admin.records.shoppingLists]) {
      const page = await list({ customerUserId: bob, limit: 10 });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((row) => row.customerUser?.id === bob)).toBe(true);
      expect((await list({ customerUserId: gary })).items).toEqual([]);
    }
    const firstPage = await caller.admin.records.orders({ customerUserId: bob, limit: 2 });
    const next = await caller.admin.records.orders({ customerUserId: bob, limit: 2, after: firstPage.nextCursor! });
    expect(next.items.map((o) => o.id)).not.toContain(firstPage.items[0]!.id);
  });

  it("lists the emails sent to one user", async () => {
    await db.emailMessage.create({ data: { template: "welcome", locale: "en", toEmail: "old.address@acme.test", subject: "Welcome to Roster", html: "<p>Hi</p>", text: "Hi", idempotencyKey: "notes-test-1", customerUserId: bob } });
    const page = await (await admin()).admin.mailbox.list({ customerUserId: bob });
    expect(page.items.map((m) => m.toEmail)).toEqual(["old.address@acme.test"]);
  });
});
