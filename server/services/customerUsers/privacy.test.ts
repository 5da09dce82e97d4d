import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb } from "../../test/db";
import { customerCaller, staffCaller } from "../../test/principals";
import { signInCustomerUser } from "../identity/signIn";
import { DEMO_PASSWORD } from "../../seed/demo";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});
const user = (email: string) => db.customerUser.findUniqueOrThrow({ where: { email } });

describe("personal data", () => {
  it("exports everything held about a user, to staff in scope and to the user themselves", async () => {
    const bob = await user("bob.buyer@acme.test");
    const staff = await (await staffCaller(db, "admin@roster.test")).admin.privacy.export({ id: bob.id });
    expect(staff.subject).toMatchObject({
      email: "bob.buyer@acme.test",
      customer: { name: "Acme Holding" },
      roles: [{ role: { label: "Buyer" } }],
    });
    expect(staff.subject.orders.length).toBe(3);
    expect(staff.subject.consentAcceptances.map((c) => c.consent.title).sort()).toEqual(["Newsletter", "Privacy policy"]);
    const own = await (await customerCaller(db, "bob.buyer@acme.test")).account.myData.export();
    expect(own.subject.id).toBe(bob.id);
  });

  it("keeps sales managers and read-only staff away from other customers' people", async () => {
    const gary = await user("gary.buyer@globex.test");
    await expect((await staffCaller(db, "sales@roster.test")).admin.privacy.export({ id: gary.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("erases by anonymization: the person is gone, their orders remain with the company", async () => {
    const eddie = await user("eddie.buyer@acme.test");
    const orders = await db.order.findMany({ where: { customerUserId: eddie.id } });
    const admin = await staffCaller(db, "admin@roster.test");
    await expect(admin.admin.privacy.erase({ id: eddie.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.admin.privacy.erase({ id: eddie.id, reason: "Request by email of 2026-11-20" });

    const erased = await db.customerUser.findUniqueOrThrow({ where: { id: eddie.id } });
    expect(erased).toMatchObject({
      email: `erased-${eddie.id}@erased.invalid`,
      firstName: "Erased",
      lastName: "user",
      phone: null,
      passwordHash: null,
      enabled: false,
    });
    expect(erased.erasedAt).not.toBeNull();
    expect(await db.customerUserAddress.count({ where: { customerUserId: eddie.id } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { customerUserId: eddie.id, NOT: { ip: null } } })).toBe(0);
    expect(await db.order.count({ where: { id: { in: orders.map((o) => o.id) }, customerUserId: eddie.id } })).toBe(orders.length);
    expect(await db.auditEvent.findFirst({ where: { action: "customerUser.erase", entityId: String(eddie.id) } })).toMatchObject({
      reason: "Request by email of 2026-11-20",
    });
    expect(await signInCustomerUser(db, { email: "eddie.buyer@acme.test", password: DEMO_PASSWORD, ip: null, userAgent: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // Erasing twice finds nothing to erase.
    await expect(admin.admin.privacy.erase({ id: eddie.id, reason: "again" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
