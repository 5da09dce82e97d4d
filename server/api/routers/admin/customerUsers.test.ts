import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";
import { createCustomerNode } from "../../../services/customerTree";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

async function allPages(caller: Awaited<ReturnType<typeof staffCaller>>, search?: string) {
  const ids: number[] = [];
  let after: number | undefined;
  do {
    const page = await caller.admin.customerUsers.list({ after, limit: 10, search });
    ids.push(...page.items.map((item) => item.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}

describe("admin.customerUsers.list", () => {
  it("pages through every customer user for a staff member with the ALL scope", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const ids = await allPages(caller);
    expect(ids.length).toBe(await db.customerUser.count());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it("shows a sales manager only the users of the customers they represent", async () => {
    const caller = await staffCaller(db, "sales@roster.test");
    const ids = await allPages(caller);
    const expected = await db.customerUser.findMany({
      where: { customer: { name: { in: ["Acme Holding", "Acme East"] } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(ids).toEqual(expected.map((u) => u.id));
  });

  it("finds users by part of their name or email, case-insensitively", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const page = await caller.admin.customerUsers.list({ search: "BUYER@acme" });
    expect(page.items.map((u) => u.email).sort()).toEqual(["bob.buyer@acme.test", "eddie.buyer@acme.test", "wendy.buyer@acme.test"]);
    const byName = await caller.admin.customerUsers.list({ search: "walt" });
    expect(byName.items.map((u) => u.email)).toEqual(["walter.west@acme.test"]);
  });

  it("refuses bad input with BAD_REQUEST and field errors", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const error = await caller.admin.customerUsers.list({ limit: 7 as 10, after: -3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("admin.customerUsers.setEnabled", () => {
  const userId = async (email: string) => (await db.customerUser.findUniqueOrThrow({ where: { email } })).id;

  it("disables a user, revokes their sessions and records who did it", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const before = await db.customerUser.findUniqueOrThrow({ where: { email: "eddie.buyer@acme.test" } });
    expect(await caller.admin.customerUsers.setEnabled({ id: before.id, enabled: false })).toEqual({ id: before.id, enabled: false });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ enabled: false, sessionVersion: before.sessionVersion + 1, confirmedAt: before.confirmedAt, version: before.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUser", entityId: String(before.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "customerUser.disable", actorType: "STAFF", before: { enabled: true }, after: { enabled: false } });
  });

  it("refuses to enable a user without any role, and changes nothing", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const id = await userId("nora.norole@umbrella.test");
    await expect(caller.admin.customerUsers.setEnabled({ id, enabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "At least one role must be assigned before the user can be enabled.",
    });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id } })).enabled).toBe(false);
  });

  it("refuses to disable the last user who can manage a customer's users", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const solo = await createCustomerNode(db, { name: "Solo Trading" });
    const admin = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_ADMINISTRATOR" } });
    const buyer = await db.customerUserRole.findUniqueOrThrow({ where: { code: "ROLE_FRONTEND_BUYER" } });
    const make = (email: string, roleId: number) =>
      db.customerUser.create({ data: { email, firstName: "S", lastName: "T", customerId: solo.id, customerPath: solo.path, roles: { create: { roleId } } } });
    const owner = await make("owner@solo.test", admin.id);
    await make("clerk@solo.test", buyer.id);
    await expect(caller.admin.customerUsers.setEnabled({ id: owner.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Solo Trading must keep at least one enabled user who can manage its users"),
    });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: owner.id } })).enabled).toBe(true);
  });

  it("lets a subsidiary lose its own administrator while a Corporate administrator above it remains", async () => {
    const caller = await staffCaller(db, "admin@roster.test");
    const erin = await userId("erin.east@acme.test");
    await expect(caller.admin.customerUsers.setEnabled({ id: erin, enabled: false })).resolves.toMatchObject({ enabled: false });
  });

  it("answers NOT_FOUND for users outside a sales manager's customers", async () => {
    const caller = await staffCaller(db, "sales@roster.test");
    const id = await userId("gary.buyer@globex.test");
    await expect(caller.admin.customerUsers.setEnabled({ id, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
  });
});

describe("admin.customerUsers.effectivePermissions", () => {
  it("explains a user's permissions to staff whose scope reaches the user, and is NOT_FOUND otherwise", async () => {
    const bob = await db.customerUser.findUniqueOrThrow({ where: { email: "bob.buyer@acme.test" } });
    const rows = await (await staffCaller(db, "sales@roster.test")).admin.customerUsers.effectivePermissions({ id: bob.id });
    expect(rows.find((r) => r.key === "order.view")).toMatchObject({ level: "OWN", sources: [{ roleLabel: "Buyer", level: "OWN" }] });
    const gary = await db.customerUser.findUniqueOrThrow({ where: { email: "gary.buyer@globex.test" } });
    await expect((await staffCaller(db, "sales@roster.test")).admin.customerUsers.effectivePermissions({ id: gary.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
