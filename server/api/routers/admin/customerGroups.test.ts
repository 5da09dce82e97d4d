import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../generated/prisma/client";
import { createTestDb } from "../../../test/db";
import { staffCaller } from "../../../test/principals";

let db: PrismaClient;
beforeAll(async () => {
  db = await createTestDb();
});

const admin = () => staffCaller(db, "admin@roster.test");

describe("admin.customerGroups", () => {
  it("lists groups with how many customers each holds, searchable and sortable", async () => {
    const caller = await admin();
    const page = await caller.admin.customerGroups.list({});
    expect(page.items.map((g) => [g.name, g.customerCount])).toEqual([
      ["Partners", 3],
      ["Retail", 2],
    ]);
    expect(page.count).toEqual({ value: 2, capped: false });
    expect((await caller.admin.customerGroups.list({ search: "ret" })).items.map((g) => g.name)).toEqual(["Retail"]);
    expect((await caller.admin.customerGroups.list({ sort: "name", dir: "desc", limit: 1 })).items.map((g) => g.name)).toEqual(["Retail"]);
  });

  it("the read-only staff member sees them too", async () => {
    expect((await (await staffCaller(db, "viewer@roster.test")).admin.customerGroups.list({})).items).toHaveLength(2);
  });

  it("creates and renames a group, and records both", async () => {
    const caller = await admin();
    const group = await caller.admin.customerGroups.create({ name: "  Wholesale " });
    expect(group).toMatchObject({ name: "Wholesale", customerCount: 0 });
    expect(await caller.admin.customerGroups.update({ id: group.id, name: "Wholesale EU" })).toMatchObject({ name: "Wholesale EU" });
    const actions = await db.auditEvent.findMany({
      where: { entityType: "CustomerGroup", entityId: String(group.id) },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.action, a.before, a.after])).toEqual([
      ["customerGroup.create", null, { name: "Wholesale" }],
      ["customerGroup.update", { name: "Wholesale" }, { name: "Wholesale EU" }],
    ]);
  });

  it("refuses a name already in use, whatever its case, with CONFLICT on the name field", async () => {
    const caller = await admin();
    const conflict = { code: "CONFLICT", cause: { fieldErrors: { name: ["This name is already in use."] } } };
    await expect(caller.admin.customerGroups.create({ name: "retail" })).rejects.toMatchObject(conflict);
    const partners = await db.customerGroup.findUniqueOrThrow({ where: { name: "Partners" } });
    await expect(caller.admin.customerGroups.update({ id: partners.id, name: "RETAIL" })).rejects.toMatchObject(conflict);
    expect((await db.customerGroup.findUniqueOrThrow({ where: { id: partners.id } })).name).toBe("Partners");
    // Renaming a group to itself, or changing only its case, is no conflict.
    await expect(caller.admin.customerGroups.update({ id: partners.id, name: "partners" })).resolves.toMatchObject({ name: "partners" });
    await caller.admin.customerGroups.update({ id: partners.id, name: "Partners" });
  });

  it("refuses to delete a group while customers are in it, and deletes an unused one", async () => {
    const caller = await admin();
    const retail = await db.customerGroup.findUniqueOrThrow({ where: { name: "Retail" } });
    await expect(caller.admin.customerGroups.delete({ id: retail.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Retail cannot be deleted while 2 customers are in it. Move them to another group first.",
    });
    expect(await db.customer.count({ where: { groupId: retail.id } })).toBe(2);
    const unused = await caller.admin.customerGroups.create({ name: "Dormant" });
    expect(await caller.admin.customerGroups.delete({ id: unused.id })).toEqual({ id: unused.id });
    await expect(caller.admin.customerGroups.delete({ id: unused.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.admin.customerGroups.update({ id: unused.id, name: "Back" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
