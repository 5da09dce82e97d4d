import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../../../test/principals";
import { db, fx, dora, as, idOf, freshEmail, refused, newUser, setupAccountUsers } from "../../../test/fixtures/accountUsers";

/** account.users.setEnabled, delete and the mass actions: by the same rules as the single actions; a refusal changes nothing. */
beforeAll(setupAccountUsers);

// ------------------------------------------------------------------------------- enable and disable

describe("account.users.setEnabled", () => {
  it("disables a user in scope, ending their sessions, and enables them again", async () => {
    const caller = await as("amanda.admin@acme.test");
    const id = await idOf("eddie.buyer@acme.test");
    const before = await db.customerUser.findUniqueOrThrow({ where: { id } });
    await expect(caller.account.users.setEnabled({ id, enabled: false })).resolves.toEqual({ id, enabled: false });
    const after = await db.customerUser.findUniqueOrThrow({ where: { id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await caller.account.users.setEnabled({ id, enabled: true });
    expect((await db.customerUser.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
  });

  it("refuses yourself, users out of scope, a buyer, and users who hold more", async () => {
    const amandaId = await idOf("amanda.admin@acme.test");
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.setEnabled({ id: amandaId, enabled: false }),
      "BAD_REQUEST",
      "You cannot disable yourself.",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.setEnabled({ id: await idOf("bob.buyer@acme.test"), enabled: false }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.setEnabled({ id: await idOf("bob.buyer@acme.test"), enabled: false }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.setEnabled({ id: await idOf("carl.disabled@acme.test"), enabled: true }),
      "FORBIDDEN",
    );
    await refused(
      () => callerFor(db, dora).account.users.setEnabled({ id: amandaId, enabled: false }),
      "FORBIDDEN",
      /^You cannot disable a user with more than you hold yourself: /,
    );
  });

  it("refuses to enable a user without a role", async () => {
    const holding = await db.customer.findUniqueOrThrow({ where: { id: fx.holding } });
    const roleless = await db.customerUser.create({
      data: {
        email: freshEmail("roleless"),
        firstName: "Rolf",
        lastName: "Less",
        enabled: false,
        customerId: holding.id,
        customerPath: holding.path,
      },
    });
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.setEnabled({ id: roleless.id, enabled: true }),
      "BAD_REQUEST",
      "At least one role must be assigned before the user can be enabled.",
    );
  });
});

// ------------------------------------------------------------------------------------------- delete

describe("account.users.delete", () => {
  it("deletes a user in scope who placed nothing; one who placed an order keeps their account, the order its owner", async () => {
    const caller = await as("walter.west@acme.test");
    const { id } = await caller.account.users.create(newUser({ customerId: fx.logistics }));
    await expect(caller.account.users.delete({ id })).resolves.toEqual({ id });
    expect(await db.customerUser.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "customerUser.delete", entityId: String(id) } })).toBe(1);

    const { id: buyer } = await caller.account.users.create(newUser({ customerId: fx.logistics }));
    const logistics = await db.customer.findUniqueOrThrow({ where: { id: fx.logistics } });
    const order = await db.order.create({
      data: {
        number: `SO-DEL-${buyer}`,
        customerUserId: buyer,
        customerId: logistics.id,
        customerPath: logistics.path,
        currency: "USD",
        subtotal: "10.00",
        total: "10.80",
      },
    });
    await refused(
      async () => caller.account.users.delete({ id: buyer }),
      "BAD_REQUEST",
      /owns 1 order of Acme West Logistics, which must keep who placed them/,
    );
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).customerUserId).toBe(buyer);
  });

  it("refuses yourself, users out of scope, a buyer, and users who hold more", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.delete({ id: await idOf("walter.west@acme.test") }),
      "BAD_REQUEST",
      "You cannot delete yourself.",
    );
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.delete({ id: await idOf("amanda.admin@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.delete({ id: await idOf("eddie.buyer@acme.test") }),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.delete({ id: await idOf("carl.disabled@acme.test") }),
      "FORBIDDEN",
      'Your roles do not grant "Delete customer user".',
    );
    await refused(
      async () => callerFor(db, dora).account.users.delete({ id: await idOf("amanda.admin@acme.test") }),
      "FORBIDDEN",
      /^You cannot delete a user with more than you hold yourself: /,
    );
  });
});

// -------------------------------------------------------------------------------------- mass actions

describe("account.users.massSetEnabled and massDelete", () => {
  it("skips the actor and rows out of reach, says why, and does the rest", async () => {
    const caller = await as("amanda.admin@acme.test");
    const [amanda, wendy, gary] = await Promise.all(
      ["amanda.admin@acme.test", "wendy.buyer@acme.test", "gary.buyer@globex.test"].map(idOf),
    );
    const result = await caller.account.users.massSetEnabled({ ids: [amanda!, wendy!, gary!], enabled: false });
    expect(result.done).toEqual([wendy]);
    expect(result.skipped).toEqual([
      { id: amanda, label: "Amanda Admin", reason: "You cannot disable yourself." },
      { id: gary, label: `User #${gary}`, reason: "Customer user not found." },
    ]);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: wendy } })).enabled).toBe(false);
    expect((await db.customerUser.findUniqueOrThrow({ where: { id: gary } })).enabled).toBe(true);
    await caller.account.users.massSetEnabled({ ids: [wendy!], enabled: true });
  });

  it("deletes what the rules allow and keeps the actor and stronger users", async () => {
    const { id: doomed } = await (await as("amanda.admin@acme.test")).account.users.create(newUser());
    const amanda = await idOf("amanda.admin@acme.test");
    const result = await callerFor(db, dora).account.users.massDelete({ ids: [doomed, dora.id, amanda] });
    expect(result.done).toEqual([doomed]);
    expect(result.skipped.map((s) => [s.label, s.reason.split(":")[0]])).toEqual([
      ["Dora Office", "You cannot delete yourself."],
      ["Amanda Admin", "You cannot delete a user with more than you hold yourself"],
    ]);
    expect(await db.customerUser.count({ where: { id: { in: [dora.id, amanda] } } })).toBe(2);
  });

  it("refuses a buyer outright, and bad input field by field", async () => {
    await refused(
      async () =>
        (await as("bob.buyer@acme.test")).account.users.massSetEnabled({ ids: [await idOf("carl.disabled@acme.test")], enabled: true }),
      "FORBIDDEN",
    );
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.massDelete({ ids: [] }),
      "BAD_REQUEST",
      /Select at least one row/,
    );
    await refused(
      async () => (await as("amanda.admin@acme.test")).account.users.massSetEnabled({ ids: [1], enabled: "yes" as unknown as boolean }),
      "BAD_REQUEST",
    );
  });
});

// A subsidiary created under West stays below Walter: his Corporate level reaches it at once.
