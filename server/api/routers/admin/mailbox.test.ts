import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";
import { enqueueEmail, secretLink } from "../../../email/outbox";
import { SECRET_MARK } from "../../../email/templates";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

describe("admin.mailbox", () => {
  it("lists messages newest first and shows a waiting message with its live link", async () => {
    const first = await enqueueEmail(db, {
      template: "passwordReset",
      locale: "en",
      to: "bob.buyer@acme.test",
      props: { firstName: "Bob", link: secretLink("/reset-password"), hours: 24 },
      secret: "tok-123",
    });
    const second = await enqueueEmail(db, {
      template: "welcome",
      locale: "de",
      to: "erin.east@acme.test",
      props: { firstName: "Erin", loginUrl: "http://x/login", setPasswordLink: null, hours: 24 },
    });
    const caller = await staffCaller(db, "admin@roster.test");
    const page = await caller.admin.mailbox.list({});
    expect(page.items.slice(0, 2).map((m) => m.id)).toEqual([second.id, first.id]);
    expect(page.items[0]!.subject).toBe("Willkommen bei Roster");

    const message = await caller.admin.mailbox.get({ id: first.id });
    expect(message.html).toContain("/reset-password?token=tok-123");
    expect(message.html).not.toContain(SECRET_MARK);
    const stored = await db.emailMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.html).not.toContain("tok-123");
  });

  it("filters by recipient and answers NOT_FOUND for a missing message", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const page = await caller.admin.mailbox.list({ to: "ERIN.east" });
    expect(page.items.every((m) => m.toEmail === "erin.east@acme.test")).toBe(true);
    await expect(caller.admin.mailbox.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
