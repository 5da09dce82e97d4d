import { beforeAll, describe, expect, it } from "vitest";
import { customerPrincipal } from "../../../test/principals";
import type { CustomerPrincipal } from "../../../authz/access";
import { staleVersion } from "../../../errors";
import { enabledWithoutRoleMessage, updateCustomerUserInput, type UpdateCustomerUserInput } from "../../../schemas/customerUser";
import { createCustomerNode } from "../../../services/customers/paths";
import { updateCustomerUser } from "../../../services/customerUsers/update";
import {
  db,
  fx,
  dora,
  amanda,
  admin,
  sales,
  userByEmail,
  epoch,
  address,
  editOf,
  refusedWithoutChange,
  fieldErrors,
  serviceFieldErrors,
  setupCustomerUserRecord,
} from "../../../test/fixtures/customerUserRecord";

/**
 * Editing a customer user: admin.customerUsers.update, and updateCustomerUser with a customer's administrator's
 * principal (the storefront realm). A refusal leaves the record and everything around it as it was.
 */
beforeAll(setupCustomerUserRecord);

// ---------------------------------------------------------------------------------------------- update

describe("admin.customerUsers.update", () => {
  it("saves the edit, bumps the version, records before and after, and never touches confirmation", async () => {
    const caller = await admin();
    for (const email of ["eddie.buyer@acme.test", "una.unconfirmed@acme.test"]) {
      const before = await userByEmail(email);
      const result = await caller.admin.customerUsers.update(
        await editOf(email, { middleName: "Quincy", phone: "+1 555 0100", birthday: "1985-12-24", localizationId: fx.de }),
      );
      expect(result).toEqual({ id: before.id, version: before.version + 1 });
      const after = await userByEmail(email);
      expect(after).toMatchObject({
        middleName: "Quincy",
        phone: "+1 555 0100",
        version: before.version + 1,
        confirmedAt: before.confirmedAt,
        sessionVersion: before.sessionVersion,
        passwordHash: before.passwordHash,
      });
      expect(after.websiteSettings.find((s) => s.websiteId === fx.store)?.localizationId).toBe(fx.de);
      const audit = await db.auditEvent.findFirstOrThrow({
        where: { entityId: String(before.id), action: "customerUser.update" },
        orderBy: { id: "desc" },
      });
      expect(audit.before).toMatchObject({ middleName: null, phone: null });
      expect(audit.after).toMatchObject({ middleName: "Quincy", phone: "+1 555 0100", birthday: "1985-12-24", localizationId: fx.de });
    }
  });

  it("refuses a save over someone else's newer change with CONFLICT, and writes nothing", async () => {
    const caller = await admin();
    const stale = await editOf("wendy.buyer@acme.test", { localizationId: fx.en });
    await caller.admin.customerUsers.update({ ...stale, firstName: "Wendolyn" });
    await refusedWithoutChange(
      () => caller.admin.customerUsers.update({ ...stale, lastName: "Overwritten" }),
      { code: "CONFLICT", message: staleVersion().message },
      "wendy.buyer@acme.test",
    );
    expect(await userByEmail("wendy.buyer@acme.test")).toMatchObject({ firstName: "Wendolyn", lastName: "Buyer" });
  });

  it("refuses an enabled user without roles with the guide's message; disabling saves without roles and ends the sessions", async () => {
    const caller = await admin();
    const email = "lara.logistics@acme.test";
    await refusedWithoutChange(
      () => editOf(email, { roleIds: [], localizationId: fx.en }).then((input) => caller.admin.customerUsers.update(input)),
      {
        code: "BAD_REQUEST",
        message: enabledWithoutRoleMessage,
      },
      email,
    );
    const before = await userByEmail(email);
    await caller.admin.customerUsers.update(await editOf(email, { enabled: false, roleIds: [], localizationId: fx.en }));
    expect(await userByEmail(email)).toMatchObject({
      enabled: false,
      roles: [],
      sessionVersion: before.sessionVersion + 1,
      confirmedAt: before.confirmedAt,
    });
  });

  it("bumps the authorization epoch when roles change, and only then", async () => {
    const caller = await admin();
    const email = "gary.buyer@globex.test";
    let mark = await epoch();
    await caller.admin.customerUsers.update(await editOf(email, { phone: "123 456", localizationId: fx.en }));
    expect(await epoch()).toBe(mark);
    await caller.admin.customerUsers.update(await editOf(email, { roleIds: [fx.buyer, fx.globexAuditor] }));
    expect(await epoch()).toBeGreaterThan(mark);
    mark = await epoch();
    expect((await userByEmail(email)).roles.map((r) => r.roleId).sort()).toEqual([fx.buyer, fx.globexAuditor].sort());
  });

  it("moves a user to another customer: the customer path follows, and the old customer's roles do not", async () => {
    const caller = await admin();
    const email = "alice.schmidt.1@example.test";
    const before = await userByEmail(email);
    await refusedWithoutChange(
      () =>
        editOf(email, { customerId: fx.globex, roleIds: [fx.acmePurchaser], localizationId: fx.en }).then((input) =>
          caller.admin.customerUsers.update(input),
        ),
      {
        code: "BAD_REQUEST",
        ...fieldErrors({ roleIds: ["Some chosen roles are not available to this customer."] }),
      },
      email,
    );
    await caller.admin.customerUsers.update(await editOf(email, { customerId: fx.west, roleIds: [fx.buyer], localizationId: fx.en }));
    const after = await userByEmail(email);
    expect(after.customerPath).toBe((await db.customer.findUniqueOrThrow({ where: { id: fx.west } })).path);
    expect(after.customerPath).not.toBe(before.customerPath);
  });

  it("keeps, adds, changes and deletes addresses as the form sent them", async () => {
    const caller = await admin();
    const email = "bob.buyer@acme.test";
    const start = await editOf(email, { localizationId: fx.en });
    const [office] = start.addresses!;
    await caller.admin.customerUsers.update({
      ...start,
      addresses: [office!, { ...address, isDefaultBilling: false, isDefaultShipping: false, label: "Depot" }],
    });
    let user = await userByEmail(email);
    expect(user.addresses.map((a) => a.label).sort()).toEqual(["Depot", "Office"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: String(user.id), action: "customerUser.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ addresses: { added: 1, changed: [], deleted: [] } });
    const depot = user.addresses.find((a) => a.label === "Depot")!;
    const next = await editOf(email);
    await caller.admin.customerUsers.update({
      ...next,
      addresses: [{ ...next.addresses!.find((a) => a.id === depot.id)!, city: "Hamburg" }],
    });
    user = await userByEmail(email);
    expect(user.addresses).toMatchObject([{ id: depot.id, city: "Hamburg" }]);
  });

  it("refuses to leave a customer without an enabled user who can manage its users", async () => {
    const caller = await admin();
    const solo = await createCustomerNode(db, { name: "Solo Record Trading" });
    await db.customerUser.create({
      data: {
        email: "owner@solo-record.test",
        firstName: "Owen",
        lastName: "Solo",
        customerId: solo.id,
        customerPath: solo.path,
        roles: { create: { roleId: fx.administrator } },
      },
    });
    const manager = /Solo Record Trading must keep at least one enabled user who can manage its users/;
    await refusedWithoutChange(
      () => editOf("owner@solo-record.test", { enabled: false, roleIds: [] }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "BAD_REQUEST", message: expect.stringMatching(manager) },
      "owner@solo-record.test",
    );
    await refusedWithoutChange(
      () => editOf("owner@solo-record.test", { roleIds: [fx.buyer] }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "BAD_REQUEST", message: expect.stringMatching(manager) },
      "owner@solo-record.test",
    );
  });

  it("is NOT_FOUND for a sales manager on another customer's user, and when moving a user out of their customers", async () => {
    const caller = await sales();
    await refusedWithoutChange(
      () => editOf("ian.initech@initech.test").then((i) => caller.admin.customerUsers.update(i)),
      { code: "NOT_FOUND" },
      "ian.initech@initech.test",
    );
    await refusedWithoutChange(
      () => editOf("una.unconfirmed@acme.test", { customerId: fx.globex }).then((i) => caller.admin.customerUsers.update(i)),
      { code: "NOT_FOUND" },
      "una.unconfirmed@acme.test",
    );
  });

  it("refuses a taken email as a CONFLICT on the field", async () => {
    const caller = await admin();
    await refusedWithoutChange(
      () =>
        editOf("erin.east@acme.test", { email: "GINA.globex@globex.test", localizationId: fx.de }).then((i) =>
          caller.admin.customerUsers.update(i),
        ),
      {
        code: "CONFLICT",
        ...fieldErrors({ email: ["This email is already in use."] }),
      },
      "erin.east@acme.test",
    );
  });
});

// ------------------------------------------------------------------------------------- update, storefront

describe("updateCustomerUser for a customer's administrator (storefront realm)", () => {
  const update = async (actor: CustomerPrincipal, email: string, overrides: Partial<UpdateCustomerUserInput> = {}) =>
    updateCustomerUser(
      db,
      actor,
      updateCustomerUserInput.parse(await editOf(email, { localizationId: fx.en, salesRepresentativeIds: undefined, ...overrides })),
    );

  it("edits users within reach and refuses others as NOT_FOUND", async () => {
    await update(amanda, "eddie.buyer@acme.test", { phone: "0421 000", localizationId: fx.de });
    expect((await userByEmail("eddie.buyer@acme.test")).phone).toBe("0421 000");
    await refusedWithoutChange(() => update(dora, "eddie.buyer@acme.test"), { code: "NOT_FOUND" }, "eddie.buyer@acme.test");
    await refusedWithoutChange(() => update(amanda, "gary.buyer@globex.test"), { code: "NOT_FOUND" }, "gary.buyer@globex.test");
  });

  it("never lets an administrator edit a user who holds more than they do, nor hand out more", async () => {
    await refusedWithoutChange(
      () => update(dora, "amanda.admin@acme.test", { email: "dora.owns.this@acme.test" }),
      {
        code: "FORBIDDEN",
        message: expect.stringMatching(/^You cannot edit a user with more than you hold yourself/),
      },
      "amanda.admin@acme.test",
    );
    await refusedWithoutChange(
      () => update(dora, "bob.buyer@acme.test", { roleIds: [fx.buyer, fx.administrator] }),
      {
        code: "FORBIDDEN",
        message: expect.stringMatching(/^You cannot assign roles with more than you hold yourself/),
      },
      "bob.buyer@acme.test",
    );
    await update(dora, "bob.buyer@acme.test", { roleIds: [fx.buyer, fx.acmePurchaser] });
    expect((await userByEmail("bob.buyer@acme.test")).roles).toHaveLength(2);
  });

  it("never lets administrators disable or move themselves", async () => {
    await refusedWithoutChange(
      () => update(amanda, "amanda.admin@acme.test", { enabled: false }),
      { code: "BAD_REQUEST", message: "You cannot disable yourself." },
      "amanda.admin@acme.test",
    );
    await refusedWithoutChange(
      () => update(amanda, "amanda.admin@acme.test", { customerId: fx.east }),
      {
        code: "BAD_REQUEST",
        ...serviceFieldErrors({ customerId: ["You cannot move yourself to another customer."] }),
      },
      "amanda.admin@acme.test",
    );
  });

  it("refuses to let a lone administrator take away their own power to manage users", async () => {
    const solo = await createCustomerNode(db, { name: "Lone Admin Ltd" });
    await db.customerUser.create({
      data: {
        email: "lone@lone.test",
        firstName: "Lone",
        lastName: "Admin",
        confirmedAt: new Date(),
        customerId: solo.id,
        customerPath: solo.path,
        roles: { create: { roleId: fx.administrator } },
      },
    });
    const lone = await customerPrincipal(db, "lone@lone.test");
    await refusedWithoutChange(
      () => update(lone, "lone@lone.test", { roleIds: [fx.buyer] }),
      {
        code: "BAD_REQUEST",
        message: expect.stringContaining("Lone Admin Ltd must keep at least one enabled user who can manage its users"),
      },
      "lone@lone.test",
    );
  });
});
