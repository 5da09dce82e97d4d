import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { CustomerPrincipal } from "../../../authz/access";
import { createTestDb } from "../../../test/db";
import { callerFor, customerCaller, impersonate, staffCaller } from "../../../test/principals";

/**
 * account.apiAccess: a user holding "Manage own OAuth applications" manages their own applications and no one
 * else's (a colleague's or another company's application is NOT_FOUND, and stays as it was).
 */
let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
/** An application of `email` made by staff in the back office, with one live token. */
async function staffMadeApp(email: string, name: string) {
  const admin = await staffCaller(db, "admin@roster.test");
  const { application } = await admin.admin.oauthApps.create({ customerUserId: await userId(email), name });
  await db.oAuthAccessToken.create({
    data: {
      tokenHash: `${name}-${application.id}`.padEnd(64, "x"),
      applicationId: application.id,
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  return application;
}
const unchanged = async (id: number) => {
  expect(await db.oAuthApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
  expect(await db.oAuthAccessToken.count({ where: { applicationId: id, revokedAt: null } })).toBe(1);
};

describe("account.apiAccess.list and create", () => {
  it("creates an application for the user themselves, shows its secret once and keeps only a hash, audited", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    const { application, clientSecret } = await amanda.account.apiAccess.create({ name: "  ERP export  ", expiresAt });
    expect(application).toMatchObject({
      name: "ERP export",
      active: true,
      customerUserId: await userId("amanda.admin@acme.test"),
      createdByStaff: null,
      expiresAt,
    });
    expect(application.clientId).toMatch(/^rst_[0-9a-f]{24}$/);
    const stored = await db.oAuthApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secretHash).not.toContain(clientSecret);
    const listed = await amanda.account.apiAccess.list();
    expect(listed.map((a) => a.name)).toContain("ERP export");
    expect(JSON.stringify(listed)).not.toContain(clientSecret);
    expect(JSON.stringify(listed)).not.toContain(stored.secretHash);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "oauthApp.create", entityId: String(application.id) } });
    expect(event).toMatchObject({ actorType: "CUSTOMER_USER", actorCustomerUserId: application.customerUserId });
  });

  it("lists only the user's own applications, not a colleague's nor another company's", async () => {
    const bobs = await staffMadeApp("bob.buyer@acme.test", "Bob's sync");
    const ginas = await staffMadeApp("gina.globex@globex.test", "Gina's sync");
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const ids = (await amanda.account.apiAccess.list()).map((a) => a.id);
    expect(ids).not.toContain(bobs.id);
    expect(ids).not.toContain(ginas.id);
    expect((await (await customerCaller(db, "gina.globex@globex.test")).account.apiAccess.list()).map((a) => a.id)).toEqual([ginas.id]);
  });

  it("refuses an empty name and a past expiry with field errors, writing nothing", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const before = await db.oAuthApplication.count();
    const error = await amanda.account.apiAccess.create({ name: " ", expiresAt: new Date(Date.now() - 1000) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.oAuthApplication.count()).toBe(before);
  });

  it("is refused to a buyer without the capability", async () => {
    const bob = await customerCaller(db, "bob.buyer@acme.test");
    await expect(bob.account.apiAccess.create({ name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bob.account.apiAccess.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is refused to staff signed in as the user on their behalf: API credentials are the user's own to make", async () => {
    const principal = (await impersonate(db, "admin@roster.test", "walter.west@acme.test")).loaded as CustomerPrincipal;
    const before = await db.oAuthApplication.count({ where: { customerUserId: principal.id } });
    await expect(callerFor(db, principal).account.apiAccess.create({ name: "On their behalf" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the user themselves can create API credentials for themselves; you are signed in as them on their behalf.",
    });
    expect(await db.oAuthApplication.count({ where: { customerUserId: principal.id } })).toBe(before);

    // Nor does changing the user's applications: deactivating or deleting one is theirs (or staff's in the back office).
    const theirs = await staffMadeApp("walter.west@acme.test", "Walter's sync");
    const asThem = callerFor(db, principal).account.apiAccess;
    const refusal = {
      code: "FORBIDDEN",
      message: "Only the user themselves can change their API credentials; you are signed in as them on their behalf.",
    };
    await expect(asThem.setActive({ id: theirs.id, active: false })).rejects.toMatchObject(refusal);
    await expect(asThem.delete({ id: theirs.id })).rejects.toMatchObject(refusal);
    expect(await db.oAuthApplication.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ active: true });
  });
});

describe("account.apiAccess.setActive and delete", () => {
  it("deactivates the user's own application (revoking its tokens), reactivates and deletes it", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const mine = await staffMadeApp("amanda.admin@acme.test", "Amanda's");
    expect(await amanda.account.apiAccess.setActive({ id: mine.id, active: false })).toMatchObject({ id: mine.id, active: false });
    expect(await db.oAuthAccessToken.count({ where: { applicationId: mine.id, revokedAt: null } })).toBe(0);
    expect(await amanda.account.apiAccess.setActive({ id: mine.id, active: true })).toMatchObject({ active: true });
    // Reactivating does not bring a revoked token back.
    expect(await db.oAuthAccessToken.count({ where: { applicationId: mine.id, revokedAt: null } })).toBe(0);
    expect(await amanda.account.apiAccess.delete({ id: mine.id })).toEqual({ id: mine.id });
    expect(await db.oAuthApplication.count({ where: { id: mine.id } })).toBe(0);
    expect(await db.oAuthAccessToken.count({ where: { applicationId: mine.id } })).toBe(0);
    const actions = (
      await db.auditEvent.findMany({ where: { entityType: "OAuthApplication", entityId: String(mine.id) }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["oauthApp.create", "oauthApp.deactivate", "oauthApp.activate", "oauthApp.delete"]);
  });

  it("is NOT_FOUND for a colleague's application and another company's, which stay as they were", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    for (const app of [
      await staffMadeApp("bob.buyer@acme.test", "Bob's ERP"),
      await staffMadeApp("gary.buyer@globex.test", "Gary's ERP"),
    ]) {
      await expect(amanda.account.apiAccess.setActive({ id: app.id, active: false })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Application not found.",
      });
      await expect(amanda.account.apiAccess.delete({ id: app.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Application not found.",
      });
      await unchanged(app.id);
    }
  });
});
