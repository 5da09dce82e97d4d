import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, customerPrincipal } from "../../../test/principals";
import { lastEmail } from "../../../test/mail";
import { verifyPassword } from "../../../auth/password";
import type { CustomerPrincipal } from "../../../authz/access";
import { createCustomerUserInput, enabledWithoutRoleMessage, type CreateCustomerUserInput } from "../../../schemas/customerUser";
import { createCustomerUser } from "../../../services/customerUsers/create";
import { roleChoices } from "../../../services/roles/choices";
import { hashToken } from "../../../services/identity/tokens";
import { signInCustomerUser } from "../../../services/identity/signIn";
import {
  db,
  fx,
  dora,
  amanda,
  admin,
  sales,
  userByEmail,
  epoch,
  newUser,
  address,
  refusedWithoutChange,
  fieldErrors,
  invalid,
  setupCustomerUserRecord,
} from "../../../test/fixtures/customerUserRecord";

/**
 * Creating a customer user: admin.customerUsers.create, and createCustomerUser with a customer's administrator's
 * principal (the storefront realm), through the same input schemas.
 */
beforeAll(setupCustomerUserRecord);

// ---------------------------------------------------------------------------------------------- create

describe("admin.customerUsers.create", () => {
  it("creates the user as the guide's steps say and sends a welcome email with a single-use set-password link", async () => {
    const caller = await admin();
    const epochBefore = await epoch();
    const input = newUser({
      email: "Nina.NEW@Record.test",
      namePrefix: "Dr.",
      middleName: "Maria",
      nameSuffix: "PhD",
      birthday: "1990-04-01",
      phone: "+49 421 555 01",
      salesRepresentativeIds: [fx.sam],
      localizationId: fx.de,
      addresses: [address],
      sendWelcomeEmail: true,
    });
    const { id } = await caller.admin.customerUsers.create(input);

    const user = await userByEmail("nina.new@record.test");
    expect(user).toMatchObject({
      id,
      enabled: true,
      namePrefix: "Dr.",
      firstName: "Nina",
      middleName: "Maria",
      lastName: "New",
      nameSuffix: "PhD",
      phone: "+49 421 555 01",
      customerId: fx.east,
      websiteId: fx.store,
      ownerId: fx.ada,
      passwordHash: null,
      authStatus: "ACTIVE",
      version: 1,
    });
    expect(user.birthday?.toISOString().slice(0, 10)).toBe("1990-04-01");
    expect(user.confirmedAt).not.toBeNull();
    expect(user.customerPath).toBe((await db.customer.findUniqueOrThrow({ where: { id: fx.east } })).path);
    expect(user.roles.map((r) => r.roleId)).toEqual([fx.buyer]);
    expect(user.salesRepresentatives.map((s) => s.staffUserId)).toEqual([fx.sam]);
    expect(user.websiteSettings).toEqual([{ customerUserId: id, websiteId: fx.store, localizationId: fx.de }]);
    expect(user.addresses).toMatchObject([{ street: "5 Dock Road", countryCode: "DE", isDefaultBilling: true, isDefaultShipping: true }]);
    expect(await epoch()).toBeGreaterThan(epochBefore);

    // In German (the preferred localization), with a link to choose a password and never a password.
    const welcome = await lastEmail(db, user.email, "welcome");
    expect(welcome).toMatchObject({ locale: "de", subject: "Willkommen bei Roster", customerUserId: id });
    expect(welcome!.html).toContain("/reset-password?token=");
    const token = await db.token.findUniqueOrThrow({ where: { tokenHash: hashToken(welcome!.secret!) } });
    expect(token).toMatchObject({ purpose: "SET_PASSWORD", customerUserId: id, usedAt: null });

    const visitor = callerFor(db, null).auth;
    await visitor.resetPassword({ token: welcome!.secret!, password: "Chosen-by-nina-1" });
    expect(await signInCustomerUser(db, { email: user.email, password: "Chosen-by-nina-1", ip: null, userAgent: null })).toMatchObject({
      ok: true,
    });
    await expect(visitor.resetPassword({ token: welcome!.secret!, password: "Second-try-22" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CustomerUser", entityId: String(id) } });
    expect(audit).toMatchObject({
      action: "customerUser.create",
      actorType: "STAFF",
      actorStaffId: fx.ada,
      after: expect.objectContaining({ email: user.email, roles: ["Buyer"], welcomeEmail: true }),
    });
  });

  it("defaults the sales representatives to the customer's, and with a typed password welcomes with a sign-in link", async () => {
    const caller = await admin();
    const input = newUser({ customerId: fx.holding, generatePassword: false, password: "Typed-pass-2026", sendWelcomeEmail: true });
    await caller.admin.customerUsers.create(input);
    const user = await userByEmail(input.email);
    expect(user.salesRepresentatives.map((s) => s.staffUserId)).toEqual([fx.sam]);
    expect(await verifyPassword(user.passwordHash, "Typed-pass-2026")).toBe(true);
    const welcome = await lastEmail(db, user.email, "welcome");
    expect(welcome).toMatchObject({ locale: "en", subject: "Welcome to Roster", secret: null });
    expect(welcome!.html).toContain("/login");
    expect(await db.token.count({ where: { customerUserId: user.id } })).toBe(0);
  });

  it("stores a website's only localization without asking, and asks when the website has several", async () => {
    const caller = await admin();
    const input = newUser({ websiteId: fx.wholesale, localizationId: null });
    await caller.admin.customerUsers.create(input);
    expect((await userByEmail(input.email)).websiteSettings).toMatchObject([{ websiteId: fx.wholesale, localizationId: fx.en }]);

    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ localizationId: null })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ localizationId: ["Choose the preferred localization for this website."] }),
    });
  });

  it("refuses an enabled user without a role with the guide's message, and saves a disabled one without", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ roleIds: [] })), {
      code: "BAD_REQUEST",
      message: enabledWithoutRoleMessage,
      ...fieldErrors({ roleIds: [enabledWithoutRoleMessage] }),
    });
    const disabled = newUser({ enabled: false, roleIds: [] });
    await caller.admin.customerUsers.create(disabled);
    expect(await userByEmail(disabled.email)).toMatchObject({ enabled: false, roles: [] });
  });

  it("refuses a taken email, whatever its case, as a CONFLICT on the field", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ email: "Bob.Buyer@ACME.test" })), {
      code: "CONFLICT",
      message: "This email is already in use.",
      ...fieldErrors({ email: ["This email is already in use."] }),
    });
  });

  it("refuses bad input field by field: future birthday, weak password, two default billing addresses", async () => {
    const caller = await admin();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ birthday: tomorrow })),
      invalid("birthday", "A birthday cannot be in the future."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ generatePassword: false, password: "short" })),
      invalid("password", "Use at least 10 characters."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ generatePassword: false })),
      invalid("password", "Enter a password, or select Generate Password."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ addresses: [address, address] })),
      invalid("addresses.1.isDefaultBilling", "Only one address can be the default billing address."),
    );
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ customerId: null })),
      invalid("customerId", "Choose the customer this user represents."),
    );
  });

  it("offers only roles the customer may use: another company's role is refused", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ customerId: fx.holding, roleIds: [fx.globexAuditor] })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ roleIds: ["Some chosen roles are not available to this customer."] }),
    });
    const own = newUser({ customerId: fx.holding, roleIds: [fx.acmePurchaser, fx.buyer] });
    await caller.admin.customerUsers.create(own);
    expect((await userByEmail(own.email)).roles.map((r) => r.roleId).sort()).toEqual([fx.buyer, fx.acmePurchaser].sort());
  });

  it("refuses to send a welcome email to a disabled user", async () => {
    const caller = await admin();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ enabled: false, sendWelcomeEmail: true })), {
      code: "BAD_REQUEST",
      ...fieldErrors({ sendWelcomeEmail: [expect.stringContaining("A disabled user cannot sign in")] }),
    });
  });

  it("creates a new subsidiary in place, under the chosen parent, with the parent's representatives", async () => {
    const caller = await admin();
    const input = newUser({ customerId: null, newCustomer: { name: "Acme West Retail", parentId: fx.west }, roleIds: [fx.administrator] });
    await caller.admin.customerUsers.create(input);
    const user = await userByEmail(input.email);
    const subsidiary = await db.customer.findUniqueOrThrow({ where: { id: user.customerId }, include: { salesRepresentatives: true } });
    const west = await db.customer.findUniqueOrThrow({ where: { id: fx.west } });
    expect(subsidiary).toMatchObject({
      name: "Acme West Retail",
      parentId: fx.west,
      path: `${west.path}${subsidiary.id}/`,
      ownerId: west.ownerId,
    });
    expect(user.customerPath).toBe(subsidiary.path);
    expect(await db.auditEvent.count({ where: { action: "customer.create", entityId: String(subsidiary.id) } })).toBe(1);
  });

  it("keeps a sales manager to the customers they represent: others are NOT_FOUND, and so is a subsidiary they may not create", async () => {
    const caller = await sales();
    await refusedWithoutChange(() => caller.admin.customerUsers.create(newUser({ customerId: fx.globex })), { code: "NOT_FOUND" });
    await refusedWithoutChange(
      () => caller.admin.customerUsers.create(newUser({ customerId: null, newCustomer: { name: "Acme East Two", parentId: fx.east } })),
      { code: "NOT_FOUND" },
    );
    const input = newUser({ customerId: fx.east });
    await caller.admin.customerUsers.create(input);
    expect(await userByEmail(input.email)).toMatchObject({ customerId: fx.east, ownerId: fx.sam });
  });
});

// ------------------------------------------------------------------------------------- create, storefront

describe("createCustomerUser for a customer's administrator (storefront realm)", () => {
  const create = (actor: CustomerPrincipal, input: CreateCustomerUserInput) =>
    createCustomerUser(db, actor, createCustomerUserInput.parse(input));

  it("adds users within the administrator's reach: Corporate reaches the subsidiaries, Department only its own customer", async () => {
    const input = newUser({ customerId: fx.east });
    await create(amanda, input);
    expect(await userByEmail(input.email)).toMatchObject({
      customerId: fx.east,
      ownerId: (await db.customer.findUniqueOrThrow({ where: { id: fx.east } })).ownerId,
    });
    await refusedWithoutChange(() => create(amanda, newUser({ customerId: fx.globex })), { code: "NOT_FOUND" });
    await refusedWithoutChange(() => create(dora, newUser({ customerId: fx.east })), { code: "NOT_FOUND" });
    const own = newUser({ customerId: fx.holding });
    await create(dora, own);
    expect((await userByEmail(own.email)).customerId).toBe(fx.holding);
  });

  it("hands out only roles within the administrator's own grants, naming what exceeds them", async () => {
    await refusedWithoutChange(() => create(dora, newUser({ customerId: fx.holding, roleIds: [fx.administrator] })), {
      code: "FORBIDDEN",
      message: expect.stringMatching(
        /^You cannot assign roles with more than you hold yourself: .*"Edit customer user" at Corporate \(you hold Department\)/,
      ),
    });
    const choices = await roleChoices(db, dora, fx.holding);
    expect(choices.find((r) => r.id === fx.administrator)).toMatchObject({ assignable: false });
    expect(choices.find((r) => r.id === fx.acmePurchaser)).toMatchObject({ assignable: true, predefined: false });
    expect(choices.some((r) => r.id === fx.globexAuditor)).toBe(false);
  });

  it("creates a subsidiary only with Corporate levels, and leaves sales representatives to staff", async () => {
    await refusedWithoutChange(
      () => create(dora, newUser({ customerId: null, newCustomer: { name: "Dora's branch", parentId: fx.holding } })),
      { code: "NOT_FOUND" },
    );
    const input = newUser({ customerId: null, newCustomer: { name: "Acme North", parentId: fx.holding } });
    await create(amanda, input);
    expect((await db.customer.findUniqueOrThrow({ where: { id: (await userByEmail(input.email)).customerId } })).parentId).toBe(fx.holding);
    await refusedWithoutChange(() => create(amanda, newUser({ salesRepresentativeIds: [fx.sam] })), {
      code: "FORBIDDEN",
      message: "Only staff choose sales representatives.",
    });
  });

  it("needs the role-assignment permission to give roles, and the address permissions to add addresses", async () => {
    const cleo = await customerPrincipal(db, "cleo.clerk@acme.test");
    await refusedWithoutChange(() => create(cleo, newUser({ customerId: fx.holding })), {
      code: "FORBIDDEN",
      message: "Your roles do not let you assign roles to this customer's users.",
    });
    await refusedWithoutChange(() => create(cleo, newUser({ customerId: fx.holding, enabled: false, roleIds: [], addresses: [address] })), {
      code: "FORBIDDEN",
      message: "Your roles do not let you add addresses for this customer's users.",
    });
    const plain = newUser({ customerId: fx.holding, enabled: false, roleIds: [] });
    await create(cleo, plain);
    expect(await userByEmail(plain.email)).toMatchObject({ enabled: false, customerId: fx.holding });
  });

  it("refuses a buyer, whose roles reach no customer to add users to", async () => {
    const bob = await customerPrincipal(db, "bob.buyer@acme.test");
    await refusedWithoutChange(() => create(bob, newUser({ customerId: fx.holding })), { code: "NOT_FOUND" });
  });
});
