import { describe, expect, it } from "vitest";
import { staffCaller } from "../../../test/principals";
import { staffCatalogue } from "../../../authz/permissions";
import { db, roles, member } from "../../../test/fixtures/staffUsers";

/** admin.staffUsers: the list, one member, role choices, effective permissions. */
describe("admin.staffUsers.list", () => {
  it("lists staff sorted by name with their roles, without password hashes, and counts them", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const page = await admin.admin.staffUsers.list({});
    expect(page.items.map((s) => [s.lastName, s.roles.map((r) => r.label), s.hasPassword])).toEqual([
      ["Admin", ["Administrator"], true],
      ["People", ["Staff manager"], true],
      ["Sales", ["Sales manager"], true],
      ["Viewer", ["Read-only"], true],
    ]);
    expect(page.count).toEqual({ value: 4, capped: false });
    expect(JSON.stringify(page)).not.toContain("argon2");
  });

  it("filters by name or email, enabled state and role; sorts either way; pages with a cursor", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const list = admin.admin.staffUsers.list;
    expect((await list({ q: "SALES" })).items.map((s) => s.email)).toEqual(["sales@roster.test"]);
    expect((await list({ q: "vera" })).items.map((s) => s.email)).toEqual(["viewer@roster.test"]);
    expect((await list({ roleId: roles.READ_ONLY })).items.map((s) => s.email)).toEqual(["viewer@roster.test"]);
    expect((await list({ enabled: false })).items).toEqual([]);
    expect((await list({ sort: "email", dir: "desc" })).items.map((s) => s.email)).toEqual([
      "viewer@roster.test",
      "sales@roster.test",
      "people@roster.test",
      "admin@roster.test",
    ]);
    const first = await list({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.lastName)).toEqual(["Viewer"]);
    expect(second.nextCursor).toBeNull();
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin.staffUsers.get, roleChoices and effectivePermissions", () => {
  it("says when the caller may not change an account, and which permissions stand in the way", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const ada = await member("admin@roster.test");
    const seen = await people.admin.staffUsers.get({ id: ada.id });
    expect(seen).toMatchObject({ email: "admin@roster.test", isSelf: false, roles: [{ label: "Administrator" }] });
    expect(seen.beyondYou).toMatch(/^"View customer users" for all customers \(you do not hold it\), .+ and \d+ more$/);
    const own = await people.admin.staffUsers.get({ id: (await member("people@roster.test")).id });
    expect(own).toMatchObject({ isSelf: true, beyondYou: null });
    await expect(people.admin.staffUsers.get({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers every role, marking those that grant more than the caller holds", async () => {
    const people = await staffCaller(db, "people@roster.test");
    const choices = await people.admin.staffUsers.roleChoices();
    expect(choices.map((r) => [r.label, r.beyondYou === null])).toEqual([
      ["Administrator", false],
      ["Read-only", false],
      ["Sales manager", false],
      ["Staff manager", true],
    ]);
    expect(choices.find((r) => r.label === "Read-only")!.beyondYou).toContain('"View customer users"');
  });

  it("explains a member's permissions by role", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const sam = await member("sales@roster.test");
    const rows = await admin.admin.staffUsers.effectivePermissions({ id: sam.id });
    expect(rows).toHaveLength(staffCatalogue.length);
    expect(rows.find((r) => r.key === "customerUser.view")).toMatchObject({
      scope: "REPRESENTED",
      sources: [{ roleLabel: "Sales manager" }],
    });
    expect(rows.find((r) => r.key === "audit.view")).toMatchObject({ scope: null, sources: [] });
    await expect(admin.admin.staffUsers.effectivePermissions({ id: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.staffUsers.get: represented customers", () => {
  it("names the customers a member is sales representative of", async () => {
    const admin = await staffCaller(db, "admin@roster.test");
    const sam = await member("sales@roster.test");
    expect((await admin.admin.staffUsers.get({ id: sam.id })).represents).toEqual({
      customers: [expect.objectContaining({ name: "Acme East" }), expect.objectContaining({ name: "Acme Holding" })],
      total: 2,
    });
    const vera = await member("viewer@roster.test");
    expect((await admin.admin.staffUsers.get({ id: vera.id })).represents).toEqual({ customers: [], total: 0 });
  });
});
