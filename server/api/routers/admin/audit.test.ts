import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { customerCaller, staffCaller } from "../../../test/principals";
import { changedFields } from "../../../services/audit/log";

let db: PrismaClient;
const id = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;
beforeAll(async () => {
  db = await createTestDb();
  const admin = await staffCaller(db, "admin@roster.test");
  // Changes in three places of the demo tree: Acme Holding, Acme West Logistics (its grandchild), Globex.
  await admin.admin.customerUsers.setEnabled({ id: await id("bob.buyer@acme.test"), enabled: false });
  await admin.admin.customerUsers.setEnabled({ id: await id("lara.logistics@acme.test"), enabled: false });
  await admin.admin.customerUsers.setEnabled({ id: await id("gary.buyer@globex.test"), enabled: false });
});

describe("the audit log", () => {
  it("shows staff every change with who made it and what changed", async () => {
    const page = await (await staffCaller(db, "admin@roster.test")).admin.audit.list({ action: "customerUser." });
    expect(page.items.map((e) => e.entityId)).toEqual(
      [await id("gary.buyer@globex.test"), await id("lara.logistics@acme.test"), await id("bob.buyer@acme.test")].map(String),
    );
    expect(page.items[0]).toMatchObject({
      action: "customerUser.disable",
      actorStaff: { firstName: "Ada" },
      changes: [{ field: "enabled", before: true, after: false }],
    });
  });

  it("shows a company administrator their company's and subsidiaries' changes only, without staff names", async () => {
    const amanda = await customerCaller(db, "amanda.admin@acme.test");
    const page = await amanda.account.audit.list({});
    expect(page.items.map((e) => e.entityId).sort()).toEqual(
      [await id("bob.buyer@acme.test"), await id("lara.logistics@acme.test")].map(String).sort(),
    );
    expect(page.items.every((e) => e.actorStaff?.firstName === "Staff")).toBe(true);

    const walter = await customerCaller(db, "walter.west@acme.test");
    expect((await walter.account.audit.list({})).items.map((e) => e.entityId)).toEqual([String(await id("lara.logistics@acme.test"))]);
  });

  it("is refused to users without the capability", async () => {
    await expect((await customerCaller(db, "eddie.buyer@acme.test")).account.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages with a cursor", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const first = await admin.admin.audit.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await admin.admin.audit.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
  });

  it("filters by record and by time", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const bob = String(await id("bob.buyer@acme.test"));
    const ofBob = await admin.admin.audit.list({ entityType: "CustomerUser", entityId: bob });
    expect(ofBob.items.map((e) => e.action)).toEqual(["customerUser.disable"]);
    const at = ofBob.items[0]!.occurredAt;
    expect(
      (await admin.admin.audit.list({ entityId: bob, from: new Date(at.getTime() - 1000), to: new Date(at.getTime() + 1000) })).items,
    ).toHaveLength(1);
    expect((await admin.admin.audit.list({ entityId: bob, from: new Date(at.getTime() + 1000) })).items).toHaveLength(0);
    expect((await admin.admin.audit.list({ entityId: bob, to: new Date(at.getTime() - 1000) })).items).toHaveLength(0);
    await expect(admin.admin.audit.list({ from: "yesterday" as unknown as Date })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("diffs before and after field by field", () => {
    expect(changedFields({ a: 1, b: "x" }, { a: 1, b: "y", c: true })).toEqual([
      { field: "b", before: "x", after: "y" },
      { field: "c", before: null, after: true },
    ]);
  });
});
