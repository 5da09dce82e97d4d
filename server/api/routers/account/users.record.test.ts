import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../../../test/principals";
import { enabledWithoutRoleMessage } from "../../../schemas/customerUser";
import { db, fx, dora, as, idOf, pathOf, refused, newUser, editOf, setupAccountUsers } from "../../../test/fixtures/accountUsers";

/** account.users.create and update: within the administrator's reach and never beyond what they hold; a refusal changes nothing. */
beforeAll(setupAccountUsers);

// ------------------------------------------------------------------------------------------- create

describe("account.users.create", () => {
  it("adds a confirmed user to a subsidiary of the administrator's company, with the chosen roles", async () => {
    const input = newUser({ customerId: fx.east, roleIds: [fx.buyer], sendWelcomeEmail: true });
    const { id } = await (await as("amanda.admin@acme.test")).account.users.create(input);
    const user = await db.customerUser.findUniqueOrThrow({ where: { id }, include: { roles: true } });
    expect(user).toMatchObject({ customerId: fx.east, customerPath: await pathOf(fx.east), enabled: true, email: input.email });
    expect(user.confirmedAt).not.toBeNull();
    expect(user.roles.map((r) => r.roleId)).toEqual([fx.buyer]);
    expect(await db.emailMessage.count({ where: { toEmail: input.email } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customerUser.create", entityId: String(id) } });
    expect(audit.actorCustomerUserId).toBe(await idOf("amanda.admin@acme.test"));
  });

  it("is NOT_FOUND for a customer outside scope: a parent company, another customer", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: fx.holding })),
      "NOT_FOUND",
      "Customer not found.",
    );
    await refused(async () => (await as("gina.globex@globex.test")).account.users.create(newUser({ customerId: fx.holding })), "NOT_FOUND");
    await refused(async () => callerFor(db, dora).account.users.create(newUser({ customerId: fx.east })), "NOT_FOUND");
  });

  it("refuses a buyer, whose roles only let them view colleagues, with FORBIDDEN", async () => {
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.create(newUser()),
      "FORBIDDEN",
      'Your roles do not grant "Create customer user".',
    );
  });

  it("hands out only roles within the administrator's own grants, naming the permission that exceeds them", async () => {
    const error = await refused(() => callerFor(db, dora).account.users.create(newUser({ roleIds: [fx.administrator] })), "FORBIDDEN");
    expect(error.message).toMatch(/^You cannot assign roles with more than you hold yourself: /);
    expect(error.message).toContain('"View customer user" at Corporate (you hold Department)');
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.create(newUser({ customerId: fx.logistics, roleIds: [fx.deptAdmin] })),
      "BAD_REQUEST",
      "Some chosen roles are not available to this customer.",
    );
  });

  it("refuses an enabled user without a role, and sales representatives chosen by a customer user", async () => {
    const amanda = await as("amanda.admin@acme.test");
    await refused(() => amanda.account.users.create(newUser({ roleIds: [] })), "BAD_REQUEST", enabledWithoutRoleMessage);
    const hasSam = await db.staffUser.findUniqueOrThrow({ where: { email: "sales@roster.test" } });
    await refused(
      () => amanda.account.users.create(newUser({ salesRepresentativeIds: [hasSam.id] })),
      "FORBIDDEN",
      "Only staff choose sales representatives.",
    );
  });
});

// ------------------------------------------------------------------------------------------- update

describe("account.users.update", () => {
  it("saves an edit within scope, bumps the version, and leaves the address book alone when it is left out", async () => {
    const caller = await as("walter.west@acme.test");
    const addresses = await db.customerUserAddress.count({ where: { customerUser: { email: "lara.logistics@acme.test" } } });
    expect(addresses).toBeGreaterThan(0);
    const input = await editOf("lara.logistics@acme.test", { firstName: "Larissa", roleIds: [fx.buyer] });
    const saved = await caller.account.users.update(input);
    expect(saved.version).toBe(input.version + 1);
    const user = await db.customerUser.findUniqueOrThrow({ where: { email: "lara.logistics@acme.test" } });
    expect(user.firstName).toBe("Larissa");
    expect(await db.customerUserAddress.count({ where: { customerUserId: user.id } })).toBe(addresses);
  });

  it("is NOT_FOUND for a parent company's or another customer's user, and FORBIDDEN for a buyer", async () => {
    await refused(
      async () => (await as("walter.west@acme.test")).account.users.update(await editOf("bob.buyer@acme.test", { firstName: "Robert" })),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("gina.globex@globex.test")).account.users.update(await editOf("bob.buyer@acme.test", { firstName: "Robert" })),
      "NOT_FOUND",
    );
    await refused(
      async () => (await as("bob.buyer@acme.test")).account.users.update(await editOf("carl.disabled@acme.test", { firstName: "Carlos" })),
      "FORBIDDEN",
      'Your roles do not grant "Edit customer user".',
    );
  });

  it("never lets an administrator edit a user who holds more, nor hand out more", async () => {
    const amanda = await editOf("amanda.admin@acme.test", { firstName: "Mandy" });
    await refused(
      () => callerFor(db, dora).account.users.update(amanda),
      "FORBIDDEN",
      /^You cannot edit a user with more than you hold yourself: /,
    );
    const bob = await editOf("bob.buyer@acme.test", { roleIds: [fx.buyer, fx.administrator] });
    await refused(
      () => callerFor(db, dora).account.users.update(bob),
      "FORBIDDEN",
      /"Edit customer user" at Corporate \(you hold Department\)/,
    );
  });

  it("refuses yourself disabled, an enabled user without a role, and a company left without a manager", async () => {
    const gina = await as("gina.globex@globex.test");
    await refused(
      async () => gina.account.users.update(await editOf("gina.globex@globex.test", { enabled: false })),
      "BAD_REQUEST",
      "You cannot disable yourself.",
    );
    await refused(
      async () => gina.account.users.update(await editOf("gary.buyer@globex.test", { roleIds: [] })),
      "BAD_REQUEST",
      enabledWithoutRoleMessage,
    );
    await refused(
      async () => gina.account.users.update(await editOf("gina.globex@globex.test", { roleIds: [fx.buyer] })),
      "BAD_REQUEST",
      "Globex Industries must keep at least one enabled user who can manage its users. Give another user that permission first.",
    );
  });

  it("refuses a save over a newer change with CONFLICT", async () => {
    const caller = await as("amanda.admin@acme.test");
    const stale = await editOf("wendy.buyer@acme.test", { firstName: "Wendolyn" });
    await caller.account.users.update(await editOf("wendy.buyer@acme.test", { phone: "+1 555 0100" }));
    await refused(() => caller.account.users.update(stale), "CONFLICT", /changed by someone else/);
  });
});
