import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});
const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;

describe("admin.oauthApps", () => {
  it("creates an application for a customer user, shows the secret once and keeps only its hash", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const bob = await userId("bob.buyer@acme.test");
    const { application, clientSecret } = await caller.admin.oauthApps.create({ customerUserId: bob, name: "ERP sync" });
    expect(application).toMatchObject({ name: "ERP sync", active: true, customerUserId: bob, createdByStaff: { firstName: "Ada" } });
    expect(application.clientId).toMatch(/^rst_[0-9a-f]{24}$/);
    expect(clientSecret.length).toBeGreaterThanOrEqual(43);
    const stored = await db.oAuthApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.secretHash).not.toContain(clientSecret);
    expect(JSON.stringify(await caller.admin.oauthApps.list({ customerUserId: bob }))).not.toContain(clientSecret);
  });

  it("deactivates (revoking tokens), reactivates and deletes", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const bob = await userId("bob.buyer@acme.test");
    const { application } = await caller.admin.oauthApps.create({ customerUserId: bob, name: "Temp" });
    await db.oAuthAccessToken.create({
      data: { tokenHash: "x".repeat(64), applicationId: application.id, expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await caller.admin.oauthApps.setActive({ id: application.id, active: false })).toMatchObject({ active: false });
    expect((await db.oAuthAccessToken.findFirstOrThrow({ where: { applicationId: application.id } })).revokedAt).not.toBeNull();
    expect(await caller.admin.oauthApps.setActive({ id: application.id, active: true })).toMatchObject({ active: true });
    await caller.admin.oauthApps.delete({ id: application.id });
    expect(await db.oAuthApplication.count({ where: { id: application.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "OAuthApplication", entityId: String(application.id) } })).toBe(4);
  });

  it("refuses a past expiry and an empty name with field errors", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const bob = await userId("bob.buyer@acme.test");
    const error = await caller.admin.oauthApps
      .create({ customerUserId: bob, name: " ", expiresAt: new Date(Date.now() - 1000) })
      .catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(await db.oAuthApplication.count({ where: { customerUserId: bob, name: " " } })).toBe(0);
  });

  it("keeps a sales manager to the users of the customers they represent", async () => {
    const sales = await staffCaller(db, "sales@roster.test");
    const gary = await userId("gary.buyer@globex.test");
    await expect(sales.admin.oauthApps.create({ customerUserId: gary, name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sales.admin.oauthApps.list({ customerUserId: gary })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await staffCaller(db, "admin@roster.test");
    const { application } = await admin.admin.oauthApps.create({ customerUserId: gary, name: "Globex ERP" });
    await expect(sales.admin.oauthApps.setActive({ id: application.id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sales.admin.oauthApps.delete({ id: application.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.oAuthApplication.findUniqueOrThrow({ where: { id: application.id } })).active).toBe(true);
  });
});
