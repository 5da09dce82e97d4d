import { beforeAll, describe, expect, it } from "vitest";
import { customerPrincipal } from "../../../test/principals";
import { deleteCustomerUser, setCustomerUserEnabled } from "../../../services/customerUsers/lifecycle";
import { db, user, admin, sales, lastAudit, company, snapshot, setupCustomerUserActions } from "../../../test/fixtures/customerUserActions";

/** admin.customerUsers.setEnabled, deletion, delete and the mass actions: every rule per row, a refusal changes nothing. */
beforeAll(setupCustomerUserActions);

describe("admin.customerUsers.setEnabled", () => {
  it("disables a user, revokes their sessions and records who did it", async () => {
    const before = await user("eddie.buyer@acme.test");
    expect(await (await admin()).admin.customerUsers.setEnabled({ id: before.id, enabled: false })).toEqual({
      id: before.id,
      enabled: false,
    });
    const after = await user("eddie.buyer@acme.test");
    expect(after).toMatchObject({
      enabled: false,
      sessionVersion: before.sessionVersion + 1,
      confirmedAt: before.confirmedAt,
      version: before.version + 1,
    });
    expect(await lastAudit(before.id)).toMatchObject({
      action: "customerUser.disable",
      actorType: "STAFF",
      before: { enabled: true },
      after: { enabled: false },
    });
  });

  it("refuses to enable a user without any role, and changes nothing", async () => {
    const nora = await user("nora.norole@umbrella.test");
    const before = await snapshot(nora.id);
    await expect((await admin()).admin.customerUsers.setEnabled({ id: nora.id, enabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "At least one role must be assigned before the user can be enabled.",
    });
    expect(await snapshot(nora.id)).toEqual(before);
  });

  it("refuses to disable the last user who can manage a customer's users", async () => {
    const { users } = await company("Solo Trading", [
      { key: "owner", role: "admin" },
      { key: "clerk", role: "buyer" },
    ]);
    const before = await snapshot(users.owner!.id);
    await expect((await admin()).admin.customerUsers.setEnabled({ id: users.owner!.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Solo Trading must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await snapshot(users.owner!.id)).toEqual(before);
  });

  it("lets a subsidiary lose its own administrator while a Corporate administrator above it remains", async () => {
    const erin = await user("erin.east@acme.test");
    await expect((await admin()).admin.customerUsers.setEnabled({ id: erin.id, enabled: false })).resolves.toMatchObject({
      enabled: false,
    });
  });

  it("answers NOT_FOUND for users outside a sales manager's customers, and changes nothing", async () => {
    const gary = await user("gary.buyer@globex.test");
    const before = await snapshot(gary.id);
    await expect((await sales()).admin.customerUsers.setEnabled({ id: gary.id, enabled: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot(gary.id)).toEqual(before);
  });

  it("never lets a customer user disable themselves (the rule the storefront shares)", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    await expect(setCustomerUserEnabled(db, amanda, { id: amanda.id, enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot disable yourself.",
    });
    expect((await user("amanda.admin@acme.test")).enabled).toBe(true);
  });
});

describe("admin.customerUsers.deletion and delete", () => {
  it("refuses to delete a user who placed orders, quotes, requests or shopping lists, says why, and changes nothing", async () => {
    const bob = await user("bob.buyer@acme.test");
    const caller = await admin();
    const message =
      "Bob Buyer owns 3 orders, 1 quote, 1 request for quote and 2 shopping lists of Acme Holding, which must keep who placed them. Disable the user to stop their sign-in, or erase their personal data to anonymize them.";
    expect(await caller.admin.customerUsers.deletion({ id: bob.id })).toMatchObject({ refusal: message });
    const before = await snapshot(bob.id);
    await expect(caller.admin.customerUsers.delete({ id: bob.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message });
    expect(await snapshot(bob.id)).toEqual(before);
  });

  it("deletes a user without business records with what is theirs, and keeps the audit trail", async () => {
    const { users } = await company("Mistake Inc", [
      { key: "boss", role: "admin" },
      { key: "dupe", role: "buyer" },
    ]);
    const dupe = users.dupe!;
    await db.customerUserAddress.create({
      data: { customerUserId: dupe.id, street: "1 Road", city: "Town", postalCode: "1", countryCode: "US" },
    });
    await db.note.create({ data: { customerUserId: dupe.id, body: "Created twice by mistake." } });
    const caller = await admin();
    expect(await caller.admin.customerUsers.deletion({ id: dupe.id })).toEqual({
      id: dupe.id,
      name: "Dupe Mistake Inc",
      refusal: null,
      removes: { addresses: 1, notes: 1, events: 0, oauthApplications: 0, consents: 0 },
    });
    expect(await caller.admin.customerUsers.delete({ id: dupe.id })).toEqual({ id: dupe.id });
    expect(await db.customerUser.findUnique({ where: { id: dupe.id } })).toBeNull();
    expect(await db.customerUserAddress.count({ where: { customerUserId: dupe.id } })).toBe(0);
    expect(await lastAudit(dupe.id)).toMatchObject({
      action: "customerUser.delete",
      before: { email: dupe.email, firstName: "Dupe", lastName: "Mistake Inc", customer: "Mistake Inc", enabled: true },
      after: { removed: { addresses: 1, notes: 1 } },
    });
  });

  it("refuses to delete the last user who can manage a customer's users", async () => {
    const { users } = await company("Last Stand", [{ key: "only", role: "admin" }]);
    const before = await snapshot(users.only!.id);
    await expect((await admin()).admin.customerUsers.delete({ id: users.only!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Last Stand must keep at least one enabled user who can manage its users. Give another user that permission first.",
    });
    expect(await snapshot(users.only!.id)).toEqual(before);
  });

  it("never lets a customer user delete themselves", async () => {
    const amanda = await customerPrincipal(db, "amanda.admin@acme.test");
    await expect(deleteCustomerUser(db, amanda, { id: amanda.id })).rejects.toMatchObject({ message: "You cannot delete yourself." });
    expect(await db.customerUser.count({ where: { id: amanda.id } })).toBe(1);
  });
});

describe("admin.customerUsers.massSetEnabled and massDelete", () => {
  it("disables each selected row by the single action's rules and reports what it skipped and why", async () => {
    const { users } = await company("Mass Co", [
      { key: "boss", role: "admin" },
      { key: "one", role: "buyer" },
      { key: "two", role: "buyer" },
    ]);
    const gary = await user("gary.buyer@globex.test");
    const result = await (
      await sales()
    ).admin.customerUsers.massSetEnabled({ ids: [users.one!.id, users.two!.id, gary.id], enabled: false });
    // The sales manager does not represent Mass Co or Globex: each row is refused as not found, without its name.
    expect(result).toEqual({
      done: [],
      skipped: [
        { id: users.one!.id, label: `Customer user #${users.one!.id}`, reason: "Customer user not found." },
        { id: users.two!.id, label: `Customer user #${users.two!.id}`, reason: "Customer user not found." },
        { id: gary.id, label: `Customer user #${gary.id}`, reason: "Customer user not found." },
      ],
    });
    const asAdmin = await (
      await admin()
    ).admin.customerUsers.massSetEnabled({ ids: [users.one!.id, users.boss!.id, users.two!.id], enabled: false });
    expect(asAdmin).toEqual({
      done: [users.one!.id, users.two!.id],
      skipped: [
        {
          id: users.boss!.id,
          label: `Boss Mass Co <${users.boss!.email}>`,
          reason: "Mass Co must keep at least one enabled user who can manage its users. Give another user that permission first.",
        },
      ],
    });
    expect(
      (await db.customerUser.findMany({ where: { customerId: users.boss!.customerId }, orderBy: { id: "asc" } })).map((u) => u.enabled),
    ).toEqual([true, false, false]);
  });

  it("enables the selected rows except those without a role", async () => {
    const { users } = await company("Roleless", [
      { key: "boss", role: "admin" },
      { key: "off", role: "buyer", enabled: false },
      { key: "bare", role: null, enabled: false },
    ]);
    const result = await (await admin()).admin.customerUsers.massSetEnabled({ ids: [users.off!.id, users.bare!.id], enabled: true });
    expect(result.done).toEqual([users.off!.id]);
    expect(result.skipped).toEqual([
      {
        id: users.bare!.id,
        label: `Bare Roleless <${users.bare!.email}>`,
        reason: "At least one role must be assigned before the user can be enabled.",
      },
    ]);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: users.bare!.id } })).enabled).toBe(false);
  });

  it("deletes the rows that may go and keeps those with business records", async () => {
    const { users } = await company("Cleanup", [
      { key: "boss", role: "admin" },
      { key: "temp", role: "buyer" },
    ]);
    const eddie = await user("eddie.buyer@acme.test");
    const result = await (await admin()).admin.customerUsers.massDelete({ ids: [users.temp!.id, eddie.id] });
    expect(result.done).toEqual([users.temp!.id]);
    expect(result.skipped).toEqual([
      { id: eddie.id, label: `Eddie Buyer <${eddie.email}>`, reason: expect.stringContaining("Eddie Buyer owns 3 orders") },
    ]);
    expect(await db.customerUser.count({ where: { id: eddie.id } })).toBe(1);
  });

  it("refuses an empty or oversized selection as bad input", async () => {
    await expect((await admin()).admin.customerUsers.massDelete({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      (await admin()).admin.customerUsers.massSetEnabled({ ids: Array.from({ length: 501 }, (_, i) => i + 1), enabled: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
