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
  const [notes, events, audits] = [
    await db.note.findMany({ orderBy: { id: "asc" } }),
    await db.calendarEvent.count(),
    await db.auditEvent.count(),
  ];
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
    const actions = await db.auditEvent.findMany({
      where: { entityType: "Note", entityId: String(note.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
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
    const event = await caller.admin.calendarEvents.create({
      customerUserId: bob,
      title: "Site visit",
      description: "Bring samples.",
      startAt,
      endAt: new Date(startAt.getTime() + 3_600_000),
    });
    const page = await (await viewer()).admin.calendarEvents.list({ customerUserId: bob });
    expect(page.items[0]).toMatchObject({
      id: event.id,
      title: "Site visit",
      description: "Bring samples.",
      createdBy: { firstName: "Sam" },
    });
    expect(page.items.map((e) => e.title)).toContain("Quarterly review call");
  });

  it("refuses an event ending before it starts, and one for a user out of scope", async () => {
    const startAt = new Date(Date.now() + 86_400_000);
    await unchanged(
      async () =>
        (await admin()).admin.calendarEvents.create({
          customerUserId: bob,
          title: "Backwards",
          startAt,
          endAt: new Date(startAt.getTime() - 1),
        }),
      "BAD_REQUEST",
    );
    await unchanged(
      async () => (await sales()).admin.calendarEvents.create({ customerUserId: gary, title: "Out of scope", startAt }),
      "NOT_FOUND",
    );
    await expect((await sales()).admin.calendarEvents.list({ customerUserId: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.records, notes, events and emails, for one customer user's page", () => {
  it("lists the records the user created, within the staff member's scope", async () => {
    const caller = await sales();
    for (const list of [
      caller.admin.records.orders,
      caller.admin.records.quotes,
      caller.admin.records.rfqs,
      caller.admin.records.shoppingLists,
    ]) {
      const page = await list({ customerUserId: bob, limit: 10 });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((row) => row.customerUser?.id === bob)).toBe(true);
      expect((await list({ customerUserId: gary })).items).toEqual([]);
    }
    const firstPage = await caller.admin.records.orders({ customerUserId: bob, limit: 2 });
    const next = await caller.admin.records.orders({ customerUserId: bob, limit: 2, cursor: firstPage.nextCursor! });
    expect(next.items.map((o) => o.id)).not.toContain(firstPage.items[0]!.id);
  });

  it("pages a user's notes and scheduled events by id, newest first, to the oldest", async () => {
    for (let i = 1; i <= 3; i++) {
      await db.note.create({ data: { customerUserId: bob, body: `Paged note ${i}` } });
      await db.calendarEvent.create({
        data: { customerUserId: bob, title: `Paged event ${i}`, startAt: new Date(Date.now() + i * 86_400_000) },
      });
    }
    const caller = await sales();
    const walk = async (
      list: (input: {
        customerUserId: number;
        limit: number;
        cursor?: string;
      }) => Promise<{ items: { id: number }[]; nextCursor: string | null }>,
    ) => {
      const pages: number[][] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ customerUserId: bob, limit: 2, cursor });
        pages.push(page.items.map((row) => row.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    };
    const notes = await walk(caller.admin.notes.list);
    const noteIds = (await db.note.findMany({ where: { customerUserId: bob }, orderBy: { id: "desc" } })).map((n) => n.id);
    expect(notes.flat()).toEqual(noteIds);
    expect(notes.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    const events = await walk(caller.admin.calendarEvents.list);
    expect(events.flat()).toEqual(
      (await db.calendarEvent.findMany({ where: { customerUserId: bob }, orderBy: { id: "desc" } })).map((e) => e.id),
    );
  });

  it("lists the emails sent to one user to whoever may view the user, without their bodies", async () => {
    const gary1 = await db.emailMessage.create({
      data: {
        template: "welcome",
        locale: "en",
        toEmail: "gary.buyer@globex.test",
        subject: "Welcome to Roster",
        html: "<p>Hi</p>",
        text: "Hi",
        idempotencyKey: "notes-test-gary",
        customerUserId: gary,
      },
    });
    const written: { id: number; createdAt: Date }[] = [];
    for (let i = 1; i <= 3; i++) {
      written.push(
        await db.emailMessage.create({
          data: {
            template: "passwordReset",
            locale: "de",
            toEmail: "bob.buyer@acme.test",
            subject: `Reset ${i}`,
            html: "<p>secret link</p>",
            text: "secret link",
            secret: "raw-token",
            idempotencyKey: `notes-test-bob-${i}`,
            customerUserId: bob,
          },
        }),
      );
    }
    // A sales manager holds no mailbox.view: the outbox is not theirs, their own users' emails are.
    const caller = await sales();
    await expect(caller.admin.mailbox.list({ customerUserId: bob })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await caller.admin.customerUsers.emails({ id: bob, limit: 2 });
    expect(first.items).toEqual([
      {
        id: written[2]!.id,
        subject: "Reset 3",
        template: "passwordReset",
        toEmail: "bob.buyer@acme.test",
        locale: "de",
        status: "QUEUED",
        createdAt: written[2]!.createdAt,
        sentAt: null,
      },
      expect.objectContaining({ id: written[1]!.id, subject: "Reset 2" }),
    ]);
    const rest = await caller.admin.customerUsers.emails({ id: bob, limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((m) => m.subject)).toContain("Reset 1");
    expect(rest.items.every((m) => m.id < written[1]!.id)).toBe(true);
    // A read-only staff member who sees every customer sees Gary's too; the sales manager is told there is no Gary.
    expect((await (await viewer()).admin.customerUsers.emails({ id: gary })).items.map((m) => m.id)).toEqual([gary1.id]);
    await expect(caller.admin.customerUsers.emails({ id: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.admin.customerUsers.emails({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the emails sent to one user", async () => {
    await db.emailMessage.create({
      data: {
        template: "welcome",
        locale: "en",
        toEmail: "old.address@acme.test",
        subject: "Welcome to Roster",
        html: "<p>Hi</p>",
        text: "Hi",
        idempotencyKey: "notes-test-1",
        customerUserId: bob,
      },
    });
    const page = await (await admin()).admin.mailbox.list({ customerUserId: bob });
    // Newest first, whichever address it went to (the test before wrote three to Bob's own).
    expect(page.items.map((m) => m.toEmail)).toEqual([
      "old.address@acme.test",
      "bob.buyer@acme.test",
      "bob.buyer@acme.test",
      "bob.buyer@acme.test",
    ]);
  });
});
